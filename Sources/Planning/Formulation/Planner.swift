import Optimization

/// Turns a scenario into a plan: candidates, a greedy start, the relaxation that bounds every
/// plan, the package model, the solver, the plan.
public struct Planner {
    public let scenario: Scenario
    public let calendar: WorkingCalendar
    public let commitments: TrainerCommitments
    public private(set) var candidates: [RequestCandidates]
    public let options: FormulationOptions
    /// The date shape the package model uses (see `FormulationOptions`), chosen once.
    public let shape: DateShape
    /// The plan this one replaces, when given: moving its packages costs `move_eur` per event.
    public let previous: PreviousPlacements?
    /// Seconds spent listing the candidates (reported in `build_seconds`).
    public let candidateSeconds: Double
    /// When listing the candidates began: a time limit counts from here unless `plan` is told otherwise.
    public let listedFrom: ContinuousClock.Instant
    /// Each request's (pair, workshop day) budget for its candidates (`FormulationOptions.workshopBudget(requests:timeLimit:)`).
    let workshopBudget: (budget: Int, cut: Bool)

    /// Requests already served by a confirmed booking of the same municipality are not planned again.
    /// `timeLimitSeconds` (default: the scenario's) sizes the candidate budget of large scenarios.
    public init(scenario: Scenario, options: FormulationOptions = FormulationOptions(), previous: Plan? = nil,
                timeLimitSeconds: Double? = nil) {
        let clock = ContinuousClock(), started = clock.now
        listedFrom = started
        self.scenario = scenario
        self.previous = previous.map {
            PreviousPlacements(previous: $0, requests: scenario.requests, booked: Set(scenario.bookings.map(\.municipality)))
        }
        self.options = options
        calendar = WorkingCalendar(scenario: scenario)
        commitments = TrainerCommitments(scenario: scenario)
        let booked = Set(scenario.bookings.map(\.municipality))
        let budget = options.workshopBudget(requests: scenario.requests.count,
                                            timeLimit: timeLimitSeconds ?? scenario.solver.timeLimitSeconds)
        workshopBudget = budget
        let builder = CandidateBuilder(scenario: scenario, calendar: calendar, commitments: commitments,
                                       workshopBudget: budget.budget, budgetsEveryTrainer: budget.cut)
        // Each request's candidates depend on it alone: listed on every core.
        candidates = scenario.requests.parallelMap { request in
            booked.contains(request.id)
                ? RequestCandidates(request: request, options: [], obstacles: [])
                : builder.candidates(for: request)
        }
        shape = ColumnSelection.shape(for: candidates, options: options)
        let took = clock.now - started
        candidateSeconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
    }

    /// This planner with the candidates of `requests` spread over every allowed pair (fewer
    /// workshop days each) instead of the cheapest pairs only: for requests whose cheapest
    /// trainers are fully booked. Bounds stay those of the original candidates.
    public func widening(_ requests: some Sequence<Int>) -> Planner {
        var copy = self
        let builder = CandidateBuilder(scenario: scenario, calendar: calendar, commitments: commitments,
                                       workshopBudget: workshopBudget.budget, spreadOverAllPairs: true,
                                       budgetsEveryTrainer: workshopBudget.cut)
        for m in requests where candidates[m].leastOmittedPairCost != nil {
            copy.candidates[m] = builder.candidates(for: scenario.requests[m])
        }
        return copy
    }

