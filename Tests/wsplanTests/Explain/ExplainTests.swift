import GLPKBackend
import Planning
import Testing

/// One scenario per kind of reason a request stays out: the diagnosis names the rule and the
/// facts (checked against the plan), and the relaxation offered really lets it in.
@Suite(.serialized) struct ExplainTests {
    typealias F = ExplainFixture

    /// R4: the request's window lies in the Easter school holidays of NW (with avoid_school_holidays).
    @Test func windowEntirelyInHolidays() throws {
        var scenario = F.scenario(requests: [F.request("hamm", earliest: "2027-03-22", latest: "2027-03-31")])
        scenario.rules.avoidSchoolHolidays = true
        scenario.schoolHolidays = [.NW: [SchoolHoliday(first: F.day("2027-03-22"), last: F.day("2027-04-03"), name: "Osterferien")]]
        let (plan, diagnosis) = try F.explain(scenario, "hamm")
        #expect(plan.packages.isEmpty)
        #expect(diagnosis.kind == .structural)
        #expect(diagnosis.rules == [.r4])
        let text = diagnosis.blockers[0].text
        #expect(text.contains("no two consecutive working days in 2027-03-22..2027-03-31 in NW"), "\(text)")
        #expect(text.contains("Osterferien") && text.contains("2027-03-22..2027-03-31"), "\(text)")
        #expect(text.contains("Karfreitag"), "\(text)")   // 2027-03-26, inside the window

        // plan.json carries the short form with the rule code.
        #expect(plan.unscheduled.first?.rules == [.r4])
        #expect(plan.unscheduled.first?.kind == "structural")
        #expect(plan.unscheduled.first?.reasons == [text])

        // The smallest widening: Thursday 18 and Friday 19 March are the nearest working pair, 4 days earlier.
        let options = try F.options(scenario, plan, diagnosis)
        let best = try #require(options.first)
        #expect(best.relaxation == .widenWindow(days: 4))
        #expect(best.served)
        #expect(best.package?.workshop.first == F.day("2027-03-18"))
        #expect(best.objectiveDelta < 0, "serving saves the unscheduled penalty")
        try F.expectServes(best.relaxation, scenario, "hamm")
        try F.expectServes(.widenWindow(days: 4), scenario, "hamm")
        let narrower = Relaxation.widenWindow(days: 3).applied(to: scenario, request: 0)
        #expect(Planner(scenario: narrower).candidates[0].options.isEmpty, "3 days are not enough")
    }

