/// The benchmark's baseline: the plan an office makes by hand, to show what optimisation is worth.
///
/// Requests are taken in order of arrival (the scenario's list order), never revisited. Each gets
/// the pair with the cheapest travel that still has a feasible date given everything booked so
/// far, and with that pair the earliest feasible workshop start; the preparation and follow-up
/// meetings go on the free days closest to the gap targets (about four weeks before, about half a
/// year after), as an office would set them. The preferred-pair bonus and the gap penalties do not
/// steer it – unlike `GreedyPlanner`, which picks the cheapest dates by the full objective to give
/// the solver a good first incumbent.
public struct OfficeGreedyPlanner: Sendable {
    public let scenario: Scenario
    public let candidates: [RequestCandidates]
    public let commitments: TrainerCommitments

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments) {
        self.scenario = scenario
        self.candidates = candidates
        self.commitments = commitments
    }

    public func plan() -> [PackageChoice] {
        var ledger = TrainerLedger(scenario: scenario, commitments: commitments)
        var choices: [PackageChoice] = []
        for index in candidates.indices {
            if let choice = firstChoice(for: index, ledger: ledger) {
                ledger.take(choice)
                choices.append(choice)
            }
        }
        return choices
    }

    /// Cheapest pair first (candidates are sorted by travel cost), then the earliest workshop day,
    /// then meeting days by closeness to their targets; the first combination every rule allows.
    func firstChoice(for index: Int, ledger: TrainerLedger) -> PackageChoice? {
        for option in candidates[index].options {
            let ids = option.pair.ids
            guard ids.allSatisfy(ledger.hasPackageRoom) else { continue }
            let free = { (day: Day) in ids.allSatisfy { ledger.isFree($0, day) } }
            let room = { (days: [Day]) in ids.allSatisfy { ledger.hasMonthRoom($0, days) } }
            for workshop in option.workshops {
                let days = [workshop.day, workshop.day.advanced(by: 1)]
                guard days.allSatisfy(free), room(days) else { continue }
                for p in workshop.preparations where free(p) && room(days + [p]) {
                    for f in workshop.followups where free(f) {
                        let choice = PackageChoice(request: index, pair: option.pair, preparation: p, workshop: workshop.day, followup: f)
                        if ledger.canTake(choice) { return choice }
                    }
                }
            }
        }
        return nil
    }
}

extension Planner {
    /// The office's hand-made plan (`OfficeGreedyPlanner`) as a plan.json: status `feasible`, no bound.
    public func officeBaselinePlan() -> Plan {
        let clock = ContinuousClock()
        let started = clock.now
        let choices = OfficeGreedyPlanner(scenario: scenario, candidates: candidates, commitments: commitments).plan()
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let report = SolverReport(name: "greedy", status: .feasible, objective: nil, bound: nil, gap: nil, seconds: seconds)
        return PlanAssembler(planner: self).plan(choices: choices, solver: report)
    }
}
