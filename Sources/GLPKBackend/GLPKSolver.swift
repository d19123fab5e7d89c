import CGLPK
import Foundation
import Optimization

/// Solves `Model`s with GLPK's branch-and-cut (`glp_intopt`).
///
/// Reports honestly: `optimal` only when GLPK proved it, the best bound seen in the search tree,
/// and a start solution (when given) injected as the first incumbent.
public struct GLPKSolver: Solver {
    public let name = "glpk"
    public var options: GLPKOptions

    public init(options: GLPKOptions = GLPKOptions()) { self.options = options }

    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try checkSolveParameters(timeLimitSeconds: parameters.timeLimitSeconds, relativeGap: parameters.relativeGap)
        let clock = ContinuousClock()
        let started = clock.now
        let problem = try GLPKProblem(model: model)   // checks the model before the start is evaluated on it
        let start = try checkedStart(parameters.start, for: model, log: parameters.log)
        let context = SearchContext(log: parameters.log, start: start, columnCount: model.variables.count)
        context.progress = parameters.progress
        context.cancellation = parameters.cancellation
        context.started = started
        context.size = ModelSize(model)
        context.deadline = started.advanced(by: .milliseconds(Int64(min(parameters.timeLimitSeconds, 1e9) * 1000)))
        let contextPointer = Unmanaged.passRetained(context).toOpaque()
        defer { Unmanaged<SearchContext>.fromOpaque(contextPointer).release() }

        // GLPK's terminal output goes to the log (or nowhere), never to stdout.
        let output = GLPKOutput(hook: glpkTermHook, info: contextPointer)

        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        var options = self.options
        options.proximitySearchSeconds = min(options.proximitySearchSeconds, max(1, parameters.timeLimitSeconds / 3))
        options.apply(to: &iocp)
        iocp.msg_lev = GLP_MSG_ON
        iocp.tm_lim = Int32(min(max(parameters.timeLimitSeconds, 0.001) * 1000, Double(Int32.max)))
        iocp.mip_gap = parameters.relativeGap
        iocp.cb_func = glpkSearchCallback
        iocp.cb_info = contextPointer

        // GLPK's LP (its own or the one below) cannot be interrupted: check before and after it.
        if let result = interruptedResult(parameters.cancellation, started, clock) { return result }
        if start != nil {
            // A start can only be injected into the unpresolved problem: solve its LP first.
            iocp.presolve = GLP_OFF
            var smcp = glp_smcp()
            glp_init_smcp(&smcp)
            smcp.msg_lev = GLP_MSG_ERR
            smcp.tm_lim = iocp.tm_lim
            let lp = try GLPKGuard.simplex(problem, smcp, output: output)
            if let result = interruptedResult(parameters.cancellation, started, clock) { return result }
            if lp != 0 || glp_get_status(problem.pointer) != GLP_OPT {
                let status = glp_get_status(problem.pointer)
                let infeasible = status == GLP_NOFEAS || status == GLP_INFEAS && lp == 0
                return SolveResult(termination: lp == 0 ? .completed : .failed, status: infeasible ? .infeasible : .none,
                                   values: nil, objective: nil, bound: nil, seconds: seconds(since: started, clock),
                                   message: "LP relaxation: \(GLPKCodes.describe(returnCode: lp))")
            }
            context.rootBound = glp_get_obj_val(problem.pointer)
        }
        context.report(.solving, force: true)

        let code = try GLPKGuard.intopt(problem, iocp, output: output)
        let elapsed = seconds(since: started, clock)
        let mipStatus = glp_mip_status(problem.pointer)

        let byCode: TerminationReason = switch code {
        case 0: .completed
        case GLP_ETMLIM: .timeLimit
        case GLP_EMIPGAP: .gapLimit
        case GLP_ENOPFS, GLP_ENODFS: .completed
        case GLP_ESTOP: .timeLimit
        default: .failed
        }
        let termination = context.interrupted ? TerminationReason.interrupted : byCode
        let status: SolutionStatus
        switch mipStatus {
        case GLP_OPT: status = code == 0 ? .optimal : .feasible
        case GLP_FEAS: status = .feasible
        case GLP_NOFEAS: status = .infeasible
        default: status = code == GLP_ENOPFS ? .infeasible : .none
        }

