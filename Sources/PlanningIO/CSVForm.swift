import Foundation

/// How a CSV file is written, when the scenario says so: `municipalities: {file: requests.csv,
/// encoding: windows-1252, separator: ";"}` (also `distances:`). What is not declared is detected:
/// UTF-8 (with or without BOM), else Windows-1252; `;` when the header has more `;` than `,`.
struct CSVForm: Equatable {
    var encoding: String.Encoding?
    var separator: Unicode.Scalar?

    static let detected = CSVForm()

    /// The names a scenario may give, lower case, and what they mean.
    static let encodings: [(names: [String], encoding: String.Encoding)] = [
        (["utf-8", "utf8"], .utf8),
        (["windows-1252", "cp1252"], .windowsCP1252),
        (["iso-8859-1", "latin-1", "latin1"], .isoLatin1),
    ]
    static let separators: [(names: [String], separator: Unicode.Scalar)] = [
        ([",", "comma"], ","), ([";", "semicolon"], ";"), (["\t", "tab"], "\t"),
    ]

    static func encoding(named name: String) -> String.Encoding? {
        encodings.first { $0.names.contains(name.lowercased()) }?.encoding
    }

    static func separator(named name: String) -> Unicode.Scalar? {
        separators.first { $0.names.contains(name == "\t" ? name : name.trimmingSpaces.lowercased()) }?.separator
    }

    static func name(of encoding: String.Encoding) -> String {
        encodings.first { $0.encoding == encoding }?.names[0] ?? "\(encoding)"
    }

    /// The text of `path` in the declared `encoding`; a file that is not in it is logged with the
    /// first line that is not, and what to declare or save instead.
    static func text(of path: String, encoding: String.Encoding, reference: SourceLocation, _ log: inout ProblemLog) -> String? {
        guard FileManager.default.fileExists(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            return InputFiles.text(of: path, reference: reference, &log)   // the usual message for a missing or unreadable file
        }
        let declared = "the scenario declares encoding: \(name(of: encoding))"
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        if bom && encoding != .utf8 {
            log.add("the file starts with a UTF-8 byte order mark (Excel's \"CSV UTF-8\"), but \(declared); declare encoding: utf-8 or leave encoding out",
                    at: SourceLocation(file: path, line: 1))
            return nil
        }
        guard var text = String(data: data, encoding: encoding) else {
            let line = firstLine(of: data, notIn: encoding)
            let advice = encoding == .utf8
                ? "save it as \"CSV UTF-8\" or declare the encoding it has (e.g. encoding: windows-1252)"
                : "save it in that encoding or declare the encoding it has (e.g. encoding: utf-8)"
            log.add("this line is not \(name(of: encoding)) text, but \(declared); \(advice)", at: SourceLocation(file: path, line: line))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The number of the first line (from 1) that does not decode in `encoding`.
    private static func firstLine(of data: Data, notIn encoding: String.Encoding) -> Int {
        var line = 1
        for part in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(part), encoding: encoding) == nil { return line }
            line += 1
        }
        return line
    }
}