    /// R5: every trainer is unavailable on every day of the window.
    @Test func allTrainersUnavailable() throws {
        var scenario = F.scenario(requests: [F.request("kassel", state: .HE, at: Coordinate(lat: 51.31, lon: 9.48),
                                                       earliest: "2027-02-01", latest: "2027-02-12")])
        for i in scenario.trainers.indices { scenario.trainers[i].unavailable = Set(F.day("2027-02-01")...F.day("2027-02-14")) }
        let (plan, diagnosis) = try F.explain(scenario, "kassel")
        #expect(diagnosis.kind == .structural)
        #expect(diagnosis.rules == [.r5])
        let text = diagnosis.blockers[0].text
        for id in ["a", "b", "c"] { #expect(text.contains("\(id) unavailable 2027-02-01..2027-02-14"), "\(text)") }
        #expect(text.contains("each of the 8 possible workshop days"), "\(text)")
        let options = try F.options(scenario, plan, diagnosis)
        let best = try #require(options.first)
        #expect(best.served)
        // Thursday 28 January is 4 days before the window; Monday 15 February is 3 days after it.
        #expect(best.relaxation == .widenWindow(days: 3))
        try F.expectServes(best.relaxation, scenario, "kassel")
    }

    /// R7: every allowed pair includes a trainer at max_packages; the trainers named are at their cap in the plan.
    @Test func capsReached() throws {
        var scenario = F.scenario(requests: [F.request("guetersloh"), F.request("bielefeld", at: Coordinate(lat: 52.02, lon: 8.53))])
        for i in scenario.trainers.indices { scenario.trainers[i].maxPackages = 1 }
        let (plan, _) = try F.explain(scenario, "guetersloh")
        #expect(plan.packages.count == 1)
        let left = try #require(plan.unscheduled.first?.municipality)
        let m = scenario.requests.firstIndex { $0.id == left }!
        let diagnosis = UnscheduledDiagnoser(planner: Planner(scenario: scenario))
            .diagnose(m, choices: UnscheduledDiagnoser.choices(from: plan, scenario: scenario))
        #expect(diagnosis.kind == .capacity)
        #expect(diagnosis.rules == [.r7])
        let named = diagnosis.facts.trainersAtPackageCap
        #expect(Set(named) == Set(plan.packages[0].trainers))
        for id in named {
            let count = plan.packages.filter { $0.trainers.contains(id) }.count
            #expect(count == 1, "\(id) is said to be at max_packages")
            #expect(diagnosis.blockers[0].text.contains("\(id) (\(count) of 1)"), "\(diagnosis.blockers[0].text)")
        }
        let options = try F.options(scenario, plan, diagnosis)
        #expect(!options.isEmpty)
        for option in options {
            guard case .raiseMaxPackages(let id, let cap) = option.relaxation else { Issue.record("unexpected \(option.relaxation)"); continue }
            #expect(named.contains(id) && cap == 2)
            #expect(option.served)
            #expect(option.dropped.isEmpty)
            try F.expectServes(option.relaxation, scenario, left)
        }
    }

    /// R1: the required trainer's every partner is a forbidden pair.
    @Test func forbiddenPairIsTheOnlyOption() throws {
        var scenario = F.scenario(requests: [F.request("mainz", state: .RP, at: Coordinate(lat: 50.0, lon: 8.27), requires: ["a"])])
        scenario.forbiddenPairs = [TrainerPair("a", "b")!, TrainerPair("a", "c")!]
        let (plan, diagnosis) = try F.explain(scenario, "mainz")
        #expect(diagnosis.kind == .structural)
        #expect(diagnosis.rules == [.r1])
        let text = diagnosis.blockers[0].text
        #expect(text.contains("requires a") && text.contains("a+b") && text.contains("a+c"), "\(text)")
        let options = try F.options(scenario, plan, diagnosis)
        let offered = Set(options.map(\.relaxation))
        #expect(offered == [.allowPair(TrainerPair("a", "b")!), .allowPair(TrainerPair("a", "c")!), .dropRequires(trainer: "a")])
        for option in options {
            #expect(option.served)
            try F.expectServes(option.relaxation, scenario, "mainz")
        }
        // Sorted by cost: the first is the cheapest of the served options.
        #expect(options.map(\.objectiveDelta) == options.map(\.objectiveDelta).sorted())
    }

    /// R2: the horizon starts with the planning start, so no preparation fits 21 days before any workshop.
    @Test func preparationGapImpossibleWithinHorizon() throws {
        var scenario = F.scenario(requests: [F.request("hamm")])
        scenario.planningStart = F.day("2027-01-01")
        scenario.horizon = F.day("2027-01-01")...F.day("2027-01-20")
        let (plan, diagnosis) = try F.explain(scenario, "hamm")
        #expect(diagnosis.kind == .structural)
        #expect(diagnosis.rules == [.r2])
        let text = diagnosis.blockers[0].text
        #expect(text.contains("21–42 days before") && text.contains("before the planning start 2027-01-01"), "\(text)")
        let options = try F.options(scenario, plan, diagnosis)
        let best = try #require(options.first)
        // Workshop Wednesday 20 January, preparation Monday 4 January (1 January is a holiday): 16 days, min 21 − 5.
        #expect(best.relaxation == .shorterPreparationGap(days: 5))
        #expect(best.served)
        try F.expectServes(best.relaxation, scenario, "hamm")
    }

    /// Capacity, R5: the only pair is booked by a confirmed package on every possible workshop day.
    @Test func daysTakenByAnotherPackage() throws {
        var scenario = F.scenario(requests: [F.request("hamm", earliest: "2027-02-09", latest: "2027-02-09"),
                                             F.request("soest", at: Coordinate(lat: 51.57, lon: 8.11), earliest: "2027-02-09", latest: "2027-02-09")])
        scenario.trainers.removeLast()   // only the pair a+b
        scenario.requests[1].priority = 2
        let (plan, diagnosis) = try F.explain(scenario, "hamm")
        #expect(plan.packages.map(\.municipality) == ["soest"])
        #expect(diagnosis.kind == .capacity)
        #expect(diagnosis.rules == [.r5])
        let text = diagnosis.blockers[0].text
        #expect(text.contains("a by soest 2027-02-09..2027-02-10") && text.contains("b by soest"), "\(text)")
        #expect(diagnosis.facts.trainersBusy == ["a", "b"])
        let options = try F.options(scenario, plan, diagnosis)
        let best = try #require(options.first)
        #expect(best.relaxation == .widenWindow(days: 7))
        #expect(best.served && best.dropped.isEmpty)
        try F.expectServes(best.relaxation, scenario, "hamm")
    }
}
