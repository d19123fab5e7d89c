import Optimization

extension Planner {
    /// Where column generation left the package model: its LP over the packages priced in so
    /// far, the prices of that LP, and a bound valid for every plan (`PackagePricing`).
    struct PricedModel {
        var model: PackageModel
        var dual: DualBound
        var pricing: PackagePricing.Outcome
        /// True when no package outside the model prices below zero: the bound is the LP optimum of
        /// the package model over every pair and date.
        var converged: Bool
        /// The packages pricing brought in and those the last LP used: the few that matter.
        var priced: Set<PackageChoice>
    }

    /// Column generation over the package model, from `packages` (the pruned model's columns and
    /// the plan's): solve its LP, price every complete package, add the negative ones, until none
    /// is left, the deadline comes, or `rounds` LPs were solved. Nil when no LP was solved in time.
    ///
    /// The LP over every package is far tighter than the time-indexed relaxations where the
    /// previous plan's moves or the trainers' days decide the cost: on the bundled what-if
    /// (`mueller-on-leave`) it is within 1 % of the optimum where the workshop-only LP is 3.6 % below.
    func priceOut(_ packages: [PackageChoice], solver: some Solver, until deadline: ContinuousClock.Instant, rounds: Int = 40,
                  cancellation: Cancellation?) throws -> PricedModel? {
        var pool = Set(packages)
        var entered = Set<PackageChoice>()
        let pricing = PackagePricing(planner: self)
        var priced: PricedModel?
        for _ in 0..<rounds {
            let span = deadline - ContinuousClock.now
            let left = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
            guard left > 0.05, cancellation?.isCancelled != true else { break }
            let model = PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, packages: Array(pool),
                                     previous: previous, omittedPairs: true)
            guard let lp = try solver.solveRelaxation(model.model, timeLimitSeconds: left, searchSeconds: 0), let duals = lp.rowDuals,
                  let dual = DualBound(model: model.model, rowDuals: duals) else { break }
            let outcome = pricing.price(model, dual, perRequest: 30)
            let used = model.columnChoices.indices.compactMap { j in lp.values[j] > 1e-6 ? model.columnChoices[j] : nil }
            // A column of the model may price below zero at its upper bound (x = 1): not a new one.
            let new = outcome.entering.filter { !pool.contains($0) }
            priced = PricedModel(model: model, dual: dual, pricing: outcome, converged: new.isEmpty, priced: entered.union(used))
            if new.isEmpty { break }
            pool.formUnion(new)
            entered.formUnion(new)
        }
        return priced
    }

    /// Reduced-cost fixing over every complete package with the prices of `priced`: a plan that
    /// uses a package of request m costs at least `bound − least[m] + d`, so only packages with
    /// that at most `incumbent` can be in a cheaper plan. The model over exactly those (and the
    /// plan's) then decides optimality, as in `proof`. Nil when a pair the candidates left out
    /// could still be in such a plan, or when more than `proofPackagesUpTo` packages are left.
    func proofByPricing(_ priced: PricedModel, incumbent: Double, plan: [PackageChoice]) -> Proof? {
        let pricing = PackagePricing(planner: self)
        let bound = priced.pricing.bound, limit = incumbent + Tolerance.cent
        var admitted = Set(plan)
        for (m, candidate) in candidates.enumerated() {
            let slack = limit - bound + priced.pricing.least[m]
            if let omitted = pricing.leastOmitted(m, priced.model, priced.dual), omitted <= slack { return nil }
            for option in candidate.options {
                guard let found = pricing.packages(m, option, priced.model, priced.dual, atMost: slack,
                                                   most: options.proofPackagesUpTo - admitted.count) else { return nil }
                admitted.formUnion(found)
            }
        }
        let model = PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, packages: Array(admitted),
                                 previous: previous)
        return Proof(bound: min(bound, incumbent), model: model.model,
                     start: model.values(for: plan, pinnedPackages: commitments.pinnedPackages), read: model.choices(from:))
    }

    /// Price and branch: the package model over the packages column generation found worth
    /// pricing in (and the plan's), solved whole for a short while. Small, so GLPK finds in it
    /// what the local search's neighbourhoods miss when many requests must move at once (a re-plan).
    func restrictedMaster(_ priced: PricedModel, plan: [PackageChoice]) -> PackageModel {
        PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, packages: Array(priced.priced.union(plan)),
                     previous: previous)
    }
}
