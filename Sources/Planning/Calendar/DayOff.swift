/// Why a day is not a working day (R4), as data: the English of plan.json and `wsplan check`
/// and the German of the report are made where they are shown.
public enum DayOff: Hashable, Sendable, Codable {
    case saturday, sunday
    /// A statewide public holiday, by its German name ("Karfreitag").
    case publicHoliday(name: String, state: GermanState)
    /// Inside the office's closure (`office_closure`, e.g. 24 December to 1 January).
    case officeClosure
    /// One of the municipality's own blackout days.
    case blackout
    /// A school break of the state, when `avoid_school_holidays` is on.
    case schoolHoliday(name: String, state: GermanState)

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The stable English words: "Saturday", "public holiday Karfreitag in BY", "office closure" …
    public var text: String {
        switch self {
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        case .publicHoliday(let name, let state): "public holiday \(name) in \(state.rawValue)"
        case .officeClosure: "office closure"
        case .blackout: "blackout day of the municipality"
        case .schoolHoliday(let name, let state): "school holidays (\(name)) in \(state.rawValue)"
        }
    }
}
