import Foundation
import Planning
import PlanningIO
import Testing

/// Issue 15, items 2 and 9: the bookings ledger and the output folders under confirms and solves
/// that run at the same time, as separate processes, and against hand-edited bookings.
@Suite(.serialized) struct LedgerConcurrencyTests {
    static let base = HostileInputTests.small

    /// S1 with every trainer and municipality id suffixed by `-tag`: a plan of it shares no
    /// trainer-day with another variant's, so all of them can be booked together.
    static func variant(_ tag: String, in work: URL) throws -> String {
        var text = try String(contentsOfFile: base, encoding: .utf8)
        text = text.replacingOccurrences(of: #"\b(koch|weber|braun|vogel)\b"#, with: "$1-\(tag)", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\{id: ([a-z]+), name: (Stadt|Region|Kreis)"#, with: "{id: $1-\(tag), name: $2",
                                         options: .regularExpression)
        text = text.replacingOccurrences(of: "name: Oracle S1", with: "name: Oracle S1 \(tag)")
        let path = work.appendingPathComponent("s1-\(tag).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `wsplan` with each argument list at once, each in its own process; the outputs in order.
    static func inParallel(_ runs: [[String]]) -> [WSPlanBinary.TimedOutput?] {
        let results = Results(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            results.set(index, try? WSPlanBinary.run(runs[index], timeout: 240))
        }
        return results.values
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [WSPlanBinary.TimedOutput?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: WSPlanBinary.TimedOutput?) { lock.lock(); stored[index] = value; lock.unlock() }
        var values: [WSPlanBinary.TimedOutput?] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    /// What a complete output folder holds: a plan every reader accepts, and the files beside it.
    static func expectComplete(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let plan = try PlanFile.read(path: folder.appendingPathComponent("plan.json").path)
        var expected = ["calendar.csv", "costs.csv", "report.html", "ics/all.ics"]
        expected += plan.packages.map { "ics/municipality-\($0.municipality).ics" }
        expected += (plan.trainers ?? []).map { "roster-\($0.id).html" }
        for name in expected {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 0, "\(folder.lastPathComponent)/\(name) is missing or empty", sourceLocation: sourceLocation)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.contains(folder.lastPathComponent) && $0 != folder.lastPathComponent }
        #expect(leftovers.isEmpty, "staging folders or locks left: \(leftovers)", sourceLocation: sourceLocation)
    }

    /// Three plans confirmed into one bookings file while three solves write three folders, all
    /// at once: every package is booked, every folder complete, every plan valid.
    @Test func parallelConfirmsAndSolvesLoseNothing() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let tags = ["a", "b", "c"]
        let scenarios = try tags.map { try Self.variant($0, in: work) }
        let first = Self.inParallel(scenarios.enumerated().map { index, scenario in
            ["solve", scenario, "--out", work.appendingPathComponent("plan-\(tags[index])").path, "--time-limit", "5", "--quiet"]
        })
        for (tag, run) in zip(tags, first) { #expect(run?.status == 0, "solve \(tag): \(run?.stderr ?? "did not run")") }
        let plans = try tags.map { try PlanFile.read(path: work.appendingPathComponent("plan-\($0)/plan.json").path) }
        let expected = Set(plans.flatMap { $0.packages.map(\.municipality) })
        #expect(expected.count == plans.map(\.packages.count).reduce(0, +) && expected.count >= 9)

        for round in 0..<4 {
            let bookings = work.appendingPathComponent("bookings-\(round).yaml").path
            var runs = tags.map { ["confirm", work.appendingPathComponent("plan-\($0)/plan.json").path, "--bookings", bookings] }
            if round == 0 {
                runs += zip(tags, scenarios).map { tag, scenario in
                    ["solve", scenario, "--out", work.appendingPathComponent("again-\(tag)").path, "--time-limit", "5", "--quiet"]
                }
            }
            let results = Self.inParallel(runs.shuffled())
            #expect(results.allSatisfy { $0?.status == 0 }, "round \(round): \(results.map { $0?.stderr ?? "did not run" })")
            let booked = try BookingsFile.read(path: bookings)
            #expect(Set(booked.map(\.municipality)) == expected && booked.count == expected.count, "round \(round)")
            #expect(!FileManager.default.fileExists(atPath: FileLock.lockPath(for: bookings)))
        }
        for tag in tags {
            try Self.expectComplete(work.appendingPathComponent("plan-\(tag)"))
            try Self.expectComplete(work.appendingPathComponent("again-\(tag)"))
        }
    }

    /// A second solve into a folder another wsplan is writing refuses at once with a message,
    /// exit 1, and leaves the folder as it was; two solves started together end with one
    /// complete folder.
    @Test func twoSolvesIntoOneFolder() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let solve = ["solve", Self.base, "--out", out.path, "--time-limit", "5", "--quiet"]
        let firstRun = try WSPlanBinary.run(solve, timeout: 240)
        try #require(firstRun.status == 0, "\(firstRun.stderr)")
        let before = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path))

        // Another wsplan holds the folder (this test, with the lock solve takes).
        let held = try FileLock(guarding: out.resolvingSymlinksInPath().path, wait: false)
        let refused = try WSPlanBinary.run(solve, timeout: 240)
        held.release()
        #expect(refused.status == 1 && refused.stderr.contains("another wsplan is writing into"), "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path) == before)

