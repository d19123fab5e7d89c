import Planning

/// German number and date formats for texts the office and municipalities read.
public enum GermanFormat {
    /// 6.962,40 €
    public static func euro(_ value: Double) -> String {
        let cents = Int((abs(value) * 100).rounded())
        var euros = String(cents / 100)
        var grouped = ""
        while euros.count > 3 { grouped = "." + euros.suffix(3) + grouped; euros = String(euros.dropLast(3)) }
        let fraction = cents % 100
        return (value < 0 ? "-" : "") + euros + grouped + "," + (fraction < 10 ? "0" : "") + "\(fraction) €"
    }

    static let weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]

    /// Dienstag, 09.02.2027
    static func date(_ day: Day) -> String {
        let c = day.components
        return "\(weekdays[day.weekday - 1]), \(c.day < 10 ? "0" : "")\(c.day).\(c.month < 10 ? "0" : "")\(c.month).\(c.year)"
    }
}
