import Foundation
import PlanningIO

/// Reads a scenario as it would be after a change, with the reader the CLI uses
/// (`ScenarioLoader`), before anything is saved.
///
/// The changed files are written into a temporary folder in which every other entry of the
/// scenario folder is a symbolic link to the real one, so `extends:` and file names resolve as
/// they will after the save. Problems name the files as the folder does (`Scenarios/requests.csv`).
enum ChangeCheck {
    /// Every problem `wsplan check` would report for `scenario` (a file name in `root`) with
    /// `changes` (file name → new bytes) in place; empty when the changed scenario reads.
    static func problems(root: URL, scenario: String, changes: [String: Data], shownFolder: String) -> [InputProblem] {
        let stage = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-desk-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stage) }
        do {
            try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where changes[name] == nil {
                try FileManager.default.createSymbolicLink(at: stage.appendingPathComponent(name),
                                                           withDestinationURL: root.appendingPathComponent(name))
            }
            for (name, data) in changes { try data.write(to: stage.appendingPathComponent(name)) }
        } catch {
            return [InputProblem(file: shownFolder, message: "Die Änderung lässt sich nicht prüfen: \(error.localizedDescription)")]
        }
        do {
            _ = try ScenarioLoader.load(path: stage.appendingPathComponent(scenario).path)
            return []
        } catch {
            let staged = stage.path + "/", shown = shownFolder.hasSuffix("/") ? shownFolder : shownFolder + "/"
            return error.problems.map { problem in
                var problem = problem
                if problem.file.hasPrefix(staged) { problem.file = shown + problem.file.dropFirst(staged.count) }
                problem.message = problem.message.replacingOccurrences(of: staged, with: shown)
                return problem
            }
        }
    }
}
