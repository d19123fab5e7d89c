import Foundation
@testable import PlanningIO
import Planning

/// A temporary folder holding a scenario's files, removed when the value goes away.
final class ScenarioFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The scenario in `scenario.yaml`.
    func load(_ name: String = "scenario.yaml") throws(InputErrors) -> Scenario {
        try ScenarioLoader.load(path: path(name))
    }

    /// The problems of loading `scenario.yaml` (none when it loads).
    func problems(_ name: String = "scenario.yaml") -> [InputProblem] {
        do {
            _ = try load(name)
            return []
        } catch {
            return error.problems
        }
    }
}

extension [InputProblem] {
    /// The problems in `file` (the last path component) on `line`.
    func at(_ file: String, line: Int) -> [InputProblem] {
        filter { ($0.file as NSString).lastPathComponent == file && $0.line == line }
    }

    /// Whether some problem in `file` on `line` has a message containing `text`.
    func contains(_ file: String, line: Int, _ text: String) -> Bool {
        at(file, line: line).contains { $0.message.contains(text) }
    }
}

/// A minimal valid scenario; `extra` lines are appended.
func minimalScenario(_ extra: String = "", municipalities: String = "requests.csv") -> String {
    """
    name: Test
    planning_start: 2026-12-01
    horizon: {from: 2027-01-01, to: 2027-03-31}
    trainers:
      - {id: mueller, home: Köln}
      - {id: yilmaz, home: Berlin}
    municipalities: \(municipalities)
    \(extra)
    """
}
