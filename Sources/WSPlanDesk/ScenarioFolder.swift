import Foundation
import Planning
import PlanningIO
import Yams

/// The scenario files of the folder `wsplan serve` was given, named in URLs by their file name
/// without `.yaml` (the same name `wsplan solve` gives their output folder).
struct ScenarioFolder: Sendable {
    let root: URL
    let workingFolder: String

    init(_ path: String, workingFolder: String) {
        root = URL(fileURLWithPath: path).standardizedFileURL
        self.workingFolder = workingFolder
    }

    /// Names that can only mean a file directly inside the folder: no slashes, no leading dot.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// The scenario YAML of `id`, or nil when there is none (or the name could leave the folder).
    func path(of id: String) -> String? {
        guard ScenarioFolder.isSafeName(id) else { return nil }
        let url = root.appendingPathComponent(id + ".yaml")
        guard url.deletingLastPathComponent().path == root.path, isScenario(url) else { return nil }
        return url.path
    }

    /// Every scenario in the folder, sorted by name. A YAML file that is not a scenario (a bookings
    /// file holds only `packages:`) is left out.
    func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .filter { ScenarioFolder.isSafeName($0) && isScenario(root.appendingPathComponent($0 + ".yaml")) }
            .sorted()
    }

    /// The output folder `wsplan solve` uses for this scenario by default.
    func outputFolder(of id: String) -> String {
        let relative = PlanOutputs.defaultFolder(forScenario: id + ".yaml")
        return workingFolder == "." ? relative : workingFolder + "/" + relative
    }

    /// The last plan written for the scenario, if one can be read.
    func lastPlan(of id: String) -> Plan? {
        try? PlanFile.read(path: outputFolder(of: id) + "/plan.json")
    }

    /// The scenario's own `extends:` (the file it is a what-if of), as written.
    func base(of id: String) -> String? { topLevelString(of: id, key: "extends") }

    /// The plan.json of the scenario this one `extends`, when that base is in the folder and has one.
    func basePlanPath(of id: String) -> String? {
        guard let base = base(of: id), base.hasSuffix(".yaml") else { return nil }
        let baseID = String(base.dropLast(5))
        guard path(of: baseID) != nil else { return nil }
        let plan = outputFolder(of: baseID) + "/plan.json"
        return FileManager.default.fileExists(atPath: plan) ? plan : nil
    }

    /// A plain value the scenario file itself sets (not one inherited through `extends`).
    func topLevelString(of id: String, key: String) -> String? {
        topLevel(root.appendingPathComponent(id + ".yaml"))?[Node(key)]?.string
    }

    private func isScenario(_ url: URL) -> Bool {
        guard let mapping = topLevel(url) else { return false }
        return mapping["name"] != nil || mapping["extends"] != nil || mapping["trainers"] != nil
    }

    private func topLevel(_ url: URL) -> Node.Mapping? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return (try? Yams.compose(yaml: text))?.mapping
    }
}
