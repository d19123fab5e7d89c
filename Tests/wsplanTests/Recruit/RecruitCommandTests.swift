import Foundation
import Planning
import PlanningIO
import Testing

/// `wsplan recruit` end to end: JSON result, the what-if scenario `check` and `solve` accept,
/// the report section, the time limit, bad options.
@Suite(.serialized) struct RecruitCommandTests {
    typealias F = RecruitFixture

    @Test func recommendationChecksCleanAndIsConfirmedByAnIndependentSolve() throws {
        let (folder, scenario) = try F.write(F.farEast)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let solve = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let planPath = out.appendingPathComponent("plan.json").path
        let started = Date()
        let run = try WSPlanBinary.run(["recruit", scenario, "--plan", planPath, "--time-limit", "60", "--candidates", "12",
                                        "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) < 60 + 5, "the whole command keeps to --time-limit")
        let result = try RecruitmentFile.decode(Data(run.stdout.utf8))
        #expect(try RecruitmentFile.decode(Data(contentsOf: out.appendingPathComponent("recruit.json"))) == result)
        let first = try #require(result.candidates.first)
        let replan = try #require(first.replan)
        #expect(TravelCost.haversineKm(Coordinate(lat: first.trainer.lat, lon: first.trainer.lon), F.dresden) < 100)
        #expect(replan.plan.served > result.base.served)

        // The what-if scenario names the base and the trainer; check accepts the re-plan against it.
        let whatIf = out.appendingPathComponent("recruit-scenario.yaml").path
        let check = try WSPlanBinary.run(["check", whatIf, out.appendingPathComponent("recruit-plan.json").path, "--previous", planPath])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // An independent solve of that scenario serves the claimed count.
        let again = folder.appendingPathComponent("again")
        #expect(try WSPlanBinary.run(["solve", whatIf, "--out", again.path, "--quiet"]).status == 0)
        let independent = try PlanFile.read(path: again.appendingPathComponent("plan.json").path)
        #expect(independent.packages.count == replan.plan.served)
        #expect(independent.packages.contains { $0.trainers.contains(first.trainer.id) })

        // The report in the plan's folder shows the section, with the recommended home.
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("<h2>Wo fehlen Trainer?</h2>"))
        #expect(report.contains("<b>\(first.trainer.home)</b>"))
        #expect(report.contains("braucht es 1 zusätzliche Person"), "the greedy count: one trainer serves all three")
        // A new solve into the folder keeps showing it while the left-out requests are the same.
        #expect(try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--quiet"]).status == 0)
        let resolved = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(resolved.contains("<b>\(first.trainer.home)</b>"))
    }

    @Test func textNamesPairsAndTheCount() throws {
        let (folder, scenario) = try F.write(F.scarce)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let run = try WSPlanBinary.run(["recruit", scenario, "--out", out.path, "--time-limit", "90", "--candidates", "8", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Base plan (solved now): 2 of 4 requests served"), "\(run.stdout)")
        #expect(run.stdout.contains("1. ") && run.stdout.contains("pairs of new-"), "\(run.stdout)")
        #expect(run.stdout.contains("status optimal") || run.stdout.contains("status feasible"))
        #expect(run.stdout.contains("To serve every request: 2 more trainers"), "\(run.stdout)")
        let best = try WSPlanBinary.run(["check", out.appendingPathComponent("recruit-scenario.yaml").path,
                                         out.appendingPathComponent("recruit-plan.json").path,
                                         "--previous", out.appendingPathComponent("recruit-base-plan.json").path])
        #expect(best.status == 0, "\(best.stdout)")
        let all = try WSPlanBinary.run(["check", out.appendingPathComponent("recruit-all.yaml").path,
                                        out.appendingPathComponent("recruit-all-plan.json").path])
        #expect(all.status == 0, "\(all.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path),
                "no report is written when recruit solved the plan itself")
    }

    /// A limit too short for everything: the command stops within it and says what it did not do.
    @Test func shortTimeLimitIsKept() throws {
        let (folder, scenario) = try F.write(F.farEast)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let started = Date()
        let run = try WSPlanBinary.run(["recruit", scenario, "--out", out.path, "--time-limit", "8", "--candidates", "40",
                                        "--format", "json", "--quiet"])
        let took = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(took < 8 + 4, "took \(took) s")
        let result = try RecruitmentFile.decode(Data(run.stdout.utf8))
        #expect(result.seconds <= 8)
        // Whatever was re-planned reports its status as it is.
        for candidate in result.candidates { if let r = candidate.replan { #expect([.optimal, .feasible].contains(r.plan.status)) } }
    }

    @Test func badOptionsAreRefused() throws {
        let (folder, scenario) = try F.write(F.scarce)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WSPlanBinary.run(["recruit", scenario, "--candidates", "0", "--max-days-per-month", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--candidates must be at least 1"), "\(run.stderr)")
        let missing = try WSPlanBinary.run(["recruit", scenario, "--plan", folder.appendingPathComponent("nope.json").path])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read the plan file"), "\(missing.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scenario.yaml"], "nothing written")
    }
}
