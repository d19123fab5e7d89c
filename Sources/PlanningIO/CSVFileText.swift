import Foundation

/// A CSV file split into its records, with what it takes to write it back in the form it came in:
/// the encoding (UTF-8 with or without byte order mark, or Windows-1252 as German Excel saves it),
/// the separator (read as `CSVTable` reads it) and the line break. For edits of a request list
/// (`wsplan serve`): a changed row is written anew, every other row keeps its text byte for byte.
public struct CSVFileText: Sendable {
    public struct Record: Sendable {
        /// The 1-based line the record starts on.
        public var line: Int
        /// The cells as the CSV reader reads them (unquoted fields trimmed).
        public var fields: [String]
        /// The record's text as in the file, its line break (and blank lines after it) included.
        public var text: String
    }

    public var byteOrderMark: Bool
    public var windows1252: Bool
    public var separator: Character
    public var lineBreak: String
    /// Blank lines before the first record.
    public var leading: String
    /// The header first.
    public var records: [Record]

    /// Reads the bytes of a CSV file; text that is not UTF-8 is read as Windows-1252.
    public init(_ data: Data) {
        var text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
            windows1252 = false
        } else {
            text = String(data: data, encoding: .windowsCP1252) ?? ""
            windows1252 = true
        }
        // Foundation may or may not drop a UTF-8 byte order mark while decoding: look at the bytes.
        byteOrderMark = !windows1252 && data.starts(with: [0xEF, 0xBB, 0xBF])
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let separator = CSVReader.separator(of: text)
        self.separator = Character(separator)
        lineBreak = text.contains("\r\n") ? "\r\n" : "\n"
        let lines = Self.lines(text)
        let document = CSVReader.read(text, separator: separator)
        let starts = document.records.map(\.line)
        leading = lines.prefix((starts.first ?? lines.count + 1) - 1).joined()
        records = document.records.enumerated().map { index, record in
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
            let text = lines[min(record.line - 1, lines.count)..<max(min(end, lines.count), record.line - 1)].joined()
            return Record(line: record.line, fields: record.fields.map(\.text), text: text)
        }
    }

    /// The header's column names as `CSVTable` reads them (trimmed, lower case).
    public var columns: [String] { records.first?.fields.map { $0.trimmingSpaces.lowercased() } ?? [] }

    /// One record as this file writes it: its separator, quotes where needed, its line break.
    public func line(_ fields: [String]) -> String {
        let dialect = CSVDialect(separator: separator, decimalSeparator: ".", byteOrderMark: false)
        return fields.map(dialect.field).joined(separator: String(separator)) + lineBreak
    }

    /// The whole file from record texts (kept ones and ones made by `line`), in the file's
    /// encoding; nil when a character cannot be written in Windows-1252.
    public func data(_ texts: [String]) -> Data? {
        var text = leading
        for record in texts {
            if let last = text.unicodeScalars.last, last != "\n", last != "\r" { text += lineBreak }
            text += record
        }
        if windows1252 { return text.data(using: .windowsCP1252, allowLossyConversion: false) }
        return Data(((byteOrderMark ? "\u{FEFF}" : "") + text).utf8)
    }

    /// The text's lines, each with its CRLF, LF or CR (the reader's line numbering).
    static func lines(_ text: String) -> [String] {
        var lines: [String] = [], current = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            current.unicodeScalars.append(scalar)
            if scalar == "\r", pending == "\n" {
                current.unicodeScalars.append("\n")
                pending = scalars.next()
            }
            if scalar == "\r" || scalar == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
