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
        var problems: [InputProblem] = []
        checkNumbers(root, field: "", file: path, &problems)
        guard problems.isEmpty else { throw InputErrors(problems: problems) }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            let (field, message) = describe(error)
            throw failure("\(message); this is not a plan wsplan wrote: solve the scenario again", field: field)
        } catch {
            throw failure("not a wsplan plan: \(error)")
        }
        problems = PlanFileRules(file: path).problems(of: plan)
        guard problems.isEmpty else { throw InputErrors(problems: problems) }
        return plan
    }

    /// Every number finite and within `largestNumber`.
    private static func checkNumbers(_ value: Any, field: String, file: String, _ problems: inout [InputProblem]) {
        guard problems.count < 50 else { return }
        switch value {
        case let map as [String: Any]:
            for (key, item) in map.sorted(by: { $0.key < $1.key }) {
                checkNumbers(item, field: field.isEmpty ? key : "\(field).\(key)", file: file, &problems)
            }
        case let list as [Any]:
            for (index, item) in list.enumerated() { checkNumbers(item, field: "\(field)[\(index)]", file: file, &problems) }
        case is String, is NSNull:
            return
        case let number as NSNumber:
            let double = number.doubleValue
            if !double.isFinite || abs(double) > largestNumber {
                problems.append(InputProblem(file: file, field: field, message:
                    "\(number) is out of range (at most \(Int(largestNumber)) in magnitude); this is not a plan wsplan wrote: solve the scenario again"))
            } else if wholeNumberKeys.contains(lastKey(of: field)), double.rounded() != double {
                problems.append(InputProblem(file: file, field: field, message:
                    "\(number) is not a whole number; this is not a plan wsplan wrote: solve the scenario again"))
            }
        default:
            return
        }
    }

    /// The fields that hold counts: JSONDecoder refuses 2.5 there without naming the field.
    private static let wholeNumberKeys: Set<String> = ["participants", "round_trips", "hotel_nights", "sequence", "workshop_day",
                                                       "rows", "columns", "nonzeros", "events_moved"]

    private static func lastKey(of field: String) -> String {
        String(field.split(separator: ".").last ?? "").components(separatedBy: "[").first ?? ""
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

    /// The field (as `packages[0].workshop`) and a plain sentence for a field of the wrong kind.
    private static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type, is Int?.Type: return "a whole number"
            case is Double.Type, is Double?.Type: return "a number"
            case is String.Type, is String?.Type: return "text in quotes"
            case is Bool.Type, is Bool?.Type: return "true or false"
            default:
                let name = "\(type)"
                if name.hasPrefix("Array") { return "a list [ … ]" }
                if name.hasPrefix("Dictionary") { return "an object { … }" }
                return "a value of another kind"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return (at.isEmpty ? nil : at, "the field \"\(key.stringValue)\" is missing")
        case .typeMismatch(let type, let context):
            return (path(context), "expected \(kind(type)) here")
        case .valueNotFound(let type, let context):
            return (path(context), "expected \(kind(type)) here, found null")
        case .dataCorrupted(let context):
            let at = path(context)
            return (at.isEmpty ? nil : at, at.isEmpty ? "a value of the wrong kind" : "an unknown value (\(context.debugDescription.prefix(80)))")
        @unknown default: return (nil, "\(error)")
        }
    }
}
