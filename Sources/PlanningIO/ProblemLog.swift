/// Where a value came from: a file, a position in it and the value's name.
struct SourceLocation: Sendable, Equatable {
    var file: String
    var line: Int?
    var column: Int?
    var field: String?

    init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    /// The same place with another field name.
    func naming(_ field: String?) -> SourceLocation {
        var copy = self
        copy.field = field
        return copy
    }

    /// `line 8` (or `file:8` in another file) for messages that point at another place
    /// ("first defined at …") from a problem at `other`.
    func reference(from other: SourceLocation) -> String {
        guard let line else { return file }
        return other.file == file ? "line \(line)" : "\(file):\(line)"
    }
}

/// Collects problems while reading, so that a user sees all of them at once.
struct ProblemLog: Sendable {
    private(set) var problems: [InputProblem] = []
    /// Careless but usable input (an ambiguous place name): shown, never a reason to stop.
    private(set) var warnings: [InputProblem] = []

    var isEmpty: Bool { problems.isEmpty }

    mutating func warn(_ message: String, at location: SourceLocation) {
        warnings.append(InputProblem(file: location.file, line: location.line, column: location.column,
                                     field: location.field, message: message, isWarning: true))
    }

    mutating func add(_ message: String, at location: SourceLocation) {
        problems.append(InputProblem(file: location.file, line: location.line, column: location.column,
                                     field: location.field, message: message))
    }

    /// The problems grouped by file (in the order the files were first named), then by line.
    func sorted() -> [InputProblem] { Self.sorted(problems) }

    /// The warnings in the same order.
    func sortedWarnings() -> [InputProblem] { Self.sorted(warnings) }

    private static func sorted(_ problems: [InputProblem]) -> [InputProblem] {
        var fileRank: [String: Int] = [:]
        for problem in problems where fileRank[problem.file] == nil { fileRank[problem.file] = fileRank.count }
        return problems.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return fileRank[x.file]! < fileRank[y.file]! }
            // Problems without a line (a whole file, a missing key) come after the located ones.
            let lx = x.line ?? Int.max, ly = y.line ?? Int.max
            if lx != ly { return lx < ly }
            let cx = x.column ?? 0, cy = y.column ?? 0
            if cx != cy { return cx < cy }
            return a.offset < b.offset
        }.map(\.element)
    }
}
