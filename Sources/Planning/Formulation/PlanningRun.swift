import Optimization

/// One run of `Planner.plan`, phase by phase: the greedy start, the first bound and the package
/// model, the local search, the proof (exact solve, or reduced-cost fixing with a retry), raising
/// the bound, and the plan. Each phase leaves the best plan so far (`best`) and the best bound
/// valid for every plan (`bound`) and returns them.
struct PlanningRun<S: Solver> {
    /// Where a phase left the run.
    struct Standing {
        var incumbent: Double
        var bound: Double?
    }

    let planner: Planner
    let solver: S
    let limit: Double
    let gapLimit: Double
    let injectStart: Bool
    let bestSoFar: BestPlanSoFar?
    let note: ((String) -> Void)?
    let solverLog: (@Sendable (String) -> Void)?
    let onModel: ((Model) throws -> Void)?
    let cancellation: Cancellation?
    let assembler: PlanAssembler
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    let commandStarted: ContinuousClock.Instant
    /// Seconds the planner may spend from `started`: the limit less what came before and `finish`.
    let budget: Double
    /// Seconds of `finish` the diagnosis of the unscheduled requests may take; writing gets the rest.
    let diagnosisSeconds: Double
    var relay: PlanProgress

    private(set) var start: [PackageChoice] = []
    private(set) var best = WholeSolve.Outcome(choices: [], objective: .infinity, isOptimal: false, bound: nil)
    private(set) var bound: Double?
    private var prepared: Planner.Preparation?
    /// The package model's LP over every pair and date by column generation, when affordable.
    private var priced: Planner.PricedModel?
    private var preparedSeconds = 0.0
    private var buildSeconds = 0.0
    private var handsOver = false
    private var searchDeadline = ContinuousClock.now
    private var searchPlanner: Planner

    init(planner: Planner, solver: S, timeLimitSeconds: Double?, mipGap: Double?, injectStart: Bool, startedAt: ContinuousClock.Instant?,
         finishSeconds: Double?, bestSoFar: BestPlanSoFar?, note: ((String) -> Void)?, solverLog: (@Sendable (String) -> Void)?,
         onProgress: (@Sendable (SolverProgress) -> Void)?, cancellation: Cancellation?, onModel: ((Model) throws -> Void)?) {
        self.planner = planner
        self.solver = solver
        started = clock.now
        commandStarted = startedAt ?? planner.listedFrom
        relay = PlanProgress(report: onProgress, started: started)
        limit = timeLimitSeconds ?? planner.scenario.solver.timeLimitSeconds
        gapLimit = mipGap ?? planner.scenario.solver.mipGap
        self.injectStart = injectStart
        // The limit is the whole command's: reading and listing the candidates came before,
        // diagnosing the unscheduled requests and writing come after.
        let finish = finishSeconds ?? min(5, max(0.3, limit * planner.options.finishShare))
        budget = limit - Self.seconds(since: commandStarted) - finish
        diagnosisSeconds = finish * planner.options.diagnosisShareOfFinish
        self.bestSoFar = bestSoFar
        self.note = note
        self.solverLog = solverLog
        self.onModel = onModel
        self.cancellation = cancellation
        assembler = PlanAssembler(planner: planner)
        searchPlanner = planner
    }

    private var standing: Standing { Standing(incumbent: best.objective, bound: bound) }
    private var left: Double { budget - Self.seconds(since: started) }
    private var remaining: Double { max(0.1, left) }
    private var isCancelled: Bool { cancellation?.isCancelled == true }
    private var packageModel: PackageModel { prepared!.model }

    // A bound above the plan would be a bug, never a proof: only a bound at or below the plan counts.
    private func closeToBound(_ value: Double) -> Bool { bound.map { abs(value - $0) <= Tolerance.cent } ?? false }
    private func withinGap(_ value: Double) -> Bool {
        bound.map { value - $0 >= -Tolerance.cent && value - $0 <= max(Tolerance.cent, gapLimit * max(abs(value), 1)) } ?? false
    }

    private mutating func keep(_ outcome: WholeSolve.Outcome) {
        best = outcome
        bestSoFar?.offer(best.choices, objective: best.objective, planner: planner)
    }

    /// Keeps a later search's plan when it is cheaper by at least a cent; true when it was.
    @discardableResult private mutating func keepIfBetter(_ more: NeighbourhoodSearch.Outcome) -> Bool {
        guard more.objective < best.objective - Tolerance.cent else { return false }
        keep(WholeSolve.Outcome(choices: more.choices, objective: more.objective, isOptimal: more.provenOptimal, bound: nil))
        relay.fallback = best.objective
        return true
    }

