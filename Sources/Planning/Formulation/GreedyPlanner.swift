/// Plans requests one at a time, each with the cheapest pair and dates still free, as an office
/// would by hand. Gives the solver a first incumbent and the benchmark its baseline.
public struct GreedyPlanner: Sendable {
    public enum Order: Sendable {
        /// The order of the scenario's request list (arrival order).
        case arrival
        /// Highest priority first, then the requests with the fewest options.
        case mostConstrainedFirst
    }

    public let scenario: Scenario
    public let candidates: [RequestCandidates]
    public let commitments: TrainerCommitments

    /// Only the meeting days the package model carries are tried, so the plan can be its start.
    public let shape: DateShape

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments, shape: DateShape = .exact) {
        self.scenario = scenario
        self.candidates = candidates
        self.commitments = commitments
        self.shape = shape
    }

    /// With `keeping`, those packages (a previous plan's) are placed first wherever they are still
    /// candidates and fit, so a re-plan starts from the plan it replaces.
    public func plan(order: Order = .mostConstrainedFirst, keeping: [Int: PackageChoice] = [:]) -> [PackageChoice] {
        var indices = Array(candidates.indices)
        if order == .mostConstrainedFirst {
            indices.sort { a, b in
                let (ra, rb) = (candidates[a].request.priority, candidates[b].request.priority)
                if ra != rb { return ra > rb }
                let (na, nb) = (candidates[a].options.reduce(0) { $0 + $1.workshops.count },
                                candidates[b].options.reduce(0) { $0 + $1.workshops.count })
                return na != nb ? na < nb : a < b
            }
        }
        var ledger = TrainerLedger(scenario: scenario, commitments: commitments)
        var choices: [PackageChoice] = []
        for (_, choice) in keeping.sorted(by: { $0.key < $1.key }) where isCandidate(choice) && ledger.canTake(choice) {
            ledger.take(choice)
            choices.append(choice)
        }
        let kept = Set(choices.map(\.request))
        for index in indices where !kept.contains(index) {
            if let choice = bestChoice(for: index, ledger: ledger) {
                ledger.take(choice)
                choices.append(choice)
            }
        }
        return choices.sorted { $0.request < $1.request }
    }

    /// True when `choice` is among its request's candidates (and the date shape the model carries).
    func isCandidate(_ choice: PackageChoice) -> Bool {
        guard candidates.indices.contains(choice.request),
              let option = candidates[choice.request].options.first(where: { $0.pair == choice.pair }),
              let workshop = option.workshops.first(where: { $0.day == choice.workshop }),
              let i = workshop.preparations.firstIndex(of: choice.preparation),
              let j = workshop.followups.firstIndex(of: choice.followup) else { return false }
        return shape.includes(i, j)
    }

    /// The cheapest (travel, preferred bonus, gap penalties) feasible choice given the ledger.
    func bestChoice(for index: Int, ledger: TrainerLedger) -> PackageChoice? {
        let costs = CostModel(scenario: scenario)
        var best: (cost: Double, choice: PackageChoice)?
        for option in candidates[index].options {
            let pairIDs = option.pair.ids
            guard pairIDs.allSatisfy(ledger.hasPackageRoom) else { continue }
            let pairCost = costs.pairCost(option)
            if let best, pairCost >= best.cost { continue }   // options are sorted by travel cost
            let free = { (day: Day) in pairIDs.allSatisfy { ledger.isFree($0, day) } }
            for workshop in option.workshops {
                let w = workshop.day
                guard free(w) && free(w.advanced(by: 1)),
                      let i = workshop.preparations.firstIndex(where: free),
                      let j = workshop.followups.firstIndex(where: free), shape.includes(i, j)
                else { continue }
                let (p, f) = (workshop.preparations[i], workshop.followups[j])
                let choice = PackageChoice(request: index, pair: option.pair, preparation: p, workshop: w, followup: f)
                guard ledger.canTake(choice) else { continue }
                let cost = costs.packageCost(option, p, w, f)
                if best == nil || cost < best!.cost { best = (cost, choice) }
            }
        }
        return best?.choice
    }
}