        var values: [Double]?
        var objective: Double?
        if status == .optimal || status == .feasible {
            values = (0..<model.variables.count).map { glp_mip_col_val(problem.pointer, Int32($0 + 1)) }
            objective = glp_mip_obj_val(problem.pointer)
        }
        var bound = context.bestBound ?? context.rootBound
        if status == .optimal { bound = objective }
        if let b = bound, let o = objective, b > o { bound = o }   // the tree's bound never exceeds a proven incumbent
        context.incumbent = objective
        context.bestBound = bound
        context.report(.solving, force: true)
        return SolveResult(termination: termination, status: status, values: values, objective: objective, bound: bound,
                           seconds: elapsed, message: GLPKCodes.describe(returnCode: code))
    }

    public func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double) throws -> RelaxationResult? {
        try solveRelaxation(model, timeLimitSeconds: timeLimitSeconds, searchSeconds: searchSeconds, cancellation: nil)
    }

    public func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double,
                                cancellation: Cancellation?) throws -> RelaxationResult? {
        try checkSolveParameters(timeLimitSeconds: timeLimitSeconds, searchSeconds: searchSeconds)
        // Building the problem and the simplex watch no flag: do not start them once cancelled.
        guard cancellation?.isCancelled != true else { return nil }
        let problem = try GLPKProblem(model: model)
        guard cancellation?.isCancelled != true else { return nil }
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_OFF
        smcp.presolve = GLP_ON
        smcp.tm_lim = Int32(min(max(timeLimitSeconds, 0.001) * 1000, Double(Int32.max)))
        guard try GLPKGuard.simplex(problem, smcp, output: .silent) == 0, glp_get_status(problem.pointer) == GLP_OPT else { return nil }
        let values = (0..<model.variables.count).map { glp_get_col_prim(problem.pointer, Int32($0 + 1)) }
        let objective = glp_get_obj_val(problem.pointer)
        let rowDuals = (0..<model.constraints.count).map { glp_get_row_dual(problem.pointer, Int32($0 + 1)) }
        var bound = objective
        if searchSeconds > 0 && glp_get_num_int(problem.pointer) > 0 && cancellation?.isCancelled != true {
            // Cuts and branching without heuristics: only the bound is wanted.
            let context = SearchContext(log: nil, start: nil, columnCount: model.variables.count)
            context.deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(min(searchSeconds, 1e9) * 1000)))
            context.cancellation = cancellation
            let contextPointer = Unmanaged.passRetained(context).toOpaque()
            defer { Unmanaged<SearchContext>.fromOpaque(contextPointer).release() }
            var iocp = glp_iocp()
            glp_init_iocp(&iocp)
            var boundOptions = options
            boundOptions.presolve = false
            boundOptions.feasibilityPump = false
            boundOptions.proximitySearch = false
            boundOptions.apply(to: &iocp)
            iocp.msg_lev = GLP_MSG_OFF
            iocp.sr_heur = GLP_OFF
            iocp.tm_lim = Int32(min(searchSeconds * 1000, Double(Int32.max)))
            iocp.cb_func = glpkSearchCallback
            iocp.cb_info = contextPointer
            let code = try GLPKGuard.intopt(problem, iocp, output: .silent)
            if code == 0 && glp_mip_status(problem.pointer) == GLP_OPT {
                bound = max(bound, glp_mip_obj_val(problem.pointer))
            } else if let tree = context.bestBound {
                bound = max(bound, tree)
            }
        }
        return RelaxationResult(objective: objective, values: values, bound: bound, rowDuals: rowDuals)
    }

    /// Writes `model` as free MPS, exactly as GLPK receives it; false when the file cannot be written.
    public func writeMPS(_ model: Model, to path: String) throws -> Bool {
        try GLPKProblem(model: model).writeMPS(to: path)
    }

    /// The result of a solve stopped by `cancellation` before GLPK's search began, or nil to go on.
    private func interruptedResult(_ cancellation: Cancellation?, _ started: ContinuousClock.Instant, _ clock: ContinuousClock,
                                   bound: Double? = nil) -> SolveResult? {
        guard cancellation?.isCancelled == true else { return nil }
        return SolveResult(termination: .interrupted, status: .none, values: nil, objective: nil, bound: bound,
                           seconds: seconds(since: started, clock), message: "interrupted before the search")
    }

    private func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// State shared with GLPK's C callbacks through their `info` pointer.