    private mutating func raise(to value: Double?) {
        guard let value else { return }
        bound = max(value, bound ?? -.infinity)
        bestSoFar?.raise(bound: bound)
    }

    /// Phase 1: the greedy plan.
    @discardableResult mutating func greedyStart() -> Standing {
        relay.phase(.startPlan)
        start = planner.greedy()
        keep(WholeSolve.Outcome(choices: start, objective: assembler.objectiveTerms(start).total, isOptimal: false, bound: nil))
        note?("greedy start: \(start.count) of \(planner.candidates.count) requests, objective \(cents(best.objective)) EUR")
        relay.fallback = best.objective
        relay.phase(.building)
        return standing
    }

    /// Phase 2: the first bound from the relaxations, and the package model (`Planner.prepare`).
    @discardableResult mutating func firstBound() throws -> Standing {
        let prepared = try planner.prepare(solver: solver, timeLimitSeconds: max(0.5, budget / 4), start: start, cancellation: cancellation)
        self.prepared = prepared
        preparedSeconds = Self.seconds(since: started)
        raise(to: prepared.bound)
        note?("relaxation bound: \(bound.map { "\(cents($0)) EUR" } ?? "not found in time") (pair level \(prepared.pairLevelBound.map { "\(cents($0)) EUR" } ?? "not found in time"))")
        let model = prepared.model.model
        // `--write-model`: the model GLPK gets, from the relaxations solved once.
        try onModel?(model)
        note?("model: \(model.variables.count) columns, \(model.constraints.count) rows, \(model.nonZeros) non-zeros\(prepared.model.isExact ? "" : " (best dates and pairs only)")")
        try priceOut()
        relay.relaxationBound = bound
        relay.isExact = prepared.model.isExact
        relay.size = ModelSize(model)
        relay.phase(.building)
        buildSeconds = planner.candidateSeconds + Self.seconds(since: started)
        bestSoFar?.built(ModelSize(model), buildSeconds: buildSeconds)
        return standing
    }

    /// Phase 2b: column generation over the package model (`Planner.priceOut`), when pricing every
    /// complete package is cheap enough: its bound sees the trainers' days and the previous plan's
    /// moves, which the first relaxations blur, and its prices drive the proof.
    private mutating func priceOut() throws {
        let options = planner.options
        guard options.generatesColumns, !packageModel.isExact, planner.timeIndexedColumns <= options.pricingColumnsUpTo, !isCancelled, left > 1 else { return }
        let until = clock.now.advanced(by: .milliseconds(Int64(left * options.pricingShare * 1000)))
        // From the start plan alone: the LPs stay small, and pricing brings in what they need.
        let pool = start
        guard let priced = try planner.priceOut(pool, solver: solver, until: until, cancellation: cancellation) else { return }
        self.priced = priced
        raise(to: priced.pricing.bound)
        note?("package model over every pair and date: bound \(cents(priced.pricing.bound)) EUR\(priced.converged ? "" : " (not converged in time)")")
    }

    /// Phase 3: local search. GLPK finds good plans in small sub-models far faster than in the
    /// whole one. An exact model then gets the rest of the time to prove (or improve) the plan; a
    /// pruned one cannot prove anything, so the reserve goes to the proof by reduced-cost fixing
    /// or to raising the bound.
    @discardableResult mutating func localSearch() throws -> Standing {
        let options = planner.options, candidates = planner.candidates
        let reserve = packageModel.isExact ? 0 : limit * options.boundSearchShare
        let searchShare = packageModel.isExact ? options.localSearchShare : 1
        let searchSeconds = options.searchesLocally ? max(0, left - reserve) * searchShare : 0
        // Requests the greedy plan could not serve from their cheapest pairs may have other trainers with room.
        let unserved = Set(candidates.indices).subtracting(start.map(\.request))
        let widens = unserved.contains { candidates[$0].leastOmittedPairCost != nil }
        searchPlanner = widens ? planner.widening(unserved) : planner
        var searchStart = start
        if let priced, !isCancelled, left > 1 {
            let master = planner.restrictedMaster(priced, plan: best.choices)
            let result = try solver.solve(master.model, parameters: SolveParameters(
                timeLimitSeconds: min(left * 0.2, 5), relativeGap: 0, start: master.values(for: best.choices, pinnedPackages: planner.commitments.pinnedPackages),
                log: solverLog, cancellation: cancellation))
            if let values = result.values, result.status == .optimal || result.status == .feasible {
                let found = master.choices(from: values), value = assembler.objectiveTerms(found).total
                if value < best.objective - Tolerance.cent {
                    keep(WholeSolve.Outcome(choices: found, objective: value, isOptimal: false, bound: nil))
                    relay.fallback = value
                    searchStart = found
                    note?("price and branch: \(cents(value)) EUR from \(master.model.variables.count) priced packages")
                }
            }
        }
        if widens {
            let widened = searchPlanner.greedy()
            let value = assembler.objectiveTerms(widened).total
            if value < best.objective {
                searchStart = widened
                bestSoFar?.offer(widened, objective: value, planner: planner)
            }
        }
        // With a proof at hand, the search hands over once it stalls within the gap limit; when
        // the proof cannot be built yet, the search goes on (other neighbourhoods) and it is tried again.
        handsOver = (priced != nil || prepared?.fixing?.isPairLevel == false) && !packageModel.isExact
        searchDeadline = clock.now.advanced(by: .milliseconds(Int64(searchSeconds * 1000)))
        relay.phase(.improving)
        let searched = try search(from: searchStart, patience: handsOver ? (priced != nil ? 2 : Neighbourhood.allCases.count) : nil, seed: options.seed,
                                  stallsOutsideGap: priced != nil)
        keep(WholeSolve.Outcome(choices: searched.choices, objective: searched.objective, isOptimal: searched.provenOptimal, bound: nil))
        relay.fallback = best.objective
        return standing
    }

