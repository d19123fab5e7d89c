import Planning

/// A CSV file a scenario names: `requests.csv`, or `{file: requests.csv, encoding: windows-1252,
/// separator: ";"}` when the file's encoding and separator are declared instead of detected.
extension ScenarioDecoder {
    struct CSVFileReference {
        var path: String
        var form: CSVForm
        /// Where the scenario names the file.
        var location: SourceLocation
    }

    mutating func csvFile(_ node: SourceNode, example: String) -> CSVFileReference? {
        if case .scalar = node.content, let name = node.text(&log, what: "a CSV file name such as \(example)") {
            return CSVFileReference(path: InputFiles.path(name, relativeTo: node.file), form: .detected, location: node.location)
        }
        guard case .mapping = node.content else {
            log.add("expected a CSV file name such as \(example) or {file: \(example), encoding: …, separator: …}, found \(node.kindDescription)",
                    at: node.location)
            return nil
        }
        node.checkKeys(["file", "encoding", "separator"], &log)
        guard let fileNode = node.required("file", &log, example: "file: \(example)"),
              let name = fileNode.text(&log, what: "a CSV file name such as \(example)") else { return nil }
        var form = CSVForm.detected
        var valid = true
        if let value = node.optional("encoding"), let text = value.text(&log, what: "an encoding such as windows-1252") {
            form.encoding = CSVForm.encoding(named: text.trimmingSpaces)
            if form.encoding == nil {
                let names = CSVForm.encodings.map { $0.names[0] }
                log.add("unknown encoding '\(text)'; write one of \(Spelling.list(names, conjunction: "or")) (German Excel's \"CSV (Trennzeichen-getrennt)\" is windows-1252, \"CSV UTF-8\" is utf-8)",
                        at: value.location.naming("\(node.path).encoding"))
                valid = false
            }
        }
        if let value = node.optional("separator"), let text = value.text(&log, what: "a separator such as \";\"") {
            form.separator = CSVForm.separator(named: text)
            if form.separator == nil {
                log.add("unknown separator '\(text)'; write \",\", \";\" or tab (in quotes: separator: \";\")",
                        at: value.location.naming("\(node.path).separator"))
                valid = false
            }
        }
        let path = InputFiles.path(name, relativeTo: fileNode.file)
        if path.lowercased().hasSuffix(".xlsx") && form != .detected {
            log.add("a workbook (.xlsx) has no encoding or separator; remove them, or name a CSV file", at: node.location.naming(node.path))
            valid = false
        }
        return valid ? CSVFileReference(path: path, form: form, location: fileNode.location) : nil
    }
}
