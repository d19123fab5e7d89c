/// Decides which days are working days for a municipality (R4, and school holidays when switched on).
///
/// Public holidays are cached per state and year: the formulation asks about every day of the
/// horizon for every request.
public struct WorkingCalendar: Sendable {
    public let rules: Rules
    public let schoolHolidays: [GermanState: [SchoolHoliday]]
    private let holidayCache: [GermanState: [Int: [Day: String]]]

    public init(rules: Rules, schoolHolidays: [GermanState: [SchoolHoliday]] = [:], years: ClosedRange<Int>) {
        self.rules = rules
        self.schoolHolidays = schoolHolidays
        var cache: [GermanState: [Int: [Day: String]]] = [:]
        for state in GermanState.allCases {
            for year in years { cache[state, default: [:]][year] = PublicHolidays.holidays(in: state, year: year) }
        }
        holidayCache = cache
    }

    /// A calendar covering every year a scenario's events can touch.
    public init(scenario: Scenario) {
        let last = scenario.horizon.upperBound.advanced(by: scenario.rules.followupGap.max + 2)
        let first = min(scenario.planningStart, scenario.horizon.lowerBound)
        let bookingYears = scenario.bookings.flatMap { [$0.preparation.year, $0.followup.year] }
        let lo = ([first.year] + bookingYears).min()!
        let hi = ([last.year] + bookingYears).max()!
        self.init(rules: scenario.rules, schoolHolidays: scenario.schoolHolidays, years: lo...hi)
    }

    /// Why `day` is not a working day in `state` for a municipality with `blackout`, or nil when it is one.
    public func reasonNotWorking(_ day: Day, state: GermanState, blackout: Set<Day> = []) -> DayOff? {
        if day.isWeekend { return day.weekday == 6 ? .saturday : .sunday }
        if let name = publicHoliday(day, state: state) { return .publicHoliday(name: name, state: state) }
        if isOfficeClosure(day) { return .officeClosure }
        if blackout.contains(day) { return .blackout }
        if let school = schoolHoliday(day, state: state) { return .schoolHoliday(name: school.name, state: state) }
        return nil
    }

    public func isWorkingDay(_ day: Day, state: GermanState, blackout: Set<Day> = []) -> Bool {
        reasonNotWorking(day, state: state, blackout: blackout) == nil
    }

    public func publicHoliday(_ day: Day, state: GermanState) -> String? {
        if let year = holidayCache[state]?[day.year] { return year[day] }
        return PublicHolidays.name(of: day, in: state)
    }

    /// True inside the office closure (e.g. 24 December to 1 January, wrapping over New Year).
    public func isOfficeClosure(_ day: Day) -> Bool {
        guard let closure = rules.officeClosure else { return false }
        let c = day.components
        let rank = c.month * 100 + c.day
        let (start, end) = (closure.start.rank, closure.end.rank)
        return start <= end ? (start...end).contains(rank) : (rank >= start || rank <= end)
    }

    /// The school break containing `day`, when `avoid_school_holidays` is on.
    public func schoolHoliday(_ day: Day, state: GermanState) -> SchoolHoliday? {
        guard rules.avoidSchoolHolidays else { return nil }
        return schoolHolidays[state]?.first { $0.first <= day && day <= $0.last }
    }
}
