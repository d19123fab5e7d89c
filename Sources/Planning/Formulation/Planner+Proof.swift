import Optimization

extension Planner {
    /// The model that decides whether a plan cheaper than `incumbent` exists, by reduced-cost
    /// fixing in two stages, or nil when it cannot be built small enough (or a pair the
    /// candidates left out could still pay):
    /// 1. the workshop-only relaxation's duals (`fixing`) leave few (request, pair, W);
    /// 2. the LP of the time-indexed model over those, with every event's days, leaves few
    ///    complete packages (W, P, F): the package model over them is the proof model.
    /// Falls back to the exact time-indexed model of stage 1 when stage 2 leaves too many packages.
    func proofModel(_ fixing: ReducedCostFixing, incumbent: Double, plan: [PackageChoice], solver: some Solver,
                    seconds: Double) throws -> (model: Model, start: [Double]?, read: ([Double]) -> [PackageChoice])? {
        guard let selection = fixing.selection(atMost: incumbent, keeping: plan, requests: candidates.count) else { return nil }
        var columns = 0
        for (m, candidate) in candidates.enumerated() {
            for option in candidate.options {
                guard let kept = option.keeping(selection, request: m) else { continue }
                columns += kept.workshops.count + kept.preparationDays.count + kept.followupDays.count
            }
        }
        guard columns <= options.proofColumnsUpTo else { return nil }
        let pinned = commitments.pinnedPackages
        let relaxation = buildTimeIndexed(.meetings, selection: selection)
        if let lp = try solver.solveRelaxation(relaxation.model, timeLimitSeconds: seconds, searchSeconds: 0),
           let duals = lp.rowDuals, let dual = DualBound(model: relaxation.model, rowDuals: duals) {
            let fixed = PackageFixing(model: relaxation, dualBound: dual, atMost: incumbent, margin: fixing.margin, keeping: plan)
            var (cut, packages) = fixed.admitted(candidates)
            if packages.count <= options.proofPackagesUpTo {
                var model = PackageModel(scenario: scenario, candidates: cut, commitments: commitments, previous: previous,
                                         admits: packages.contains)
                // Third stage: the package model's own LP is tighter still; fix by its prices while that pays.
                let kept = Set(plan)
                for _ in 0..<3 {
                    guard let lp = try solver.solveRelaxation(model.model, timeLimitSeconds: seconds, searchSeconds: 0),
                          let duals = lp.rowDuals, let dual = DualBound(model: model.model, rowDuals: duals) else { break }
                    let left = Set(model.columnChoices.enumerated().compactMap { j, choice in
                        choice.flatMap { kept.contains($0) || dual.value + max(0, dual.reducedCosts[j]) <= incumbent + fixing.margin ? $0 : nil }
                    })
                    guard left.count < packages.count * 4 / 5 else { break }
                    packages = left
                    cut = cut.map { candidate in
                        var c = candidate
                        c.options = c.options.filter { option in packages.contains { $0.pair == option.pair } }
                        return c
                    }
                    model = PackageModel(scenario: scenario, candidates: cut, commitments: commitments, previous: previous,
                                         admits: packages.contains)
                }
                return (model.model, model.values(for: plan, pinnedPackages: pinned), model.choices(from:))
            }
        }
        let exact = buildTimeIndexed(.exact, selection: selection)
        return (exact.model, exact.values(for: plan, pinnedPackages: pinned), exact.choices(from:))
    }
}
