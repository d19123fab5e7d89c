import Optimization

extension Planner {
    /// What the proof built: the bound its relaxations give (valid for every plan), and the
    /// model whose optimum is the problem's whenever it is at most the incumbent, when it got
    /// small enough to solve.
    struct Proof {
        var bound: Double?
        var model: Model?
        var start: [Double]?
        var read: (([Double]) -> [PackageChoice])?
    }

    /// Reduced-cost fixing in stages, each on the columns the one before left (`ReducedCostFixing`):
    /// 1. the first relaxation's prices (`fixing`: pair-level, or workshop-only time-indexed) leave
    ///    few (request, pair) or (request, pair, W); after a pair-level one, the workshop-only LP
    ///    over the pairs left fixes workshop days;
    /// 2. the LP of the time-indexed model over those, with every event's days, leaves few
    ///    complete packages (W, P, F) (`PackageFixing`);
    /// 3. the package model's own LP fixes packages while that pays; that model is the proof model.
    /// When a stage leaves too much, only the bound is given (the exact time-indexed model over
    /// stage 1's columns was measured: GLPK's simplex is slow on its long link rows and cannot be
    /// interrupted within the time limit).
    /// Each stage's LP value bounds every plan up to the incumbent, so `bound` = min(LP, incumbent).
    func proof(_ fixing: ReducedCostFixing, incumbent: Double, plan: [PackageChoice], solver: some Solver,
               seconds: Double) throws -> Proof {
        var proof = Proof()
        func note(_ value: Double) { proof.bound = max(proof.bound ?? -.infinity, min(value, incumbent)) }
        func prices(_ model: Model) throws -> DualBound? {
            guard let lp = try solver.solveRelaxation(model, timeLimitSeconds: seconds, searchSeconds: 0),
                  let duals = lp.rowDuals, let dual = DualBound(model: model, rowDuals: duals) else { return nil }
            note(dual.value)
            return dual
        }
        let limit = incumbent + fixing.margin
        note(fixing.dualBound.value)
        guard var selection = fixing.selection(atMost: incumbent, keeping: plan, requests: candidates.count) else { return proof }
        if fixing.isPairLevel {
            guard timeIndexedColumns(of: selection, meetings: false) <= options.timeIndexedRelaxationUpTo else { return proof }
            let relaxation = buildTimeIndexed(.workshops, selection: selection)
            guard let dual = try prices(relaxation.model),
                  let refined = ReducedCostFixing(relaxation: relaxation, dualBound: dual)
                    .selection(atMost: incumbent, keeping: plan, requests: candidates.count) else { return proof }
            selection = refined
        }
        guard timeIndexedColumns(of: selection, meetings: true) <= options.proofColumnsUpTo else { return proof }
        let pinned = commitments.pinnedPackages
        let relaxation = buildTimeIndexed(.meetings, selection: selection)
        if let dual = try prices(relaxation.model) {
            let fixed = PackageFixing(model: relaxation, dualBound: dual, atMost: incumbent, margin: fixing.margin, keeping: plan)
            if var (cut, packages) = fixed.admitted(candidates, most: options.proofPackagesUpTo) {
                var model = PackageModel(scenario: scenario, candidates: cut, commitments: commitments, previous: previous,
                                         admits: packages.contains)
                let kept = Set(plan)
                for _ in 0..<3 {
                    guard let dual = try prices(model.model) else { break }
                    let left = Set(model.columnChoices.enumerated().compactMap { j, choice in
                        choice.flatMap { kept.contains($0) || dual.value + max(0, dual.reducedCosts[j]) <= limit ? $0 : nil }
                    })
                    guard left.count < packages.count * 4 / 5 else { break }
                    packages = left
                    let pairs = Dictionary(grouping: packages, by: \.request).mapValues { Set($0.map(\.pair)) }
                    for m in cut.indices { cut[m].options.removeAll { !(pairs[m]?.contains($0.pair) ?? false) } }
                    model = PackageModel(scenario: scenario, candidates: cut, commitments: commitments, previous: previous,
                                         admits: packages.contains)
                }
                (proof.model, proof.start, proof.read) = (model.model, model.values(for: plan, pinnedPackages: pinned), model.choices(from:))
                return proof
            }
        }
        return proof
    }
}
