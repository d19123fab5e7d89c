import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 15: mutated plan.json and bookings files never crash a reader. A plan that is accepted
/// goes through everything that reads plans (checker, calendars, CSVs, report), where a bad
/// number or shape would trap.
@Suite(.serialized) struct PlanFileFuzzTests {
    @Test func planAndBookingsReadersSurviveMutations() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenarioPath = WSPlanBinary.repository.appendingPathComponent("Tests/oracle/scenarios/s1_spring_holidays.yaml").path
        let out = work.appendingPathComponent("o")
        let solve = try WSPlanBinary.run(["solve", scenarioPath, "--out", out.path, "--time-limit", "5", "--quiet"], timeout: 180)
        try #require(solve.status == 0, "\(solve.stderr)")
        let scenario = try ScenarioLoader.load(path: scenarioPath)
        let original = try String(contentsOfFile: out.appendingPathComponent("plan.json").path, encoding: .utf8)
        let plan = try PlanFile.read(path: out.appendingPathComponent("plan.json").path)
        let bookingsPath = work.appendingPathComponent("bookings.yaml").path
        _ = try BookingsFile.confirm(plan, into: bookingsPath)
        let bookings = try String(contentsOfFile: bookingsPath, encoding: .utf8)

        var mutator = ScenarioMutator(seed: 0x91A4_2027)
        var rejected = 0, accepted = 0
        let mutated = work.appendingPathComponent("mutated.json").path
        for number in 0..<600 {
            let (bytes, kinds) = mutator.mutate(original)
            try bytes.write(to: URL(fileURLWithPath: mutated))
            do {
                let read = try PlanFile.read(path: mutated)
                accepted += 1
                _ = PlanChecker(scenario: scenario, previous: nil).check(read)
                _ = ICalendarWriter(plan: read, stamp: "20270101T000000Z").files()
                _ = try PlanOutputs.files(for: read, stamp: "20270101T000000Z", report: ReportFacts(scenario: scenario))
            } catch let error as InputErrors {
                rejected += 1
                #expect(error.problems.allSatisfy { !$0.file.isEmpty && $0.message.count > 10 }, "case \(number) (\(kinds))")
            }
        }
        #expect(rejected > 100, "the mutations should break many plans")

        // Bookings: mutated files through confirm (which re-reads them under its lock).
        let target = work.appendingPathComponent("mutated-bookings.yaml").path
        for number in 0..<300 {
            let (bytes, kinds) = mutator.mutate(bookings)
            try bytes.write(to: URL(fileURLWithPath: target))
            do {
                _ = try BookingsFile.confirm(plan, into: target)
            } catch {
                #expect(!error.problems.isEmpty, "bookings case \(number) (\(kinds))")
            }
        }
        print("plan fuzz: 600 cases, \(rejected) rejected, \(accepted) accepted")
    }
}
