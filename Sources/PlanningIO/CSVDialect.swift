import Foundation

/// How wsplan writes its spreadsheets (calendar.csv, costs.csv).
///
/// `.excelGerman`, the default, is what Excel with German regional settings opens correctly by a
/// double click: UTF-8 with a byte order mark (else umlauts break), `;` between fields (the
/// German list separator) and a decimal comma. `.plain` is the common form for programs: UTF-8
/// without BOM, `,` and a decimal point. Both end lines with CRLF and quote a field only when it
/// holds the separator, a quote or a line break (RFC 4180).
public struct CSVDialect: Sendable, Equatable {
    public var separator: Character
    public var decimalSeparator: Character
    public var byteOrderMark: Bool

    public static let excelGerman = CSVDialect(separator: ";", decimalSeparator: ",", byteOrderMark: true)
    public static let plain = CSVDialect(separator: ",", decimalSeparator: ".", byteOrderMark: false)

    public init(separator: Character, decimalSeparator: Character, byteOrderMark: Bool) {
        self.separator = separator
        self.decimalSeparator = decimalSeparator
        self.byteOrderMark = byteOrderMark
    }

    /// The whole file: header and rows, CRLF after each, the BOM first when the dialect has one.
    public func render(header: [String], rows: [[String]]) -> Data {
        let text = ([header] + rows).map { $0.map(field).joined(separator: String(separator)) + "\r\n" }.joined()
        return Data(((byteOrderMark ? "\u{FEFF}" : "") + text).utf8)
    }

    /// `text`, quoted when it must be.
    public func field(_ text: String) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with `decimals` places and this dialect's decimal separator, no grouping.
    public func number(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }   // never "-0.00"
        return decimalSeparator == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalSeparator))
    }
}
