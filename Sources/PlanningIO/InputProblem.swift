/// One thing wrong with a scenario's input, located like a compiler diagnostic.
///
/// `file` is the path as the user gave it (the scenario) or as it was built from it (a CSV named in
/// the scenario, joined to the scenario's folder). `line` and `column` are 1-based; `field` names
/// the value in the scenario, e.g. `trainers[2].home` (list indices are 0-based) or a CSV column.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var field: String?
    public var message: String
    /// An error stops the command; a warning is printed and the input is used as read.
    public var isWarning: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.isWarning = isWarning
    }

    /// `file:line:column: error: field: message` (or `warning:`), leaving out the parts that are unknown.
    public var description: String {
        var position = file
        if let line {
            position += ":\(line)"
            if let column { position += ":\(column)" }
        }
        let subject = field.map { "\($0): " } ?? ""
        return Self.visible("\(position): \(isWarning ? "warning" : "error"): \(subject)\(message)")
    }

    /// `text` with every control, line-breaking, bidirectional or invisible formatting character
    /// written as an escape (`\n`, `\u{202E}`): a message quotes hostile input, and a raw
    /// escape sequence or line break would let that input rewrite the terminal or forge a line.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        TextLimits.isBreakOrControl(scalar) || scalar.properties.generalCategory == .format
    }
}

/// Every problem found in a scenario's input; thrown once, after reading everything.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]

    public init(problems: [InputProblem]) { self.problems = problems }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
