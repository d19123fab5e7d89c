/// The sixteen federal states by their two-letter codes.
public enum GermanState: String, CaseIterable, Sendable, Codable, Comparable {
    case BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH

    public static func < (a: GermanState, b: GermanState) -> Bool { a.rawValue < b.rawValue }

    /// The state's German name, for texts the office reads.
    public var germanName: String {
        switch self {
        case .BW: "Baden-Württemberg"
        case .BY: "Bayern"
        case .BE: "Berlin"
        case .BB: "Brandenburg"
        case .HB: "Bremen"
        case .HH: "Hamburg"
        case .HE: "Hessen"
        case .MV: "Mecklenburg-Vorpommern"
        case .NI: "Niedersachsen"
        case .NW: "Nordrhein-Westfalen"
        case .RP: "Rheinland-Pfalz"
        case .SL: "Saarland"
        case .SN: "Sachsen"
        case .ST: "Sachsen-Anhalt"
        case .SH: "Schleswig-Holstein"
        case .TH: "Thüringen"
        }
    }
}
