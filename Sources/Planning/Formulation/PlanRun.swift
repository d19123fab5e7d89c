import Foundation
import Optimization

/// Runs planning work on a thread of its own and waits for it no longer than the command may:
/// until `deadline`, or until `grace` after `interrupt` was cancelled. Whatever the work is
/// doing then (a long GLPK presolve or simplex, which watch no flag), the caller goes on with the
/// best plan so far (`BestPlanSoFar`); the work is told to stop (`stop`, which it should watch,
/// is cancelled with `interrupt` and on overrunning) and left to the process's end.
public enum PlanRun {
    /// What the wait gave: the work's own plan, or nil when it overran (the caller then takes the
    /// best plan so far).
    public static func run(deadline: ContinuousClock.Instant, interrupt: Cancellation?, stop: Cancellation,
                           grace: Duration = Self.grace, work: @escaping @Sendable () throws -> Plan) throws -> Plan? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(Result { try work() })
            done.signal()
        }
        thread.stackSize = 16 << 20   // GLPK's branch and cut recurses deeply on large models
        thread.start()
        var cancelledAt: ContinuousClock.Instant?
        while true {
            if done.wait(timeout: .now() + .milliseconds(50)) == .success { return try box.get() }
            let now = ContinuousClock.now
            if cancelledAt == nil, interrupt?.isCancelled == true {
                cancelledAt = now
                stop.cancel()
            }
            if now >= deadline || cancelledAt.map({ now - $0 >= grace }) == true {
                stop.cancel()
                return nil
            }
        }
    }

    /// How long a Ctrl-C waits for the planner to stop by itself: short, since the best plan so
    /// far is at hand, and the plan, diagnosis and writing must follow within 2 s.
    public static let grace = Duration.milliseconds(300)

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Plan, Error>?
        func set(_ value: Result<Plan, Error>) { lock.lock(); result = value; lock.unlock() }
        func get() throws -> Plan? {
            lock.lock()
            defer { lock.unlock() }
            return try result?.get()
        }
    }
}
