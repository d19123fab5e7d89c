import Planning

/// German formats for report.html, beside the calendar's (`GermanFormat.euro`, `GermanFormat.date`).
extension GermanFormat {
    static let weekdaysShort = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                         "Oktober", "November", "Dezember"]
    static let monthsShort = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]

    /// 09.02.2027
    public static func numericDate(_ day: Day) -> String {
        let c = day.components
        return "\(twoDigits(c.day)).\(twoDigits(c.month)).\(c.year)"
    }

    /// Di, 09.02.2027
    static func shortDate(_ day: Day) -> String { "\(weekdaysShort[day.weekday - 1]), \(numericDate(day))" }

    /// Februar 2027
    static func monthTitle(year: Int, month: Int) -> String { "\(months[month - 1]) \(year)" }

    /// 1.234,5 with `decimals` digits after the comma and dots between thousands.
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((abs(value) * factor).rounded())
        var text = (value < 0 && scaled != 0 ? "−" : "") + grouped(scaled / Int(factor))
        if decimals > 0 {
            let fraction = String(scaled % Int(factor))
            text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// 0,36 %
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String { number(fraction * 100, decimals: decimals) + " %" }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