    /// `stallsOutsideGap`: hand over after `patience` rounds without gain even outside the gap
    /// limit (the proof by pricing can decide from there).
    private func search(from plan: [PackageChoice], patience: Int?, seed: UInt64, stallsOutsideGap: Bool = false) throws -> NeighbourhoodSearch.Outcome {
        var search = NeighbourhoodSearch(planner: searchPlanner)
        search.seed = seed
        search.patience = patience
        search.patienceOutsideGap = stallsOutsideGap
        let (searchRelay, bestSoFar, planner) = (relay, bestSoFar, planner)
        let searched = try search.improve(plan, using: solver, until: searchDeadline, bound: bound, relativeGap: gapLimit,
                                          cancellation: cancellation, log: solverLog, progress: note, onImprovement: { choices, value in
                                              bestSoFar?.offer(choices, objective: value, planner: planner)
                                              var update = searchRelay
                                              update.fallback = value
                                              update.phase(.improving)
                                          })
        note?("local search: \(searched.rounds) rounds, \(searched.improvements) improvements, \(cents(searched.objective)) EUR")
        return searched
    }

    /// Phase 4: the proof. An exact model is solved whole; a pruned one goes through reduced-cost
    /// fixing (`Planner.proof`), with one more search and a second try when the first leaves too much.
    @discardableResult mutating func prove() throws -> Standing {
        let whole = WholeSolve(solver: solver, assembler: assembler, log: solverLog, cancellation: cancellation)
        if best.isOptimal || closeToBound(best.objective) || isCancelled {
            note?("local search reached the bound")
        } else if left < 0.5 {
            note?("no time left to prove the plan")
        } else if packageModel.isExact {
            if withinGap(best.objective) {
                note?("local search reached the bound within the gap limit")
            } else {
                note?("solving with \(solver.name) (time limit \(Int(remaining.rounded())) s, gap \(gapLimit))")
                let values = packageModel.values(for: best.choices, pinnedPackages: planner.commitments.pinnedPackages)
                let solved = try whole.solve(packageModel.model, start: values, inject: injectStart, gap: gapLimit, seconds: remaining,
                                             relay: &relay, read: packageModel.choices(from:), improving: best)
                keep(solved)
                raise(to: best.bound)
            }
        } else if priced != nil || prepared?.fixing != nil {
            // Two ways to a proof model: pricing every package, and the stages of `Planner.proof`.
            // The smaller model is solved: GLPK's time grows fast with its size.
            var proof = try provableByPricing()
            var how = "pricing every package"
            if let fixing = prepared?.fixing, (proof?.model?.variables.count ?? .max) > planner.options.proofByPricingPreferredUpTo {
                let staged = try stagedProof(fixing, searchingAgain: proof?.model == nil)
                raise(to: staged.bound)
                if let model = staged.model, model.variables.count < proof?.model?.variables.count ?? .max {
                    proof = staged
                    how = "reduced-cost fixing"
                }
            }
            let incumbent = best.objective
            raise(to: proof?.bound)
            if let proof, let model = proof.model, let read = proof.read, !closeToBound(best.objective), !isCancelled {
                // Every plan cheaper than this one lies in the proof model: solving it whole decides optimality.
                note?("proving with \(solver.name): \(model.variables.count) columns left by \(how) (time limit \(Int(remaining.rounded())) s)")
                let solved = try whole.solve(model, start: proof.start, inject: true, gap: 0, seconds: remaining, relay: &relay,
                                             read: read, improving: best)
                keep(solved)
                // Plans outside the proof model cost more than the incumbent.
                raise(to: best.bound.map { min($0, incumbent) })
            }
        }
        return standing
    }

