import Foundation

/// A request to stop, shared between the thread that asks (a signal handler on its own queue) and
/// the thread that solves, which checks it between steps and in the solver's search callback.
///
/// A lock rather than `Synchronization.Atomic`, which needs macOS 15 while the package supports 13.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// True once `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Asks every solve that holds this token to stop as soon as it can, keeping its best solution.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
