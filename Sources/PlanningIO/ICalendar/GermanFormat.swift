import Planning

/// German number and date formats for texts the office and municipalities read.
public enum GermanFormat {
    /// 6.962,40 €
    public static func euro(_ value: Double) -> String {
        let cents = Int((abs(value) * 100).rounded())
        let fraction = cents % 100
        return (value < 0 ? "-" : "") + grouped(cents / 100) + "," + (fraction < 10 ? "0" : "") + "\(fraction) €"
    }

    /// 1.234.567: a whole number with dots between thousands.
    static func grouped(_ whole: Int) -> String {
        let digits = Array(String(whole).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

    /// Dienstag, 09.02.2027
    static func date(_ day: Day) -> String {
        let c = day.components
        return "\(weekdays[day.weekday - 1]), \(c.day < 10 ? "0" : "")\(c.day).\(c.month < 10 ? "0" : "")\(c.month).\(c.year)"
    }
}
