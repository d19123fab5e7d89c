import GLPKBackend
import Planning
import Testing

/// plan.json's `changes`: for each unscheduled request, the smallest change of each kind under
/// which a package fits the plan as it stands, found without a solver; and its typed reasons.
@Suite(.serialized) struct CheapChangesTests {
    typealias F = ExplainFixture

    /// R4: the window lies in the Easter holidays; the smallest widening is 4 days (3 are not enough).
    @Test func theSmallestWideningOfAWindowInTheHolidays() throws {
        var scenario = F.scenario(requests: [F.request("hamm", earliest: "2027-03-22", latest: "2027-03-31")])
        scenario.rules.avoidSchoolHolidays = true
        scenario.schoolHolidays = [.NW: [SchoolHoliday(first: F.day("2027-03-22"), last: F.day("2027-04-03"), name: "Osterferien")]]
        let (plan, _) = try F.explain(scenario, "hamm")
        let entry = try #require(plan.unscheduled.first)
        #expect(entry.changes == [.widenWindow(days: 4)])
        try F.expectServes(.widenWindow(days: 4), scenario, "hamm")
        // The reason as data: the holidays, Good Friday and Easter Monday by name, the weekends apart (no English words matched).
        guard case .noConsecutiveWorkingDays(let window, let state, let off, let weekends, _) = entry.obstacles?.first else {
            Issue.record("\(String(describing: entry.obstacles))"); return
        }
        #expect(window == F.day("2027-03-22")...F.day("2027-03-31") && state == .NW && weekends)
        #expect(off.map(\.reason) == [.schoolHoliday(name: "Osterferien", state: .NW), .publicHoliday(name: "Karfreitag", state: .NW),
                                       .publicHoliday(name: "Ostermontag", state: .NW)])
        #expect(off[1].days == [F.day("2027-03-26")] && off[2].days == [F.day("2027-03-29")])
        #expect(entry.reasons == entry.obstacles?.map { "\($0.rule.code): \($0.text)" })
    }

    /// R7: every pair includes a trainer at max_packages = 1; one more package for one of them lets the other request in.
    @Test func oneMorePackageForATrainerAtTheCap() throws {
        var scenario = F.scenario(requests: [F.request("guetersloh"), F.request("bielefeld", at: Coordinate(lat: 52.02, lon: 8.53))])
        for i in scenario.trainers.indices { scenario.trainers[i].maxPackages = 1 }
        let (plan, _) = try F.explain(scenario, "guetersloh")
        let entry = try #require(plan.unscheduled.first)
        #expect(entry.rules == [.r7])
        let changes = try #require(entry.changes)
        #expect(!changes.isEmpty)
        for change in changes {
            guard case .raiseMaxPackages(let trainer, let to) = change else { Issue.record("\(change)"); continue }
            #expect(plan.packages[0].trainers.contains(trainer) && to == 2, "\(change)")
            try F.expectServes(change, scenario, entry.municipality)
        }
    }

    /// Nothing cheap: no window of its own and every trainer away all quarter; the report then points to `wsplan explain`.
    @Test func noChangeWhenNothingFits() throws {
        var scenario = F.scenario(requests: [F.request("hamm")])
        for i in scenario.trainers.indices { scenario.trainers[i].unavailable = Set(F.day("2026-12-01")...F.day("2027-12-31")) }
        let (plan, _) = try F.explain(scenario, "hamm")
        let entry = try #require(plan.unscheduled.first)
        #expect(entry.rules == [.r5])
        #expect(entry.changes == [])
    }

    /// The time limit is the whole command's: past the diagnosis's deadline the reasons are still
    /// given, the smallest changes are not looked for (nil, not "none found"), and the report says so.
    @Test func noChangesLookedForPastTheDeadline() throws {
        var scenario = F.scenario(requests: [F.request("guetersloh"), F.request("bielefeld", at: Coordinate(lat: 52.02, lon: 8.53))])
        for i in scenario.trainers.indices { scenario.trainers[i].maxPackages = 1 }
        let planner = Planner(scenario: scenario)
        let choices = planner.greedy()
        let report = SolverReport(name: "greedy", status: .feasible, objective: nil, bound: nil, gap: nil, seconds: 0)
        let late = PlanAssembler(planner: planner).plan(choices: choices, solver: report, explainUntil: .now)
        let entry = try #require(late.unscheduled.first)
        #expect(entry.rules == [.r7] && !entry.reasons.isEmpty)
        #expect(entry.changes == nil)
        let inTime = PlanAssembler(planner: planner).plan(choices: choices, solver: report)
        #expect(inTime.unscheduled.first?.changes?.isEmpty == false)
    }
}