    public func buildModel(selection: ColumnSelection? = nil) -> PackageModel {
        PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, shape: shape, selection: selection,
                     previous: previous)
    }

    public func buildTimeIndexed(_ form: TimeIndexedModel.Form, selection: ColumnSelection? = nil) -> TimeIndexedModel {
        TimeIndexedModel(scenario: scenario, candidates: candidates, commitments: commitments, form: form, selection: selection,
                         previous: previous)
    }

    /// The greedy plan; in a re-plan, the previous plan's packages that still fit come first.
    public func greedy(order: GreedyPlanner.Order = .mostConstrainedFirst) -> [PackageChoice] {
        GreedyPlanner(scenario: scenario, candidates: candidates, commitments: commitments, shape: shape)
            .plan(order: order, keeping: previous?.byRequest ?? [:])
    }

    /// Columns of the time-indexed model with every event's days.
    public var timeIndexedColumns: Int { timeIndexedColumns(meetings: true) }

    /// Workshop columns of the time-indexed relaxation (one per request, pair and workshop day).
    public var workshopCandidates: Int { timeIndexedColumns(meetings: false) }

    /// Columns of the time-indexed model over `selection` (all candidates when nil): workshop
    /// days, and meeting days when asked.
    func timeIndexedColumns(of selection: ColumnSelection? = nil, meetings: Bool) -> Int {
        var count = 0
        for (m, candidate) in candidates.enumerated() {
            for full in candidate.options {
                guard let option = selection.map({ full.keeping($0, request: m) }) ?? full else { continue }
                count += option.workshops.count + (meetings ? option.preparationDays.count + option.followupDays.count : 0)
            }
        }
        return count
    }

    /// The relaxation that bounds every plan: the time-indexed one, with meeting days when it is
    /// small enough; the pair-level one when even the workshop columns would be too many.
    public func boundingRelaxation() -> Model {
        guard workshopCandidates <= options.timeIndexedRelaxationUpTo else { return assignmentRelaxation().model }
        return buildTimeIndexed(timeIndexedColumns <= options.relaxationWithMeetingsUpTo ? .meetings : .workshops).model
    }

    public func assignmentRelaxation() -> AssignmentRelaxation {
        AssignmentRelaxation(scenario: scenario, candidates: candidates, commitments: commitments, previous: previous)
    }

    /// What `prepare` gives: the first bound, the package model, and (when the time-indexed
    /// relaxation was solved) its reduced costs, for the proof.
    public struct Preparation {
        public var bound: Double?
        public var model: PackageModel
        public var fixing: ReducedCostFixing?
        /// The pair-level relaxation's bound after its branch and cut, for the log.
        public var pairLevelBound: Double?
    }

    /// A first bound from the LPs of the pair-level relaxation and (when it is small enough) the
    /// workshop-only time-indexed one, whose solution also guides the column selection.
    public func prepare(solver: some Solver, timeLimitSeconds: Double, start: [PackageChoice]) throws -> Preparation {
        let assignment = assignmentRelaxation()
        // Branch and cut on the small pair-level model: its bound sees which requests the caps leave
        // out. When the caps cannot serve every request, that choice is most of the gap: all the time.
        let plannable = candidates.filter { !$0.options.isEmpty || !$0.omittedPairs.isEmpty }.count
        let scarce = OmittedPairs.totalPackages(scenario, commitments) / 2 < plannable
        let pairLevel = try solver.solveRelaxation(assignment.model, timeLimitSeconds: timeLimitSeconds,
                                                   searchSeconds: timeLimitSeconds * (scarce ? 1 : options.pairLevelSearchShare))
        var bound = pairLevel?.bound
        var use: [Int: [TrainerPair: [Day: Double]]] = [:]
        var fixing: ReducedCostFixing?
        if workshopCandidates <= options.timeIndexedRelaxationUpTo {
            let relaxation = buildTimeIndexed(.workshops)
            if let lp = try solver.solveRelaxation(relaxation.model, timeLimitSeconds: timeLimitSeconds, searchSeconds: 0) {
                bound = max(bound ?? -.infinity, lp.bound)
                for column in relaxation.workshopColumns where lp.values[column.column.index] > 1e-6 {
                    use[column.request, default: [:]][column.pair, default: [:]][column.day] = lp.values[column.column.index]
                }
                if let duals = lp.rowDuals, let dual = DualBound(model: relaxation.model, rowDuals: duals) {
                    fixing = ReducedCostFixing(relaxation: relaxation, dualBound: dual)
                    bound = max(bound ?? -.infinity, dual.value)
                }
            }
        } else if let lp = pairLevel, let duals = lp.rowDuals, let dual = DualBound(model: assignment.model, rowDuals: duals) {
            fixing = ReducedCostFixing(assignment: assignment, dualBound: dual)
        }
        let selection = ColumnSelection.select(candidates, options: options, shape: shape, lpUse: use, start: start)
        return Preparation(bound: bound, model: buildModel(selection: selection), fixing: fixing, pairLevelBound: pairLevel?.bound)
    }

    /// Solves with `solver` under the scenario's limits (or the given ones) and assembles the plan.
    ///
    /// The bound is the package model's own when it carries every candidate date and pair;
    /// otherwise the LP value of `TimeIndexedModel`, a valid bound for every plan. `optimal` only
    /// when proven. `onProgress` gets each phase and the search's state on the plan's scale;
    /// once `cancellation` is cancelled, the remaining steps are skipped or cut short and the best
    /// plan found so far is returned (`feasible` unless already proven). `onModel` gets the package
    /// model as it is built (for `--write-model`).
    ///
    /// The time limit is the whole command's: it counts from `startedAt` (default: when the
    /// candidates began to be listed), and `finishSeconds` of it (default: `finishShare`) are kept
    /// for diagnosing the unscheduled requests and writing. `bestSoFar` gets every better plan and
    /// bound as they come, for a caller that cannot wait (`PlanRun`).
    public func plan(using solver: some Solver, timeLimitSeconds: Double? = nil, mipGap: Double? = nil,
                     injectStart: Bool = true, startedAt: ContinuousClock.Instant? = nil, finishSeconds: Double? = nil,
                     bestSoFar: BestPlanSoFar? = nil, progress: ((String) -> Void)? = nil,
                     solverLog: (@Sendable (String) -> Void)? = nil,
                     onProgress: (@Sendable (SolverProgress) -> Void)? = nil, cancellation: Cancellation? = nil,
                     onModel: ((Model) throws -> Void)? = nil) throws -> Plan {
        let clock = ContinuousClock()
        let started = clock.now
        let commandStarted = startedAt ?? listedFrom
        var relay = PlanProgress(report: onProgress, started: started)
        relay.phase(.startPlan)
        let limit = timeLimitSeconds ?? scenario.solver.timeLimitSeconds
        // The limit is the whole command's: reading and listing the candidates came before,
        // diagnosing the unscheduled requests and writing come after.
        let finish = finishSeconds ?? min(5, max(0.3, limit * options.finishShare))
        let budget = limit - elapsedSeconds(since: commandStarted, clock) - finish
        let left = { budget - elapsedSeconds(since: started, clock) }
        let assembler = PlanAssembler(planner: self)
        let start = greedy()
        let startObjective = assembler.objectiveTerms(start).total
        bestSoFar?.offer(start, objective: startObjective, planner: self)
        progress?("greedy start: \(start.count) of \(candidates.count) requests, objective \(cents(startObjective)) EUR")
        relay.fallback = startObjective
        relay.phase(.building)

        let prepared = try prepare(solver: solver, timeLimitSeconds: max(0.5, budget / 4), start: start)
        let preparedSeconds = elapsedSeconds(since: started, clock)
        var relaxationBound = prepared.bound
        bestSoFar?.raise(bound: relaxationBound)
        let packageModel = prepared.model
        progress?("relaxation bound: \(relaxationBound.map { "\(cents($0)) EUR" } ?? "not found in time") (pair level \(prepared.pairLevelBound.map { "\(cents($0)) EUR" } ?? "not found in time"))")
        let model = packageModel.model
        // `--write-model`: the model GLPK gets, from the relaxations solved once.
        try onModel?(model)
        progress?("model: \(model.variables.count) columns, \(model.constraints.count) rows, \(model.nonZeros) non-zeros\(packageModel.isExact ? "" : " (best dates and pairs only)")")
        relay.relaxationBound = relaxationBound
        relay.isExact = packageModel.isExact
        relay.size = ModelSize(model)
        relay.phase(.building)
        let buildSeconds = candidateSeconds + elapsedSeconds(since: started, clock)
        bestSoFar?.built(ModelSize(model), buildSeconds: buildSeconds)

        // Local search first: GLPK finds good plans in small sub-models far faster than in the
        // whole one. An exact model then gets the rest of the time to prove (or improve) the
        // plan; a pruned one cannot prove anything, so the reserve goes to the proof by
        // reduced-cost fixing or to raising the bound.
        let reserve = packageModel.isExact ? 0 : limit * options.boundSearchShare
        let searchShare = packageModel.isExact ? options.localSearchShare : 1
        let searchSeconds = options.searchesLocally ? max(0, left() - reserve) * searchShare : 0
        // Requests the greedy plan could not serve from their cheapest pairs may have other trainers with room.
        let unserved = Set(candidates.indices).subtracting(start.map(\.request))
        let widens = unserved.contains { candidates[$0].leastOmittedPairCost != nil }
        let searchPlanner = widens ? widening(unserved) : self
        var searchStart = start
        if widens {
            let widened = searchPlanner.greedy()
            let value = assembler.objectiveTerms(widened).total
            if value < startObjective {
                searchStart = widened
                bestSoFar?.offer(widened, objective: value, planner: self)
            }
        }
        // With a proof at hand, the search hands over once it stalls within the gap limit; when
        // the proof cannot be built yet, the search goes on (other neighbourhoods) and it is tried again.
        let handsOver = prepared.fixing?.isPairLevel == false && !packageModel.isExact
        let searchDeadline = clock.now.advanced(by: .milliseconds(Int64(searchSeconds * 1000)))
        relay.phase(.improving)
        let searchRelay = relay
        func localSearch(from plan: [PackageChoice], patience: Int?, seed: UInt64) throws -> NeighbourhoodSearch.Outcome {
            var search = NeighbourhoodSearch(planner: searchPlanner)
            search.seed = seed
            search.patience = patience
            let searched = try search.improve(plan, using: solver, until: searchDeadline, bound: relaxationBound,
                                              relativeGap: mipGap ?? scenario.solver.mipGap, cancellation: cancellation,
                                              log: solverLog, progress: progress, onImprovement: { choices, value in
                                                  bestSoFar?.offer(choices, objective: value, planner: self)
                                                  var update = searchRelay
                                                  update.fallback = value
                                                  update.phase(.improving)
                                              })
            progress?("local search: \(searched.rounds) rounds, \(searched.improvements) improvements, \(cents(searched.objective)) EUR")
            return searched
        }
        let searched = try localSearch(from: searchStart, patience: handsOver ? Neighbourhood.allCases.count : nil, seed: options.seed)
        var best = WholeSolve.Outcome(choices: searched.choices, objective: searched.objective, isOptimal: searched.provenOptimal, bound: nil)
        let gapLimit = mipGap ?? scenario.solver.mipGap
        // A bound above the plan would be a bug, never a proof: only a bound at or below the plan counts.
        let closeToBound = { (value: Double) in relaxationBound.map { abs(value - $0) <= Tolerance.cent } ?? false }
        let withinGap = { (value: Double) in
            relaxationBound.map { value - $0 >= -Tolerance.cent && value - $0 <= max(Tolerance.cent, gapLimit * max(abs(value), 1)) } ?? false
        }
        let whole = WholeSolve(solver: solver, assembler: assembler, log: solverLog, cancellation: cancellation)
        let remaining = { max(0.1, left()) }
        relay.fallback = best.objective
        if best.isOptimal || closeToBound(best.objective) || cancellation?.isCancelled == true {
            progress?("local search reached the bound")
        } else if left() < 0.5 {
            progress?("no time left to prove the plan")
        } else if packageModel.isExact {
            if withinGap(best.objective) {
                progress?("local search reached the bound within the gap limit")
            } else {
                progress?("solving with \(solver.name) (time limit \(Int(remaining().rounded())) s, gap \(gapLimit))")
                let values = packageModel.values(for: best.choices, pinnedPackages: commitments.pinnedPackages)
                best = try whole.solve(model, start: values, inject: injectStart, gap: gapLimit, seconds: remaining(), relay: &relay,
                                       read: packageModel.choices(from:), improving: best)
                bestSoFar?.offer(best.choices, objective: best.objective, planner: self)
                if let own = best.bound { relaxationBound = max(own, relaxationBound ?? -.infinity) }
                bestSoFar?.raise(bound: relaxationBound)
            }
        } else if let fixing = prepared.fixing {
            var proof = try self.proof(fixing, incumbent: best.objective, plan: best.choices, solver: solver, seconds: remaining() / 4)
            if proof.model == nil && handsOver && clock.now < searchDeadline && cancellation?.isCancelled != true {
                let more = try localSearch(from: best.choices, patience: nil, seed: options.seed &+ 1)
                if more.objective < best.objective - Tolerance.cent {
                    best = WholeSolve.Outcome(choices: more.choices, objective: more.objective, isOptimal: more.provenOptimal, bound: nil)
                    bestSoFar?.offer(best.choices, objective: best.objective, planner: self)
                    relay.fallback = best.objective
                }
                if !best.isOptimal && !closeToBound(best.objective) {
                    proof = try self.proof(fixing, incumbent: best.objective, plan: best.choices, solver: solver, seconds: remaining() / 4)
                }
            }
            let incumbent = best.objective
            if let bound = proof.bound { relaxationBound = max(bound, relaxationBound ?? -.infinity) }
            bestSoFar?.raise(bound: relaxationBound)
            if let model = proof.model, let read = proof.read, !closeToBound(best.objective), cancellation?.isCancelled != true {
                // Every plan cheaper than this one lies in the proof model: solving it whole decides optimality.
                progress?("proving with \(solver.name): \(model.variables.count) columns left by reduced-cost fixing (time limit \(Int(remaining().rounded())) s)")
                best = try whole.solve(model, start: proof.start, inject: true, gap: 0, seconds: remaining(), relay: &relay,
                                       read: read, improving: best)
                bestSoFar?.offer(best.choices, objective: best.objective, planner: self)
                // Plans outside the proof model cost more than the incumbent.
                if let own = best.bound { relaxationBound = max(min(own, incumbent), relaxationBound ?? -.infinity) }
                bestSoFar?.raise(bound: relaxationBound)
            }
        }
        // Not proven yet: spend the reserved time raising the relaxation's bound by branch and cut.
        // Only when there is time to build and solve it (it is larger than the first relaxations, which took `preparedSeconds`).
        if !packageModel.isExact, !best.isOptimal, let lp = relaxationBound, !withinGap(best.objective), cancellation?.isCancelled != true,
           left() >= max(1, 2 * preparedSeconds) {
            let search = remaining()
            progress?("raising the bound (up to \(Int(search.rounded())) s)")
            relay.fallback = best.objective
            relay.phase(.raisingBound)
            if let raised = try solver.solveRelaxation(boundingRelaxation(), timeLimitSeconds: search / 2, searchSeconds: search / 2,
                                                       cancellation: cancellation)?.bound {
                relaxationBound = max(lp, raised)
                bestSoFar?.raise(bound: relaxationBound)
            }
        }
        let (choices, objective, solvedOptimal) = (best.choices, best.objective, best.isOptimal)
        var bound: Double? = relaxationBound
        if let b = bound { bound = min(b, objective) }
        // Proven optimal: an exact model (or the search's all-free sub-model) solved to optimality, or a plan that meets a valid bound.
        let proven = solvedOptimal || closeToBound(objective)
        let report = SolverReport(name: solver.name, status: proven ? .optimal : .feasible, objective: nil, bound: bound, gap: nil,
                                  seconds: elapsedSeconds(since: commandStarted, clock), rows: model.constraints.count,
                                  columns: model.variables.count, nonzeros: model.nonZeros,
                                  buildSeconds: (buildSeconds * 1000).rounded() / 1000)
        return assembler.plan(choices: choices, solver: report)
    }

    private func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
