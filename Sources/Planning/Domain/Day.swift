/// A calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// wsplan plans whole days in one time zone, so a day number is all it needs: comparisons,
/// differences (`W − P`) and weekdays are integer arithmetic, with no time zone or locale in play.
public struct Day: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day with the given date, or nil when the month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: year, month: month) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1–12) and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// A key that identifies the calendar month (`year * 12 + month - 1`), for per-month limits.
    public var monthKey: Int { let c = components; return c.year * 12 + c.month - 1 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// A month and day without a year, as in the office closure `"12-24"`.
public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: 2024, month: month) else { return nil }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`.
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        self.init(month: m, day: d)
    }

    public var description: String { "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }

    /// Position within a year for comparisons (month * 100 + day).
    var rank: Int { month * 100 + day }
}
