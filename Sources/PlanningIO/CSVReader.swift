/// One field of a CSV record and where it starts (1-based line and column, in Unicode scalars).
struct CSVField: Sendable, Equatable {
    var text: String
    var line: Int
    var column: Int
}

/// One record (row) of a CSV file; `line` is where it starts (a quoted field may span lines).
struct CSVRecord: Sendable, Equatable {
    var line: Int
    var fields: [CSVField]
}

/// What `CSVReader` found: the records and the places where the text is not valid CSV.
struct CSVDocument: Sendable {
    var records: [CSVRecord] = []
    var errors: [(line: Int, column: Int, message: String)] = []
}

/// An RFC 4180 reader: comma-separated (or `;`-separated, as German Excel saves), fields
/// optionally in double quotes (which may hold separators, line breaks and doubled quotes `""`),
/// CRLF or LF line ends, an optional UTF-8 byte order mark.
///
/// Unquoted fields are trimmed of surrounding spaces; blank lines are skipped. Errors do not stop
/// the reading, so a file with several mistakes reports all of them.
enum CSVReader {
    /// `;` when the first line has more semicolons than commas outside quotes (German Excel's
    /// "CSV (Trennzeichen-getrennt)" and "CSV UTF-8"), else `,`.
    static func separator(of text: String) -> Unicode.Scalar {
        var quoted = false, commas = 0, semicolons = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            else if !quoted, scalar == "\n" || scalar == "\r" { break }
            else if !quoted, scalar == "," { commas += 1 }
            else if !quoted, scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    static func read(_ text: String, separator: Unicode.Scalar = ",") -> CSVDocument {
        var reader = Cursor(Array(text.unicodeScalars))
        if reader.peek == "\u{FEFF}" { reader.advance() }
        var document = CSVDocument()
        while !reader.atEnd {
            let line = reader.line
            var fields: [CSVField] = []
            var endOfRecord = false
            while !endOfRecord {
                fields.append(readField(&reader, separator: separator, into: &document))
                switch reader.peek {
                case separator:
                    reader.advance()
                case nil:
                    endOfRecord = true
                default:
                    reader.skipLineBreak()
                    endOfRecord = true
                }
            }
            let isBlank = fields.count == 1 && fields[0].text.isEmpty
            if !isBlank { document.records.append(CSVRecord(line: line, fields: fields)) }
        }
        return document
    }

    private static func readField(_ reader: inout Cursor, separator: Unicode.Scalar, into document: inout CSVDocument) -> CSVField {
        let line = reader.line, column = reader.column
        // Spaces before an opening quote are tolerated (`a, "b, c"`).
        var lookahead = reader.index
        while lookahead < reader.scalars.count, reader.scalars[lookahead] == " " || reader.scalars[lookahead] == "\t" {
            lookahead += 1
        }
        guard lookahead < reader.scalars.count, reader.scalars[lookahead] == "\"" else {
            var text = String.UnicodeScalarView()
            while let scalar = reader.peek, scalar != separator, scalar != "\n", scalar != "\r" {
                text.append(scalar)
                reader.advance()
            }
            return CSVField(text: String(text).trimmingSpaces, line: line, column: column)
        }
        while reader.index < lookahead { reader.advance() }
        let quoteLine = reader.line, quoteColumn = reader.column
        reader.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = reader.peek else {
                document.errors.append((quoteLine, quoteColumn,
                                        "the quoted field that starts here is never closed; add the closing \""))
                return CSVField(text: String(text), line: line, column: column)
            }
            if scalar == "\"" {
                reader.advance()
                if reader.peek == "\"" {
                    text.append("\"")
                    reader.advance()
                    continue
                }
                break
            }
            if scalar == "\r" || scalar == "\n" {
                reader.skipLineBreak()
                text.append("\n")
                continue
            }
            text.append(scalar)
            reader.advance()
        }
        while reader.peek == " " || reader.peek == "\t" { reader.advance() }
        if let next = reader.peek, next != separator, next != "\n", next != "\r" {
            document.errors.append((reader.line, reader.column,
                                    "text after a closing quote; put the whole field in quotes and write a quote inside it as \"\""))
            while let scalar = reader.peek, scalar != separator, scalar != "\n", scalar != "\r" { reader.advance() }
        }
        return CSVField(text: String(text), line: line, column: column)
    }

    /// A position in the text that counts lines and columns.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        mutating func advance() {
            index += 1
            column += 1
        }

        /// Consumes one CRLF, LF or CR.
        mutating func skipLineBreak() {
            if peek == "\r" { index += 1 }
            if peek == "\n" { index += 1 }
            line += 1
            column = 1
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
