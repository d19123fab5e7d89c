import Optimization

/// Turns a scenario into a plan: candidates, the package model, a greedy start, the solver,
/// an honest bound, the plan.
public struct Planner {
    public let scenario: Scenario
    public let calendar: WorkingCalendar
    public let commitments: TrainerCommitments
    public let candidates: [RequestCandidates]
    public var options: FormulationOptions

    /// Requests already served by a confirmed booking of the same municipality are not planned again.
    public init(scenario: Scenario, options: FormulationOptions = FormulationOptions()) {
        self.scenario = scenario
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
    }

    public func buildModel() -> PackageModel {
        PackageModel(scenario: scenario, candidates: candidates, commitments: commitments, options: options)
    }

    public func buildRelaxation(includeMeetings: Bool = true) -> RelaxationModel {
        RelaxationModel(scenario: scenario, candidates: candidates, commitments: commitments, includeMeetings: includeMeetings)
    }

    public func greedy(order: GreedyPlanner.Order = .mostConstrainedFirst) -> [PackageChoice] {
        GreedyPlanner(scenario: scenario, candidates: candidates, commitments: commitments, options: options).plan(order: order)
    }

    /// Solves with `solver` under the scenario's limits (or the given ones) and assembles the plan.
    ///
    /// The bound is the package model's own when it carries every candidate date; otherwise the
    /// LP value of `RelaxationModel`, a valid bound for every plan. `optimal` only when proven.
    public func plan(using solver: some Solver, timeLimitSeconds: Double? = nil, mipGap: Double? = nil,
                     injectStart: Bool = true, log: (@Sendable (String) -> Void)? = nil) throws -> Plan {
        let clock = ContinuousClock()
        let started = clock.now
        let limit = timeLimitSeconds ?? scenario.solver.timeLimitSeconds
        let packageModel = buildModel()
        let assembler = PlanAssembler(planner: self)
        let start = greedy()
        let startObjective = assembler.objectiveTerms(start).total
        log?("greedy start: \(start.count) packages, objective \(cents(startObjective))")

        var relaxationBound: Double?
        if !packageModel.isExact {
            relaxationBound = try solver.relaxationValue(buildRelaxation(includeMeetings: options.relaxationWithMeetings).model, timeLimitSeconds: max(1, limit / 4))
            log?("bound from the relaxation with every date: \(relaxationBound.map { "\(cents($0))" } ?? "not found in time")")
        }
        let remaining = max(1, limit - elapsedSeconds(since: started, clock))
        let startValues = injectStart ? packageModel.values(for: start, pinnedPackages: commitments.pinnedPackages) : nil
        let parameters = SolveParameters(timeLimitSeconds: remaining, relativeGap: mipGap ?? scenario.solver.mipGap,
                                         start: startValues, log: log)
        let result = try solver.solve(packageModel.model, parameters: parameters)

        var choices = start
        var solvedOptimal = false
        switch result.status {
        case .optimal, .feasible:
            let solved = packageModel.choices(from: result.values!)
            // Keep the solver's plan unless the greedy start is strictly better (when it was not injected).
            if assembler.objectiveTerms(solved).total <= startObjective + 1e-6 {
                choices = solved
                solvedOptimal = result.status == .optimal
            }
        case .infeasible, .none:
            break
        }
        let objective = assembler.objectiveTerms(choices).total
        var bound: Double? = packageModel.isExact ? result.bound : relaxationBound
        if let b = bound { bound = min(b, objective) }
        // Proven optimal: the package model's optimum, and either the model is exact or the relaxation meets it.
        let proven = solvedOptimal && (packageModel.isExact || (relaxationBound.map { objective - $0 <= 0.005 } ?? false))
        let report = SolverReport(name: solver.name, status: proven ? .optimal : .feasible, objective: nil, bound: bound, gap: nil,
                                  seconds: elapsedSeconds(since: started, clock), rows: packageModel.model.constraints.count,
                                  columns: packageModel.model.variables.count)
        return assembler.plan(choices: choices, solver: report)
    }

    private func elapsedSeconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
