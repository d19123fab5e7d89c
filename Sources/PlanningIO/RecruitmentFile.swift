import Foundation
import Planning

/// recruit.json (what `wsplan recruit` found, beside the plan it started from) and the what-if
/// scenarios it writes: the base scenario `extends`-ed by the added trainers, so `wsplan solve`
/// and `wsplan check` can be run against them.
public enum RecruitmentFile {
    public static let fileName = "recruit.json"

    public static func encode(_ result: RecruitmentResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(result)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> RecruitmentResult {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RecruitmentResult.self, from: data)
    }

    /// The last recruit run's result in `folder`, nil when there is none or it cannot be read
    /// (the report then simply has no recommendation to show).
    public static func read(folder: String) -> RecruitmentResult? {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? decode(data)
    }

    /// A what-if scenario: `extends` the base (written relative to `folder`, where this file
    /// goes) and adds `trainers`. Coordinates are written in Swift's shortest exact form, so the
    /// scenario read back has the very homes (and travel costs) the re-plan used.
    public static func whatIfScenario(extending basePath: String, from folder: String, name: String, trainers: [AddedTrainer]) -> String {
        var text = "# Written by wsplan recruit: the base scenario with \(trainers.count == 1 ? "one added trainer" : "\(trainers.count) added trainers").\n"
        text += "extends: \(quoted(relativePath(basePath, from: folder)))\n"
        text += "name: \(quoted(name))\n"
        text += "trainers:\n"
        for trainer in trainers {
            var fields = ["id: \(quoted(trainer.id))", "name: \(quoted(trainer.name))",
                          "home: {lat: \(trainer.lat.description), lon: \(trainer.lon.description)}"]
            if let cap = trainer.maxPackages { fields.append("max_packages: \(cap)") }
            if let cap = trainer.maxDaysPerMonth { fields.append("max_days_per_month: \(cap)") }
            text += "  - {\(fields.joined(separator: ", "))}   # \(trainer.home), \(trainer.state.rawValue)\n"
        }
        return text
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `path` as seen from `folder`: "../Scenarios/2027-Q1.yaml".
    static func relativePath(_ path: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let start = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(target.count - 1, start.count) && target[common] == start[common] { common += 1 }
        let ups = Array(repeating: "..", count: start.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
