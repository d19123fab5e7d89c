import Foundation
import Testing

/// Issue 15: `report` and `roster` took any plan with any `--scenario`, and described its
/// municipalities and trainers with another scenario's facts (or none). They now refuse the ids
/// `check` would report, naming the plan file, before writing anything.
@Suite(.serialized) struct PlanOfScenarioTests {
    typealias H = HostileInputTests

    @Test func reportAndRosterRefuseThePlanOfAnotherScenario() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var plan = try H.solve(H.small, into: work.appendingPathComponent("o"))
        let own = work.appendingPathComponent("o/plan.json").path

        // Another scenario altogether, and the plan's own with one trainer renamed by hand.
        var packages = try #require(plan["packages"] as? [[String: Any]])
        packages[0]["trainers"] = ["aaron", (packages[0]["trainers"] as? [String])?[1] ?? ""]
        plan["packages"] = packages
        plan["events"] = nil   // else the reader refuses the events that no longer match
        let edited = work.appendingPathComponent("edited.json")
        try H.write(plan, to: edited)
        for (planFile, scenario, id) in [(own, H.caps, "bielefeld"), (edited.path, H.small, "aaron")] {
            for command in ["report", "roster"] {
                let out = work.appendingPathComponent("\(command)-\(id)")
                let run = try WSPlanBinary.run([command, planFile, "--scenario", scenario, "--out", out.path])
                #expect(run.status == 1, "\(command): \(run.stderr)")
                #expect(run.stderr.contains("\(planFile): error:") && run.stderr.contains(id)
                        && run.stderr.contains("give the scenario it was made for"), "\(command): \(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: out.path), "\(command) wrote \(out.path)")
            }
        }
        // check reports the same ids.
        let check = try WSPlanBinary.run(["check", H.caps, own])
        #expect(check.status == 1 && check.stdout.contains("coverage bielefeld: the plan schedules a package"), "\(check.stdout)")
        // The plan with its own scenario is written as before.
        for command in ["report", "roster"] {
            let run = try WSPlanBinary.run([command, own, "--scenario", H.small, "--out", work.appendingPathComponent("ok-\(command)").path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
    }
}