final class SearchContext {
    let log: (@Sendable (String) -> Void)?
    let start: [Double]?
    let columnCount: Int
    var startInjected = false
    var rootBound: Double?
    var bestBound: Double?
    /// GLPK checks `tm_lim` only between some of its steps; the callback enforces it as well.
    var deadline: ContinuousClock.Instant?
    var cancellation: Cancellation?
    /// True once the callback stopped GLPK because of `cancellation`.
    var interrupted = false
    var progress: (@Sendable (SolverProgress) -> Void)?
    var started = ContinuousClock.now
    var size: ModelSize?
    var incumbent: Double?
    private var lastReport: ContinuousClock.Instant?

    /// Hands the search's state to `progress`: always when forced, else at most ten times a second.
    func report(_ phase: SolverProgress.Phase, force: Bool = false) {
        guard let progress else { return }
        let now = ContinuousClock.now
        if !force, let lastReport, now - lastReport < .milliseconds(100) { return }
        lastReport = now
        let elapsed = now - started
        progress(SolverProgress(phase: phase, incumbent: incumbent, bound: bestBound ?? rootBound,
                                elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                                size: size))
    }

    init(log: (@Sendable (String) -> Void)?, start: [Double]?, columnCount: Int) {
        self.log = log
        self.start = start
        self.columnCount = columnCount
    }
}

/// `glp_term_hook`: swallow GLPK's output, handing each line to the log when there is one.
private func glpkTermHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    guard let info, let text else { return 1 }
    let context = Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue()
    if let log = context.log {
        let line = String(cString: text).trimmingCharacters(in: .newlines)
        if !line.isEmpty { log(line) }
    }
    return 1
}

/// `cb_func` of `glp_iocp`: records the global bound and injects the start solution once.
///
/// It runs inside the guarded `glp_intopt`, where a fatal GLPK error cannot be recovered from (the
/// guard never unwinds Swift frames). So it makes only calls that cannot fail: `glp_ios_reason`,
/// `glp_ios_terminate`, `glp_ios_best_node`, `glp_ios_get_prob`, `glp_get_num_cols`,
/// `glp_ios_mip_gap` and `glp_ios_tree_size` raise no errors; `glp_ios_node_bound` only for a
/// node number that `glp_ios_best_node` did not return; `glp_ios_heur_sol` reads exactly as many
/// values as the tree's problem has columns (checked here) and asserts nothing else we control.
private func glpkSearchCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let context = Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    if let deadline = context.deadline, ContinuousClock.now > deadline {
        glp_ios_terminate(tree)
        return
    }
    if context.cancellation?.isCancelled == true {
        context.interrupted = true
        glp_ios_terminate(tree)
        return
    }
    let best = glp_ios_best_node(tree)
    if best != 0 {
        let bound = glp_ios_node_bound(tree, best)
        if bound.isFinite { context.bestBound = bound }
    }
    var injected = false
    if reason == GLP_IHEUR, !context.startInjected, let start = context.start, start.count == context.columnCount,
       start.count == Int(glp_get_num_cols(glp_ios_get_prob(tree))) {
        context.startInjected = true
        var x = [0.0] + start   // 1-based
        injected = glp_ios_heur_sol(tree, &x) == 0
        context.log?("start solution \(injected ? "accepted" : "rejected") by GLPK")
    }
    // The incumbent lives in the tree's problem (the presolved one, whose objective keeps the constant).
    if let problem = glp_ios_get_prob(tree), glp_mip_status(problem) == GLP_FEAS {
        context.incumbent = glp_mip_obj_val(problem)
    }
    context.report(.solving, force: reason == GLP_IBINGO || injected)
}
