import Optimization

/// Turns a scenario into a plan: candidates, a greedy start, the relaxation that bounds every
/// plan, the package model, the solver, the plan.
public struct Planner {
    public let scenario: Scenario
    public let calendar: WorkingCalendar
    public let commitments: TrainerCommitments
    public let candidates: [RequestCandidates]
    public let options: FormulationOptions
    /// The date shape the package model uses (see `FormulationOptions`), chosen once.
    public let shape: DateShape
    /// The plan this one replaces, when given: moving its packages costs `move_eur` per event.
    public let previous: PreviousPlacements?
    /// Seconds spent listing the candidates (reported in `build_seconds`).
    public let candidateSeconds: Double

    /// Requests already served by a confirmed booking of the same municipality are not planned again.
    public init(scenario: Scenario, options: FormulationOptions = FormulationOptions(), previous: Plan? = nil) {
        let clock = ContinuousClock(), started = clock.now
        self.scenario = scenario
        self.previous = previous.map {
            PreviousPlacements(previous: $0, requests: scenario.requests, booked: Set(scenario.bookings.map(\.municipality)))
        }
        self.options = options
        calendar = WorkingCalendar(scenario: scenario)
        commitments = TrainerCommitments(scenario: scenario)
        let booked = Set(scenario.bookings.map(\.municipality))
        let builder = CandidateBuilder(scenario: scenario, calendar: calendar, commitments: commitments)
        candidates = scenario.requests.map { request in
            booked.contains(request.id)
                ? RequestCandidates(request: request, options: [], obstacles: [])
                : builder.candidates(for: request)
        }
        shape = ColumnSelection.shape(for: candidates, options: options)
        let took = clock.now - started
        candidateSeconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
    }

