/// A CSV file with a header line naming its columns, checked against the columns a file kind allows.
struct CSVTable {
    struct Row {
        var line: Int
        /// The cells of known columns, in header order.
        var cells: [(column: String, field: CSVField)]

        subscript(column: String) -> CSVField? { cells.first { $0.column == column }?.field }
    }

    var path: String
    var rows: [Row]

    /// Reads and checks the file at `path`; nil when it cannot be used at all (missing, empty,
    /// no required columns). Malformed rows are logged and left out.
    static func read(_ path: String, reference: SourceLocation, columns known: [String], required: [String],
                     _ log: inout ProblemLog) -> CSVTable? {
        guard let text = InputFiles.text(of: path, reference: reference, &log) else { return nil }
        let document = CSVReader.read(text)
        for error in document.errors {
            log.add(error.message, at: SourceLocation(file: path, line: error.line, column: error.column))
        }
        guard let header = document.records.first else {
            log.add("the file is empty; its first line must name the columns, at least \(Spelling.list(required, conjunction: "and"))",
                    at: SourceLocation(file: path, line: 1))
            return nil
        }
        if header.fields.count == 1, header.fields[0].text.contains(";") {
            log.add("the columns are separated by ';'; save the file as CSV with commas between the columns",
                    at: SourceLocation(file: path, line: header.line, column: 1))
            return nil
        }

        var names: [String?] = []
        for field in header.fields {
            let name = field.text.trimmingSpaces.lowercased()
            let at = SourceLocation(file: path, line: field.line, column: field.column)
            if !known.contains(name) {
                let hint = Spelling.closest(to: name, among: known).map { "did you mean '\($0)'?" }
                    ?? "the columns allowed are \(Spelling.list(known, conjunction: "and"))"
                log.add(name.isEmpty ? "a column has no name; name it or remove it" : "unknown column '\(name)'; \(hint)", at: at)
                names.append(nil)
            } else if names.contains(name) {
                log.add("the column '\(name)' appears twice; keep one", at: at)
                names.append(nil)
            } else {
                names.append(name)
            }
        }
        let missing = required.filter { !names.contains($0) }
        if !missing.isEmpty {
            let list = Spelling.list(missing.map { "'\($0)'" }, conjunction: "and")
            log.add("the first line does not name the column\(missing.count == 1 ? "" : "s") \(list); add \(missing.count == 1 ? "it" : "them")",
                    at: SourceLocation(file: path, line: header.line))
            return nil
        }

        var rows: [Row] = []
        for record in document.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                log.add("this row has \(record.fields.count) values, but the first line names \(header.fields.count) columns; put a value that holds a comma in double quotes",
                        at: SourceLocation(file: path, line: record.line))
                continue
            }
            let cells = zip(names, record.fields).compactMap { name, field in name.map { ($0, field) } }
            rows.append(Row(line: record.line, cells: cells))
        }
        return CSVTable(path: path, rows: rows)
    }
}