        for round in 0..<2 {
            let results = Self.inParallel([solve, solve])
            for result in results {
                let ok = result?.status == 0 || (result?.status == 1 && result?.stderr.contains("another wsplan is writing into") == true)
                #expect(ok, "round \(round): \(result?.stderr ?? "did not run")")
            }
            #expect(results.contains { $0?.status == 0 }, "round \(round)")
            try Self.expectComplete(out)
        }
    }

    /// The issue's probe: a hand-edited booking with its preparation on 25 December and its
    /// workshop on a Sunday. `confirm` refuses (exit 1, nothing written), a scenario naming the
    /// file warns, and `check` reports the booking.
    @Test func aHandEditedBookingOnHolidaysIsRefusedAndReported() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        _ = try HostileInputTests.solve(Self.base, into: work.appendingPathComponent("o"))
        let bookings = work.appendingPathComponent("bookings.yaml")
        let text = """
            packages:
              - {municipality: kassel, name: Kassel, state: HE, lat: 51.31667, lon: 9.5, participants: 20,
                 trainers: [koch, weber], preparation: 2026-12-25, workshop: [2027-01-17, 2027-01-18], followup: 2027-07-13}

            """
        try Data(text.utf8).write(to: bookings)
        let confirm = try WSPlanBinary.run(["confirm", work.appendingPathComponent("o/plan.json").path, "--bookings", bookings.path], timeout: 60)
        #expect(confirm.status == 1, "\(confirm.stderr)")
        #expect(confirm.stderr.contains("bookings.yaml:2:5: error:") && confirm.stderr.contains("preparation 2026-12-25 is not a working day: public holiday"),
                "\(confirm.stderr)")
        #expect(confirm.stderr.contains("workshop day 2027-01-17 is not a working day: Sunday"))
        #expect(try String(contentsOf: bookings, encoding: .utf8) == text)

        let scenario = work.appendingPathComponent("s1-booked.yaml")
        let original = try String(contentsOfFile: Self.base, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "\nmunicipalities:", with: "\nbookings: bookings.yaml\nmunicipalities:").utf8).write(to: scenario)
        let out = work.appendingPathComponent("booked")
        let solve = try WSPlanBinary.run(["solve", scenario.path, "--out", out.path, "--time-limit", "5", "--quiet"], timeout: 240)
        #expect(solve.status == 0 && solve.stderr.contains("bookings.yaml:2:5: warning:"), "\(solve.stderr)")
        let check = try WSPlanBinary.run(["check", scenario.path, out.appendingPathComponent("plan.json").path], timeout: 60)
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("R4 kassel: confirmed booking: preparation 2026-12-25 is not a working day"), "\(check.stdout)")
        #expect(check.stdout.contains("R4 kassel: confirmed booking: workshop day 2027-01-17 is not a working day: Sunday"))
    }

    /// A package 14 days after its preparation breaks SPEC's default R2 (21–42): refused without
    /// --scenario, with a message saying whose rules; confirmed by a scenario that allows 14.
    @Test func confirmTakesTheGapsOfTheNamedScenario() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let workshop = Day(iso: "2027-02-09")!
        let package = PlannedPackage(municipality: "bonn", name: "Stadt Bonn", state: .NW, place: "Bonn", trainers: ["koch", "weber"], pinned: false,
                                     preparation: Day(iso: "2027-01-26")!, workshop: [workshop, workshop.advanced(by: 1)],
                                     followup: Day(iso: "2027-08-10")!, participants: 20,
                                     costs: PackageCosts(fee: 6000, materials: 100, travel: 0, total: 6100, travelItems: []),
                                     location: Coordinate(lat: 50.73, lon: 7.1))
        let plan = Plan(scenario: "Wide", solver: SolverReport(name: "glpk", status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0),
                        objectiveTerms: ObjectiveTerms(), packages: [package], unscheduled: [])
        let planPath = work.appendingPathComponent("plan.json").path
        try PlanFile.encode(plan).write(to: URL(fileURLWithPath: planPath))
        let scenario = work.appendingPathComponent("wide.yaml").path
        try Data("""
            name: Wide
            planning_start: 2026-12-01
            horizon: {from: 2027-01-01, to: 2027-03-31}
            rules: {prep_gap_days: {min: 14, max: 42, target: 28}}
            trainers: [{id: koch, home: Köln}, {id: weber, home: Bonn}]
            municipalities: [{id: bonn, name: Stadt Bonn, place: Bonn, participants: 20}]
            """.utf8).write(to: URL(fileURLWithPath: scenario))
        let bookings = work.appendingPathComponent("bookings.yaml").path
        let refused = try WSPlanBinary.run(["confirm", planPath, "--bookings", bookings], timeout: 60)
        #expect(refused.status == 1 && refused.stderr.contains("breaks R2 (by SPEC's default rules") && refused.stderr.contains("--scenario"),
                "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bookings))
        let confirmed = try WSPlanBinary.run(["confirm", planPath, "--bookings", bookings, "--scenario", scenario], timeout: 60)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try BookingsFile.read(path: bookings).map(\.municipality) == ["bonn"])
    }
}
