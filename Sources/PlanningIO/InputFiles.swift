import Foundation
import Yams

/// Reading the files of a scenario: paths relative to the scenario, text, YAML trees.
enum InputFiles {
    /// `name` as seen from the current directory, when it is written relative to the file `base`:
    /// `Scenarios/q1.yaml` + `requests.csv` → `Scenarios/requests.csv`. Keeps the user's spelling,
    /// so messages show paths the user recognises.
    static func path(_ name: String, relativeTo base: String) -> String {
        if name.hasPrefix("/") { return name }
        guard let slash = base.lastIndex(of: "/") else { return name }
        return String(base[...slash]) + name
    }

    /// The text of a file; a missing, unreadable or non-UTF-8 file is logged at `reference` (the
    /// place that names the file) or, for the scenario itself, at the file.
    static func text(of path: String, reference: SourceLocation?, _ log: inout ProblemLog) -> String? {
        let at = reference ?? SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            log.add("the file '\(path)' does not exist; check its name (it is read relative to the scenario file)", at: at)
            return nil
        }
        guard !isDirectory.boolValue else {
            log.add("'\(path)' is a folder; name a file", at: at)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.add("the file '\(path)' cannot be read; check its permissions", at: at)
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            log.add("the file '\(path)' is not UTF-8 text; save it with UTF-8 encoding", at: SourceLocation(file: path))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The YAML tree of a file, or nil (with a logged problem) when it is missing, empty or malformed.
    ///
    /// With `allowEmpty`, an empty file (or one with comments only) reads as an empty mapping.
    static func yaml(at path: String, reference: SourceLocation?, allowEmpty: Bool = false,
                     _ log: inout ProblemLog) -> SourceNode? {
        guard let text = text(of: path, reference: reference, &log) else { return nil }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            log.add(problem(error, text: text, file: path))
            return nil
        } catch {
            log.add("the YAML cannot be read: \(error)", at: SourceLocation(file: path))
            return nil
        }
        guard let node else {
            if allowEmpty { return SourceNode(content: .mapping([]), file: path, line: 1, column: 1, path: "") }
            log.add("the file is empty; write the scenario in it (name, planning_start, horizon, trainers, municipalities)", at: SourceLocation(file: path))
            return nil
        }
        // Aliases (`*name`) repeat the anchored value: a few lines of them can stand for billions
        // of values ("billion laughs"), which would never finish reading.
        guard fits(node, within: largestDocument) else {
            log.add("the file holds more than \(largestDocument) values once its aliases (*name) are written out; write the values without nested aliases",
                    at: SourceLocation(file: path, line: 1))
            return nil
        }
        return SourceNode(node, file: path)
    }

    /// The most values (scalars, lists and mappings) a scenario file may stand for.
    static let largestDocument = 1_000_000

    /// Whether `node` has at most `budget` values, counting repeated aliases each time; stops
    /// counting as soon as the budget is spent.
    static func fits(_ node: Node, within budget: Int) -> Bool {
        var remaining = budget
        func visit(_ node: Node) -> Bool {
            remaining -= 1
            guard remaining >= 0 else { return false }
            switch node {
            case .scalar, .alias: return true
            case .sequence(let sequence): return sequence.allSatisfy(visit)
            case .mapping(let mapping): return mapping.allSatisfy { visit($0.key) && visit($0.value) }
            }
        }
        return visit(node)
    }

    /// A Yams error as a problem with the line and column libyaml reported.
    private static func problem(_ error: YamlError, text: String, file: String) -> InputProblem {
        let advice = "check the indentation, the colons after keys and the quotes on this line and the one before"
        func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> InputProblem {
            let while_ = context.map { " (\($0.text) that starts at line \($0.mark.line))" } ?? ""
            return InputProblem(file: file, line: mark.line, column: mark.column,
                                message: "malformed YAML: \(problem)\(while_); \(advice)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return syntax(context, problem, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = Spelling.list(duplicates.map { "'\($0)'" }, conjunction: "and")
            return InputProblem(file: file, line: context.mark.line, column: context.mark.column,
                                message: "the key \(keys) appears more than once in the same mapping; keep one")
        case let .reader(problem, offset, _, _):
            let line = offset.map { offset in text.utf8.prefix(offset).reduce(1) { $1 == 10 ? $0 + 1 : $0 } }
            return InputProblem(file: file, line: line, message: "the text cannot be read as YAML: \(problem); save the file as UTF-8")
        case .dataCouldNotBeDecoded:
            return InputProblem(file: file, message: "the file is not UTF-8 text; save it with UTF-8 encoding")
        case .no, .memory, .writer, .emitter, .representer:
            return InputProblem(file: file, message: "the YAML cannot be read: \(error)")
        }
    }
}

extension ProblemLog {
    mutating func add(_ problem: InputProblem) {
        add(problem.message, at: SourceLocation(file: problem.file, line: problem.line, column: problem.column,
                                                field: problem.field))
    }
}
