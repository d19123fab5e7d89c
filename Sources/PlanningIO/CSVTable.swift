import Foundation

/// A CSV file with a header line naming its columns, checked against the columns a file kind allows.
///
/// Files as German Excel saves them are read as they are: "CSV UTF-8" (BOM, `;`) and
/// "CSV (Trennzeichen-getrennt)" (Windows-1252, `;`). In a `;` file, the columns named in
/// `germanDates` may hold dates as `01.02.2027` and those in `decimalCommas` numbers as `51,90693`;
/// they are read as `2027-02-01` and `51.90693`. A scenario may declare the encoding and the
/// separator instead (`CSVForm`).
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
    ///
    /// An `.xlsx` file is read from its first sheet; `path` then names the sheet too
    /// (`requests.xlsx[Tabelle1]`), and lines are the sheet's rows, columns its columns (A = 1).
    static func read(_ file: String, reference: SourceLocation, columns known: [String], required: [String],
                     germanDates: Set<String> = [], decimalCommas: Set<String> = [], form: CSVForm = .detected,
                     _ log: inout ProblemLog) -> CSVTable? {
        let path: String, document: CSVDocument, separator: Unicode.Scalar, officeForms: Bool
        if file.lowercased().hasSuffix(".xlsx") {
            guard let sheet = xlsx(file, reference: reference, &log) else { return nil }
            (path, document, separator, officeForms) = ("\(file)[\(sheet.name)]", sheet.document, ",", true)
        } else {
            let read = form.encoding.map { CSVForm.text(of: file, encoding: $0, reference: reference, &log) }
                ?? officeText(of: file, reference: reference, &log)
            guard let text = read else { return nil }
            separator = form.separator ?? CSVReader.separator(of: text)
            (path, document, officeForms) = (file, CSVReader.read(text, separator: separator), separator == ";")
        }
        for error in document.errors {
            log.add(error.message, at: SourceLocation(file: path, line: error.line, column: error.column))
        }
        guard let header = document.records.first else {
            log.add("the file is empty; its first line must name the columns, at least \(Spelling.list(required, conjunction: "and"))",
                    at: SourceLocation(file: path, line: 1))
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
                log.add("this row has \(record.fields.count) values, but the first line names \(header.fields.count) columns; put a value that holds a '\(Character(separator))' in double quotes",
                        at: SourceLocation(file: path, line: record.line))
                continue
            }
            let cells = zip(names, record.fields).compactMap { name, field -> (String, CSVField)? in
                guard let name else { return nil }
                guard officeForms else { return (name, field) }
                var field = field
                if germanDates.contains(name) { field.text = isoDates(field.text) }
                if decimalCommas.contains(name) { field.text = pointDecimal(field.text) }
                return (name, field)
            }
            rows.append(Row(line: record.line, cells: cells))
        }
        return CSVTable(path: path, rows: rows)
    }

    /// The first sheet of the workbook at `path`; nil (logged) when it is missing or no workbook.
    static func xlsx(_ path: String, reference: SourceLocation, _ log: inout ProblemLog) -> XlsxSheet? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            _ = InputFiles.text(of: path, reference: reference, &log)   // the usual message for a missing file or a folder
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.add("the file '\(path)' cannot be read; check its permissions", at: reference)
            return nil
        }
        do { return try XlsxSheet.read(data) } catch let failure as XlsxSheet.Failure {
            log.add(failure.message, at: SourceLocation(file: path))
        } catch {
            log.add("the workbook cannot be read: \(error)", at: SourceLocation(file: path))
        }
        return nil
    }

    /// The text of the file: UTF-8 (with or without BOM) or, when it is not UTF-8, Windows-1252,
    /// which German Excel writes for "CSV (Trennzeichen-getrennt)". Missing or unreadable files
    /// are logged by `InputFiles.text`.
    static func officeText(of path: String, reference: SourceLocation, _ log: inout ProblemLog) -> String? {
        if let data = FileManager.default.contents(atPath: path), String(data: data, encoding: .utf8) == nil,
           let text = String(data: data, encoding: .windowsCP1252) {
            return text
        }
        return InputFiles.text(of: path, reference: reference, &log)
    }

    /// `01.02.2027` (also `1.2.2027`, inside ranges and lists) → `2027-02-01`; other text unchanged.
    static func isoDates(_ text: String) -> String {
        let pattern = #"(?<![0-9])([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?![0-9])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var out = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            func part(_ index: Int) -> String { String(text[Range(match.range(at: index), in: text)!]) }
            let day = part(1), month = part(2)
            let iso = "\(part(3))-\(month.count == 1 ? "0" + month : month)-\(day.count == 1 ? "0" + day : day)"
            out.replaceSubrange(Range(match.range, in: out)!, with: iso)
        }
        return out
    }

    /// `2027-02-01` → `01.02.2027`: what German Excel writes (for tests and round trips).
    static func germanDates(_ text: String) -> String {
        text.replacingOccurrences(of: #"([0-9]{4})-([0-9]{2})-([0-9]{2})"#, with: "$3.$2.$1", options: .regularExpression)
    }

    /// `51,90693` or `-7,5` → with a decimal point; other text unchanged.
    static func pointDecimal(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        guard trimmed.range(of: #"^[+-]?[0-9]+,[0-9]+$"#, options: .regularExpression) != nil else { return text }
        return trimmed.replacingOccurrences(of: ",", with: ".")
    }
}
