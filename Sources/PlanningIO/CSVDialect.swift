import Foundation

/// How wsplan writes its spreadsheets (calendar.csv, costs.csv, changes.csv).
///
/// `.excelGerman`, the default, is what Excel with German regional settings opens correctly by a
/// double click: UTF-8 with a byte order mark (else umlauts break), `;` between fields (the
/// German list separator), a decimal comma, dates as `09.02.2027`, and German headers and values
/// for the office. `.plain` is the common form for programs: UTF-8 without BOM, `,`, a decimal
/// point, ISO dates and stable English names. Both end lines with CRLF and quote a field only when
/// it holds the separator, a quote or a line break (RFC 4180).
public struct CSVDialect: Sendable, Equatable {
    public var separator: Character
    public var decimalSeparator: Character
    public var byteOrderMark: Bool
    /// German headers and values, German dates, and text cells that Excel would run as formulas
    /// neutralised (OWASP CSV injection): for people, not programs.
    public var forOffice: Bool

    public static let excelGerman = CSVDialect(separator: ";", decimalSeparator: ",", byteOrderMark: true, forOffice: true)
    public static let plain = CSVDialect(separator: ",", decimalSeparator: ".", byteOrderMark: false, forOffice: false)

    public init(separator: Character, decimalSeparator: Character, byteOrderMark: Bool, forOffice: Bool = false) {
        self.separator = separator
        self.decimalSeparator = decimalSeparator
        self.byteOrderMark = byteOrderMark
        self.forOffice = forOffice
    }

    /// The whole file: header and rows, CRLF after each, the BOM first when the dialect has one.
    public func render(header: [String], rows: [[String]]) -> Data {
        let text = ([header] + rows).map { $0.map(field).joined(separator: String(separator)) + "\r\n" }.joined()
        return Data(((byteOrderMark ? "\u{FEFF}" : "") + text).utf8)
    }

    /// `text`, neutralised when it must be (office dialect), quoted when it must be.
    public func field(_ text: String) -> String {
        let text = forOffice ? Self.neutralised(text) : text
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    /// apostrophe, so a spreadsheet shows it as text instead of running it (OWASP's CSV-injection
    /// advice). Numbers this dialect writes (`-12,50`) are left as they are.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        if text.range(of: #"^-[0-9]+([.,][0-9]+)?$"#, options: .regularExpression) != nil { return text }
        return "'" + text
    }

    /// The English machine name or the German office word, by dialect.
    public func word(_ english: String, _ german: String) -> String { forOffice ? german : english }

    /// `value` with `decimals` places and this dialect's decimal separator, no grouping.
    public func number(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }   // never "-0.00"
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalSeparator))
    }
}

import Planning

extension CSVDialect {
    /// `2027-02-09` for programs, `09.02.2027` for the office (German Excel reads it as a date).
    public func date(_ day: Day) -> String { forOffice ? GermanFormat.numericDate(day) : day.iso }

    /// `Tue` or `Di`.
    public func weekday(_ day: Day) -> String {
        word(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday - 1], GermanFormat.weekdaysShort[day.weekday - 1])
    }

    /// `BY` for programs, `Bayern` for the office.
    public func state(_ state: GermanState) -> String { word(state.rawValue, state.germanName) }

    /// `yes`/`no` or `ja`/`nein`.
    public func yesNo(_ value: Bool) -> String { value ? word("yes", "ja") : word("no", "nein") }

    /// The header of a file kind: each column's English machine name or German title.
    func header(_ columns: [(english: String, german: String)]) -> [String] { columns.map { word($0.english, $0.german) } }
}