    public func buildModel(selection: ColumnSelection? = nil) -> PackageModel {
        PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, shape: shape, selection: selection,
                     previous: previous)
    }

    public func buildRelaxation(includeMeetings: Bool = true) -> RelaxationModel {
        RelaxationModel(scenario: scenario, candidates: candidates, commitments: commitments, includeMeetings: includeMeetings,
                        previous: previous)
    }

    public func greedy(order: GreedyPlanner.Order = .mostConstrainedFirst) -> [PackageChoice] {
        GreedyPlanner(scenario: scenario, candidates: candidates, commitments: commitments, shape: shape).plan(order: order)
    }

    /// The relaxation's bound and, from its LP solution, the columns the package model keeps.
    /// The relaxation that bounds every plan: with meeting days when it is small enough.
    public func boundingRelaxation() -> RelaxationModel {
        let meetingColumns = candidates.reduce(0) { $0 + $1.options.reduce(0) { $0 + $1.workshops.count + $1.preparationDays.count + $1.followupDays.count } }
        return buildRelaxation(includeMeetings: meetingColumns <= options.relaxationWithMeetingsUpTo)
    }

    /// The workshop-only relaxation's LP (fast) gives a first bound and guides the column selection.
    public func prepare(solver: some Solver, timeLimitSeconds: Double, start: [PackageChoice]) throws
        -> (bound: Double?, model: PackageModel) {
        let relaxation = buildRelaxation(includeMeetings: false)
        let lp = try solver.solveRelaxation(relaxation.model, timeLimitSeconds: timeLimitSeconds, searchSeconds: 0)
        var use: [Int: [TrainerPair: [Day: Double]]] = [:]
        if let lp {
            for column in relaxation.workshopColumns where lp.values[column.column.index] > 1e-6 {
                use[column.request, default: [:]][column.pair, default: [:]][column.day] = lp.values[column.column.index]
            }
        }
        let selection = ColumnSelection.select(candidates, options: options, shape: shape, lpUse: use, start: start)
        return (lp?.bound, buildModel(selection: selection))
    }

    /// Solves with `solver` under the scenario's limits (or the given ones) and assembles the plan.
    ///
    /// The bound is the package model's own when it carries every candidate date and pair;
    /// otherwise the LP value of `RelaxationModel`, a valid bound for every plan. `optimal` only
    /// when proven.
    public func plan(using solver: some Solver, timeLimitSeconds: Double? = nil, mipGap: Double? = nil,
                     injectStart: Bool = true, progress: ((String) -> Void)? = nil,
                     solverLog: (@Sendable (String) -> Void)? = nil) throws -> Plan {
        let clock = ContinuousClock()
        let started = clock.now
        let limit = timeLimitSeconds ?? scenario.solver.timeLimitSeconds
        let assembler = PlanAssembler(planner: self)
        let start = greedy()
        let startObjective = assembler.objectiveTerms(start).total
        progress?("greedy start: \(start.count) of \(candidates.count) requests, objective \(cents(startObjective)) EUR")

        var (relaxationBound, packageModel) = try prepare(solver: solver, timeLimitSeconds: max(1, limit / 4), start: start)
        progress?("relaxation bound: \(relaxationBound.map { "\(cents($0)) EUR" } ?? "not found in time")")
        let model = packageModel.model
        progress?("model: \(model.variables.count) columns, \(model.constraints.count) rows, \(model.nonZeros) non-zeros\(packageModel.isExact ? "" : " (best dates and pairs only)")")
        let boundSearch = packageModel.isExact ? 0 : limit * options.boundSearchShare
        let remaining = max(1, limit - elapsedSeconds(since: started, clock) - boundSearch)
        progress?("solving with \(solver.name) (time limit \(Int(remaining.rounded())) s, gap \(mipGap ?? scenario.solver.mipGap))")
        let startValues = injectStart ? packageModel.values(for: start, pinnedPackages: commitments.pinnedPackages) : nil
        let parameters = SolveParameters(timeLimitSeconds: remaining, relativeGap: mipGap ?? scenario.solver.mipGap,
                                         start: startValues, log: solverLog)
        let buildSeconds = candidateSeconds + elapsedSeconds(since: started, clock)
        let result = try solver.solve(model, parameters: parameters)

        var choices = start
        var solvedOptimal = false
        if result.status == .optimal || result.status == .feasible, let values = result.values {
            let solved = packageModel.choices(from: values)
            // Keep the solver's plan unless the greedy start is strictly better (when it was not injected).
            if assembler.objectiveTerms(solved).total <= startObjective + 1e-6 {
                choices = solved
                solvedOptimal = result.status == .optimal
            }
        }
        let objective = assembler.objectiveTerms(choices).total
        // Not proven yet: spend the reserved time raising the relaxation's bound by branch and cut.
        if !packageModel.isExact, let lp = relaxationBound, objective - lp > 0.005 {
            let search = max(1, limit - elapsedSeconds(since: started, clock))
            progress?("raising the bound (up to \(Int(search.rounded())) s)")
            if let raised = try solver.solveRelaxation(boundingRelaxation().model, timeLimitSeconds: search / 2, searchSeconds: search / 2)?.bound {
                relaxationBound = max(lp, raised)
            }
        }
        var bound: Double? = relaxationBound
        if packageModel.isExact, let own = result.bound { bound = max(own, relaxationBound ?? -.infinity) }
        if let b = bound { bound = min(b, objective) }
        // Proven optimal: the package model's optimum, and either the model is exact or the bound meets it.
        let proven = solvedOptimal && (packageModel.isExact || (relaxationBound.map { objective - $0 <= 0.005 } ?? false))
        let report = SolverReport(name: solver.name, status: proven ? .optimal : .feasible, objective: nil, bound: bound, gap: nil,
                                  seconds: elapsedSeconds(since: started, clock), rows: model.constraints.count,
                                  columns: model.variables.count, nonzeros: model.nonZeros,
                                  buildSeconds: (buildSeconds * 1000).rounded() / 1000)
        return assembler.plan(choices: choices, solver: report)
    }

    private func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