    /// The proof model by pricing every package; while there is none (the incumbent too far above
    /// the bound for reduced-cost fixing to drop enough) and the search still finds better plans,
    /// a few more rounds of search, then pricing again with the better incumbent.
    private mutating func provableByPricing() throws -> Planner.Proof? {
        guard let priced else { return nil }
        var proof = planner.proofByPricing(priced, incumbent: best.objective, plan: best.choices)
        var round: UInt64 = 0
        while proof?.model == nil, handsOver,
              clock.now < searchDeadline, !isCancelled, !closeToBound(best.objective) {
            round += 1
            let more = try search(from: best.choices, patience: Neighbourhood.allCases.count, seed: planner.options.seed &+ 10 &+ round)
            guard keepIfBetter(more) else { break }
            proof = planner.proofByPricing(priced, incumbent: best.objective, plan: best.choices)
        }
        return proof
    }

    /// The stages of `Planner.proof`, with one more search and a second try when the first leaves
    /// too much and `searchingAgain` (not when another proof model is at hand).
    private mutating func stagedProof(_ fixing: ReducedCostFixing, searchingAgain: Bool) throws -> Planner.Proof {
        var proof = try planner.proof(fixing, incumbent: best.objective, plan: best.choices, solver: solver, seconds: remaining / 4)
        if proof.model == nil && searchingAgain && handsOver && clock.now < searchDeadline && !isCancelled {
            let more = try search(from: best.choices, patience: nil, seed: planner.options.seed &+ 1)
            keepIfBetter(more)
            if !best.isOptimal && !closeToBound(best.objective) {
                proof = try planner.proof(fixing, incumbent: best.objective, plan: best.choices, solver: solver, seconds: remaining / 4)
            }
        }
        return proof
    }

    /// Phase 5: not proven yet, the reserved time raises the relaxation's bound by branch and cut;
    /// only when there is time to build and solve it (it is larger than the first relaxations).
    @discardableResult mutating func raiseBound() throws -> Standing {
        guard !packageModel.isExact, !best.isOptimal, let lp = bound, !withinGap(best.objective), !isCancelled,
              left >= max(1, 2 * preparedSeconds) else { return standing }
        let search = remaining
        note?("raising the bound (up to \(Int(search.rounded())) s)")
        relay.fallback = best.objective
        relay.phase(.raisingBound)
        if let raised = try solver.solveRelaxation(planner.boundingRelaxation(), timeLimitSeconds: search / 2, searchSeconds: search / 2,
                                                   cancellation: cancellation)?.bound {
            raise(to: max(lp, raised))
        }
        return standing
    }

    /// Phase 5b: time the bound could not use (its relaxation was already solved to the end, as
    /// the pair-level one is in a large loose year) goes back to the local search, which finds
    /// better plans to the last second there.
    @discardableResult mutating func searchOnceMore() throws -> Standing {
        guard planner.options.searchesLocally, !packageModel.isExact, !best.isOptimal, !withinGap(best.objective), !isCancelled,
              left >= 2 else { return standing }
        searchDeadline = clock.now.advanced(by: .milliseconds(Int64(left * 1000)))
        relay.phase(.improving)
        let more = try search(from: best.choices, patience: nil, seed: planner.options.seed &+ 2)
        keepIfBetter(more)
        return standing
    }

    /// Phase 6: the plan, `optimal` only when proven: an exact model (or the search's all-free
    /// sub-model) solved to optimality, or a plan that meets a valid bound.
    /// Without a model (Ctrl-C while it was being built) the plan is the greedy start, without a size.
    func plan() -> Plan {
        // After Ctrl-C the command may be assembling the same plan from `bestSoFar`: share it.
        if isCancelled, !best.isOptimal, let bestSoFar,
           let shared = bestSoFar.plan(solverName: solver.name, seconds: Self.seconds(since: commandStarted), explainUntil: clock.now) {
            return shared
        }
        let model = prepared?.model.model
        let report = SolverReport(name: solver.name, status: best.isOptimal || closeToBound(best.objective) ? .optimal : .feasible,
                                  objective: nil, bound: bound.map { min($0, best.objective) }, gap: nil,
                                  seconds: Self.seconds(since: commandStarted), rows: model?.constraints.count,
                                  columns: model?.variables.count, nonzeros: model?.nonZeros,
                                  buildSeconds: (buildSeconds * 1000).rounded() / 1000)
        // After Ctrl-C the plan must be written at once: no time for the smallest changes then.
        let explainUntil = isCancelled ? clock.now : started.advanced(by: .milliseconds(Int64((budget + diagnosisSeconds) * 1000)))
        return assembler.plan(choices: best.choices, solver: report, explainUntil: explainUntil)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
