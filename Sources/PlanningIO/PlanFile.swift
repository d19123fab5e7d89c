import Foundation
import Planning

/// Reads and writes `plan.json` (SPEC §6).
///
/// A plan file is untrusted input like a scenario (it may be hand-edited, truncated or hostile):
/// `read` refuses broken JSON with its line and column, an unknown format, numbers that are not
/// finite or absurdly large, ids that break `Identifier`'s rule (they name calendar files) and
/// packages of the wrong shape, all at once. What it returns is safe for every command.
public enum PlanFile {
    /// The only format this version reads and writes.
    public static let format = "wsplan-plan/1"
    /// The largest magnitude of any number in a plan (money in EUR or cents, km, seconds): far
    /// above any real plan, far below where conversions to whole cents would overflow.
    static let largestNumber = 1e12
    /// Plans larger than this are refused before parsing.
    static let largestFile = 256 << 20

    /// Stable bytes: sorted keys, two-space indentation, a final newline.
    public static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(plan)
        data.append(0x0A)
        return data
    }

    public static func read(path: String) throws(InputErrors) -> Plan {
        func failure(_ message: String, line: Int? = nil, column: Int? = nil, field: String? = nil) -> InputErrors {
            InputErrors(problems: [InputProblem(file: path, line: line, column: column, field: field, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot read the plan file; check the path")
        }
        guard data.count <= largestFile else { throw failure("the plan file is larger than \(largestFile >> 20) MB; is it a plan.json of wsplan?") }
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = position(of: error, in: data)
            throw failure("not valid JSON (\(jsonMessage(error))); fix the file or solve the scenario again", line: line, column: column)
        }
        if let twice = JSONDuplicateKeys.first(in: data) {
            throw failure("the key \"\(twice.key.prefix(40))\" appears twice in one object, and readers disagree on which one counts; "
                          + "keep one (this is not a plan wsplan wrote: solve the scenario again)", line: twice.line, column: twice.column)
        }
        guard let root = tree as? [String: Any] else { throw failure("not a wsplan plan: expected a JSON object {\"format\": \"\(format)\", …}") }
        guard let found = root["format"] as? String else { throw failure("not a wsplan plan: no \"format\" field", field: "format") }
        guard found == format else {
            throw failure("unknown plan format '\(found.prefix(40))'; this version of wsplan reads \(format) only: solve the scenario again", field: "format")
        }
        // Every problem at once: values (numbers, cents, text) on the tree, then the structure by
        // decoding, then the rules on the decoded plan (they need a whole plan to look at).
        // A field refused for its value is not refused again for what follows from it.
        var problems = PlanFileValues.problems(of: root, file: path)
        let refused = Set(problems.compactMap(\.field))
        let later: [InputProblem]
        switch PlanFileStructure.decode(root, from: data, file: path) {
        case .success(let plan):
            later = PlanFileRules(file: path).problems(of: plan)
            guard !problems.isEmpty || !later.isEmpty else { return plan }
        case .failure(let structural):
            later = structural.problems
        }
        problems += later.filter { $0.field.map { !refused.contains($0) } ?? true }
        throw InputErrors(problems: located(problems, in: data))
    }

    /// `problems` with the line and column of their field, where the file has it (a missing
    /// field: the object it is missing from), in the order of the file.
    static func located(_ problems: [InputProblem], in data: Data) -> [InputProblem] {
        let positions = JSONPositions.of(data)
        let placed = problems.map { problem -> InputProblem in
            var problem = problem
            guard problem.line == nil, var field = problem.field else { return problem }
            while positions[field] == nil, let cut = field.lastIndex(where: { $0 == "." || $0 == "[" }) { field = String(field[..<cut]) }
            if let at = positions[field] { problem.line = at.line; problem.column = at.column }
            return problem
        }
        return placed.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.line ?? 0, x.column ?? 0) != (y.line ?? 0, y.column ?? 0) { return (x.line ?? 0, x.column ?? 0) < (y.line ?? 0, y.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Line and column (1-based) of a syntax error, from JSONSerialization's "around character N"
    /// (a byte offset), or nil when the message gives none.
    static func position(of error: Error, in data: Data) -> (Int?, Int?) {
        let message = jsonMessage(error)
        guard let range = message.range(of: "character "),
              let offset = Int(message[range.upperBound...].prefix(while: \.isNumber)) else {
            // "Unexpected end of file": the position is the end.
            if message.localizedCaseInsensitiveContains("end of") { return lineAndColumn(at: data.count, in: data) }
            return (nil, nil)
        }
        return lineAndColumn(at: offset, in: data)
    }

    private static func lineAndColumn(at offset: Int, in data: Data) -> (Int?, Int?) {
        var line = 1, column = 1
        for byte in data.prefix(max(0, min(offset, data.count))) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static func jsonMessage(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
