import Foundation
import Planning

/// Reads and writes `plan.json` (SPEC §6).
public enum PlanFile {
    /// Stable bytes: sorted keys, two-space indentation, a final newline.
    public static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(plan)
        data.append(0x0A)
        return data
    }

    public static func read(path: String) throws(InputErrors) -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputErrors(problems: [InputProblem(file: path, message: "cannot read the plan file; check the path")])
        }
        do {
            return try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw InputErrors(problems: [InputProblem(file: path, message: "not a wsplan plan: \(describe(error))")])
        } catch {
            throw InputErrors(problems: [InputProblem(file: path, message: "not a wsplan plan: \(error)")])
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field \(path(context)).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "field \(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
