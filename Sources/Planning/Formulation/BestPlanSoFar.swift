import Foundation
import Optimization

/// The best plan a running `Planner.plan` has found so far, readable from another thread.
///
/// A command whose time limit is the whole command's cannot wait for every step to look at the
/// clock: GLPK's presolve and simplex watch no flag, and a step can overrun. `PlanRun` then
/// writes what is here instead: the greedy plan or a better one, with the best bound known,
/// `feasible` unless the bound proves it.
public final class BestPlanSoFar: @unchecked Sendable {
    private let lock = NSLock()
    private var planner: Planner?
    private var choices: [PackageChoice] = []
    private var objective = Double.infinity
    private var bound: Double?
    private var model: ModelSize?
    private var buildSeconds: Double?
    /// Bumped by every change of what is held, so that an assembled plan can be reused.
    private var version = 0
    /// One assembly at a time: after Ctrl-C the planner's thread and the command may both ask
    /// for the plan, and its diagnosis takes seconds at the largest sizes; the second one waits
    /// for the first and takes its plan instead of doing the work again on the other core.
    private let assembling = NSLock()
    private var assembled: (version: Int, explainUntil: ContinuousClock.Instant?, plan: Plan)?

    public init() {}

    /// Keeps `choices` (of `planner`'s requests) when cheaper than what is held.
    func offer(_ choices: [PackageChoice], objective: Double, planner: Planner) {
        lock.lock()
        defer { lock.unlock() }
        guard objective < self.objective else { return }
        version += 1
        self.planner = planner
        self.choices = choices
        self.objective = objective
    }

    /// Records a bound valid for every plan (the highest one counts).
    func raise(bound: Double?) {
        guard let bound else { return }
        lock.lock()
        defer { lock.unlock() }
        self.bound = max(bound, self.bound ?? -.infinity)
        version += 1
    }

    /// Records the package model's size and the build time, for the report.
    func built(_ size: ModelSize, buildSeconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        model = size
        self.buildSeconds = buildSeconds
        version += 1
    }

    /// True once a plan was offered.
    public var hasPlan: Bool {
        lock.lock()
        defer { lock.unlock() }
        return planner != nil
    }

    /// The plan of SPEC §6 for what is held, or nil when no plan was offered yet. `seconds` is the
    /// time the planning took (the plan's `solver.seconds`); `explainUntil` as in `PlanAssembler.plan`.
    public func plan(solverName: String, seconds: Double, explainUntil: ContinuousClock.Instant? = nil) -> Plan? {
        assembling.lock()
        defer { assembling.unlock() }
        lock.lock()
        let (planner, choices, objective, bound, model, buildSeconds, version) =
            (self.planner, self.choices, self.objective, self.bound, self.model, self.buildSeconds, self.version)
        lock.unlock()
        guard let planner else { return nil }
        // The same plan, looked into at least as long: reuse it (nil: without a deadline; a
        // deadline already past asks for no changes, which every assembled plan satisfies).
        if let assembled, assembled.version == version,
           assembled.explainUntil == nil || explainUntil.map({ $0 <= max(assembled.explainUntil!, .now) }) == true {
            var plan = assembled.plan
            plan.solver.seconds = (seconds * 1000).rounded() / 1000
            return plan
        }
        let proven = bound.map { abs(objective - $0) <= Tolerance.cent } ?? false
        let report = SolverReport(name: solverName, status: proven ? .optimal : .feasible, objective: nil,
                                  bound: bound.map { min($0, objective) }, gap: nil, seconds: seconds, rows: model?.rows,
                                  columns: model?.columns, nonzeros: model?.nonZeros,
                                  buildSeconds: buildSeconds.map { ($0 * 1000).rounded() / 1000 })
        let plan = PlanAssembler(planner: planner).plan(choices: choices, solver: report, explainUntil: explainUntil)
        assembled = (version, explainUntil, plan)
        return plan
    }
}
