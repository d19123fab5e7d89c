import Foundation
import Planning
import PlanningIO
import Testing

/// `wsplan explain` end to end: unknown ids, scheduled municipalities, an unscheduled one in JSON.
@Suite(.serialized) struct ExplainCommandTests {
    /// Two trainers who are a forbidden pair, and one request: nobody can serve it (R1).
    func scenarioFile(in folder: URL) throws -> String {
        let yaml = folder.appendingPathComponent("explain.yaml")
        try """
        name: explain cli
        planning_start: 2026-12-01
        horizon: {from: 2027-01-01, to: 2027-03-31}
        solver: {time_limit_s: 10}
        trainers:
          - {id: anna, name: Anna, home: Köln}
          - {id: bert, name: Bert, home: Kassel}
        pairs: {forbidden: [[anna, bert]]}
        municipalities:
          - {id: guetersloh, name: Gütersloh, participants: 20}
        """.write(to: yaml, atomically: true, encoding: .utf8)
        return yaml.path
    }

    @Test func unknownMunicipalityNamesTheClosestIds() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WSPlanBinary.run(["explain", try scenarioFile(in: folder), "gutersloh"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no request with the id \"gutersloh\"") && run.stderr.contains("did you mean \"guetersloh\""), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func forbiddenPairExplainedAndAllowedInJSON() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WSPlanBinary.run(["explain", try scenarioFile(in: folder), "guetersloh", "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "structural")
        #expect(json["rules"] as? [String] == ["R1"])
        let obstacles = try #require(json["obstacles"] as? [[String: Any]])
        #expect(obstacles.count == 1 && obstacles.first?["every_pair_forbidden"] != nil, "\(obstacles)")
        let options = try #require(json["options"] as? [[String: Any]])
        #expect(options.count == 1)
        #expect(options.first?["change"] as? String == "allow the forbidden pair anna+bert")
        #expect(options.first?["served"] as? Bool == true)
        #expect((options.first?["objective_delta"] as? Double ?? 0) < 0)
        #expect(options.first?["rule"] as? String == "R1")
        // The text form tags each option with its rule code.
        let text = try WSPlanBinary.run(["explain", try scenarioFile(in: folder), "guetersloh", "--quiet"])
        #expect(text.stdout.contains("1. [R1] allow the forbidden pair anna+bert"), "\(text.stdout)")
        #expect(text.stdout.contains("  - R1: every pair of the trainers left (anna, bert) is forbidden (anna+bert)"), "\(text.stdout)")
    }

    @Test func scheduledMunicipalityShowsItsPackage() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try scenarioFile(in: folder)   // the base the what-if extends
        let allowed = folder.appendingPathComponent("allowed.yaml")
        try "extends: explain.yaml\npairs: {forbidden: []}\n".write(to: allowed, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let solve = try WSPlanBinary.run(["solve", allowed.path, "--out", out.path, "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let planPath = out.appendingPathComponent("plan.json").path
        let run = try WSPlanBinary.run(["explain", allowed.path, "guetersloh", "--plan", planPath])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Gütersloh (guetersloh) is scheduled"), "\(run.stdout)")
        let plan = try PlanFile.read(path: planPath)
        let package = try #require(plan.packages.first)
        #expect(run.stdout.contains("workshop \(package.workshop[0].iso)..\(package.workshop[1].iso)"))
        #expect(run.stdout.contains(String(format: "total %.2f EUR", package.costs.total)))
    }
}
