import Foundation
import Planning
import PlanningIO
import Testing

/// The office's workflow across quarters and what-ifs, run with the real binary.
@Suite(.serialized) struct RollingQuarterTests {
    /// A copy of Scenarios/ without the shipped bookings, so the test makes its own.
    func scenarios() throws -> URL {
        let folder = try WSPlanBinary.temporaryFolder()
        let source = WSPlanBinary.repository.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name != "bookings-2027.yaml" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Q1 is confirmed into a bookings file (twice: idempotent); Q2 keeps every Q1 package exactly.
    @Test func confirmedPackagesStayExactlyAsTheyAre() throws {
        let folder = try scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let q1 = folder.appendingPathComponent("out-q1"), q2 = folder.appendingPathComponent("out-q2")
        let bookings = folder.appendingPathComponent("bookings-2027.yaml").path
        #expect(try WSPlanBinary.run(["solve", folder.appendingPathComponent("2027-Q1.yaml").path, "--out", q1.path,
                                      "--time-limit", "20", "--quiet"]).status == 0)
        let q1Plan = q1.appendingPathComponent("plan.json").path
        #expect(try WSPlanBinary.run(["confirm", q1Plan, "--bookings", bookings]).status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: bookings))
        #expect(try WSPlanBinary.run(["confirm", q1Plan, "--bookings", bookings]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bookings)) == written)

        let q2Scenario = folder.appendingPathComponent("2027-Q2.yaml").path
        let solve = try WSPlanBinary.run(["solve", q2Scenario, "--out", q2.path, "--time-limit", "20", "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let first = try PlanFile.read(path: q1Plan)
        let second = try PlanFile.read(path: q2.appendingPathComponent("plan.json").path)
        for package in first.packages {
            let pinned = try #require(second.packages.first { $0.municipality == package.municipality })
            #expect(pinned.pinned)
            #expect(pinned.trainers == package.trainers && pinned.preparation == package.preparation
                    && pinned.workshop == package.workshop && pinned.followup == package.followup)
        }
        #expect(second.packages.filter { !$0.pinned }.count >= 12)
        // Q2 asks for its cohort's exchange day: a venue, and every municipality covered 12–18 months on.
        let exchange = try #require(second.exchange)
        #expect(["Gütersloh", "Kassel", "Berlin"].contains(exchange.venue))
        for package in second.packages where exchange.municipalities.contains(package.municipality) {
            #expect(package.workshop[0].addingMonths(12) <= exchange.date && exchange.date <= package.workshop[0].addingMonths(18))
        }
        #expect(try WSPlanBinary.run(["check", q2Scenario, q2.appendingPathComponent("plan.json").path]).status == 0)

        // A different package for a booked municipality is refused, and the file stays as it was.
        var altered = first
        altered.packages[0].followup = altered.packages[0].followup.advanced(by: 1)
        let alteredPath = folder.appendingPathComponent("altered.json")
        try PlanFile.encode(altered).write(to: alteredPath)
        let refused = try WSPlanBinary.run(["confirm", alteredPath.path, "--bookings", bookings])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(altered.packages[0].municipality))
        #expect(try Data(contentsOf: URL(fileURLWithPath: bookings)) == written)
    }

    /// A what-if with one trainer on leave, re-planned against the first plan, moves few events,
    /// and `check --previous` recomputes the move term.
    @Test func aOneTrainerChangeMovesFewEvents() throws {
        let folder = try scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        #expect(try WSPlanBinary.run(["solve", folder.appendingPathComponent("2027-Q1.yaml").path, "--out", out.path,
                                      "--time-limit", "20", "--quiet"]).status == 0)
        let first = out.appendingPathComponent("first.json")
        try FileManager.default.copyItem(at: out.appendingPathComponent("plan.json"), to: first)
        let whatIf = folder.appendingPathComponent("2027-Q1-mueller-on-leave.yaml").path
        let solve = try WSPlanBinary.run(["solve", whatIf, "--out", out.path, "--time-limit", "30", "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let plan = try PlanFile.read(path: out.appendingPathComponent("plan.json").path)
        let moves = try #require(plan.moves)
        let muellerInMarch = try PlanFile.read(path: first.path).packages.filter { package in
            package.trainers.contains("mueller") && ([package.preparation, package.followup] + package.workshop).contains { $0.month == 3 && $0.year == 2027 }
        }.count
        // Only what Müller's leave forces should move: at most his March packages, three events each.
        #expect(moves.eventsMoved <= 3 * muellerInMarch + 6, "moved \(moves.eventsMoved), Müller had \(muellerInMarch) March packages")
        #expect(plan.objectiveTerms.move == Double(moves.eventsMoved) * 500)
        let check = try WSPlanBinary.run(["check", whatIf, out.appendingPathComponent("plan.json").path, "--previous", first.path])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
