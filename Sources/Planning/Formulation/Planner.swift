import Optimization

/// Turns a scenario into a plan: candidates, a greedy start, the relaxation that bounds every
/// plan, the package model, the solver, the plan.
public struct Planner: Sendable {
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
    /// At most `widenedRequestsUpTo` requests are widened, those of highest priority first: the
    /// search frees only a few requests a round, and listing every pair of a large scenario's
    /// thousand left-out requests would take its whole time limit.
    public func widening(_ requests: some Sequence<Int>) -> Planner {
        var copy = self
        let builder = CandidateBuilder(scenario: scenario, calendar: calendar, commitments: commitments,
                                       workshopBudget: workshopBudget.budget, spreadOverAllPairs: true,
                                       budgetsEveryTrainer: workshopBudget.cut)
        let all = scenario.requests
        let listed = Array(requests.filter { candidates[$0].leastOmittedPairCost != nil }
            .sorted { (-all[$0].priority, $0) < (-all[$1].priority, $1) }
            .prefix(options.widenedRequestsUpTo))
        for (m, spread) in zip(listed, listed.parallelMap { builder.candidates(for: all[$0]) }) {
            copy.candidates[m] = spread
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
    ///
    /// Throws `CancellationError` between its steps once `cancellation` is cancelled: at the
    /// largest sizes each step takes seconds, and a planner that kept building after Ctrl-C took
    /// one of the two cores from the writing of the plan.
    public func prepare(solver: some Solver, timeLimitSeconds: Double, start: [PackageChoice],
                        cancellation: Cancellation? = nil) throws -> Preparation {
        func stopWhenCancelled() throws { if cancellation?.isCancelled == true { throw CancellationError() } }
        try stopWhenCancelled()
        let assignment = assignmentRelaxation()
        try stopWhenCancelled()
        // Branch and cut on the small pair-level model: its bound sees which requests the caps leave
        // out. When the caps cannot serve every request, that choice is most of the gap: all the time.
        let plannable = candidates.filter { !$0.options.isEmpty || !$0.omittedPairs.isEmpty }.count
        let scarce = OmittedPairs.totalPackages(scenario, commitments) / 2 < plannable
        let pairLevel = try solver.solveRelaxation(assignment.model, timeLimitSeconds: timeLimitSeconds,
                                                   searchSeconds: timeLimitSeconds * (scarce ? 1 : options.pairLevelSearchShare),
                                                   cancellation: cancellation)
        try stopWhenCancelled()
        var bound = pairLevel?.bound
        var use: [Int: [TrainerPair: [Day: Double]]] = [:]
        var fixing: ReducedCostFixing?
        if workshopCandidates <= options.timeIndexedRelaxationUpTo {
            let relaxation = buildTimeIndexed(.workshops)
            try stopWhenCancelled()
            if let lp = try solver.solveRelaxation(relaxation.model, timeLimitSeconds: timeLimitSeconds, searchSeconds: 0,
                                                   cancellation: cancellation) {
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
        try stopWhenCancelled()
        let selection = ColumnSelection.select(candidates, options: options, shape: shape, lpUse: use, start: start)
        try stopWhenCancelled()
        return Preparation(bound: bound, model: buildModel(selection: selection), fixing: fixing, pairLevelBound: pairLevel?.bound)
    }

    /// Solves with `solver` under the scenario's limits (or the given ones) and assembles the plan.
    ///
    /// The bound is the package model's own when it carries every candidate date and pair;
    /// otherwise the LP value of `TimeIndexedModel`, a valid bound for every plan. `optimal` only
    /// when proven. `events` gets the notes of each step, each phase and the search's state on
    /// the plan's scale, and the solver's log lines when `solverLog` is true;
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
                     bestSoFar: BestPlanSoFar? = nil, events: (@Sendable (PlanEvent) -> Void)? = nil, solverLog: Bool = false,
                     cancellation: Cancellation? = nil, onModel: ((Model) throws -> Void)? = nil) throws -> Plan {
        let note = events.map { send in { @Sendable (text: String) in send(.note(text)) } }
        let log = solverLog ? events.map { send in { @Sendable (line: String) in send(.solverLog(line)) } } : nil
        let progress = events.map { send in { @Sendable (state: SolverProgress) in send(.progress(state)) } }
        var run = PlanningRun(planner: self, solver: solver, timeLimitSeconds: timeLimitSeconds, mipGap: mipGap, injectStart: injectStart,
                              startedAt: startedAt, finishSeconds: finishSeconds, bestSoFar: bestSoFar, note: note,
                              solverLog: log, onProgress: progress, cancellation: cancellation, onModel: onModel)
        run.greedyStart()
        do {
            try run.firstBound()
        } catch is CancellationError where cancellation?.isCancelled == true {
            return run.plan()   // Ctrl-C while building: the greedy start, at once
        }
        try run.localSearch()
        try run.prove()
        try run.raiseBound()
        try run.searchOnceMore()
        return run.plan()
    }

    private func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
