import Foundation

/// Reads a CSV file the way Excel with German regional settings does when it is opened by a
/// double click (one copy for every test target): it must start with a UTF-8 byte order mark, fields are separated by `;`, quoted
/// per RFC 4180, numbers have a decimal comma (a point makes them text, which is the failure).
public enum GermanExcelCSV {
    public struct Failure: Error, CustomStringConvertible { public var description: String }

    public static func read(_ data: Data) throws -> [[String]] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard Array(data.prefix(3)) == bom else { throw Failure(description: "no UTF-8 byte order mark: Excel would read it as ANSI") }
        guard let text = String(data: data.dropFirst(3), encoding: .utf8) else { throw Failure(description: "not UTF-8") }
        return try split(text, separator: ";")
    }

    /// RFC 4180 records: CRLF between records, `""` for a quote inside a quoted field.
    public static func split(_ text: String, separator: Character) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if quoted {
                if c == "\"" {
                    if next < text.endIndex, text[next] == "\"" { field.append("\""); index = text.index(after: next); continue }
                    quoted = false
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                record.append(field); field = ""
            } else if c == "\r\n" {   // Swift keeps CRLF as one Character
                record.append(field); records.append(record); record = []; field = ""
            } else if c == "\n" || c == "\r" {
                throw Failure(description: "bare line feed or carriage return outside quotes")
            } else {
                field.append(c)
            }
            index = next
        }
        guard !quoted else { throw Failure(description: "unterminated quote") }
        guard field.isEmpty && record.isEmpty else { throw Failure(description: "last record without CRLF") }
        return records
    }

    /// A number cell as German Excel takes it: digits, an optional leading minus and one decimal comma.
    public static func number(_ cell: String) throws -> Double {
        let pattern = #"^-?[0-9]+(,[0-9]+)?$"#
        guard cell.range(of: pattern, options: .regularExpression) != nil,
              let value = Double(cell.replacingOccurrences(of: ",", with: ".")) else {
            throw Failure(description: "'\(cell)' is not a number to German Excel")
        }
        return value
    }

    /// Euro amounts compared in cents.
    public static func cents(_ cell: String) throws -> Int { Int((try number(cell) * 100).rounded()) }
}
