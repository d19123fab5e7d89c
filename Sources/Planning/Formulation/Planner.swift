import Optimization

/// Turns a scenario into a plan: candidates, model, a greedy start, the solver, the plan.
public struct Planner {
    public let scenario: Scenario
    public let calendar: WorkingCalendar
    public let commitments: TrainerCommitments
    public let candidates: [RequestCandidates]

    /// Requests already served by a confirmed booking of the same municipality are not planned again.
    public init(scenario: Scenario) {
        self.scenario = scenario
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

    public func buildModel() -> PlanningModel {
        PlanningModel(scenario: scenario, candidates: candidates, commitments: commitments)
    }

    public func greedy(order: GreedyPlanner.Order = .mostConstrainedFirst) -> [PackageChoice] {
        GreedyPlanner(scenario: scenario, candidates: candidates, commitments: commitments).plan(order: order)
    }

    /// Solves with `solver` under the scenario's limits (or the given ones) and assembles the plan.
    public func plan(using solver: some Solver, timeLimitSeconds: Double? = nil, mipGap: Double? = nil,
                     injectStart: Bool = true, log: (@Sendable (String) -> Void)? = nil) throws -> Plan {
        let planningModel = buildModel()
        let start = greedy()
        let startValues = planningModel.values(for: start)
        let parameters = SolveParameters(timeLimitSeconds: timeLimitSeconds ?? scenario.solver.timeLimitSeconds,
                                         relativeGap: mipGap ?? scenario.solver.mipGap,
                                         start: injectStart ? startValues : nil, log: log)
        let result = try solver.solve(planningModel.model, parameters: parameters)

        let assembler = PlanAssembler(planner: self)
        var choices = start
        var status: PlanStatus = .feasible
        switch result.status {
        case .optimal, .feasible:
            let solved = planningModel.choices(from: result.values!)
            // Keep the solver's plan unless the greedy start is strictly better (the solver did not see it).
            if assembler.objectiveTerms(solved).total <= assembler.objectiveTerms(start).total + 1e-6 {
                choices = solved
                status = result.status == .optimal ? .optimal : .feasible
            }
        case .infeasible:
            status = .infeasible
            choices = []
        case .none:
            status = start.isEmpty && !candidates.allSatisfy({ $0.options.isEmpty }) ? .noPlan : .feasible
        }
        let report = SolverReport(name: solver.name, status: status, objective: nil, bound: result.bound, gap: nil,
                                  seconds: result.seconds, rows: planningModel.model.constraints.count,
                                  columns: planningModel.model.variables.count)
        return assembler.plan(choices: choices, solver: report)
    }
}
