import Dispatch
import Foundation
import Optimization
import PlanningIO

/// Ctrl-C while `wsplan solve` runs, answered at once in every step:
/// - while reading (no plan can be kept yet): quit, writing nothing (exit 130);
/// - while planning: ask the planner to stop and keep its best plan (`cancellation`); the command
///   stops waiting for it 0.3 s later whatever step it is in (`PlanRun`);
/// - while writing: say so; the plan is still written.
/// A second Ctrl-C always quits at once with status 130, writing nothing: the outputs are staged
/// beside the folder and swapped in whole, so a quit leaves the old plan in place.
///
/// The solve runs synchronously on the main thread, so SIGINT is ignored as a signal and handled
/// by a dispatch source on a queue of its own.
final class InterruptHandler: @unchecked Sendable {
    enum Stage: String {
        case reading, planning, writing

        /// The stage's machine name (`--progress json`).
        var name: String { rawValue }
    }

    let cancellation = Cancellation()
    private let lock = NSLock()
    private var current = Stage.reading
    private let source: DispatchSourceSignal

    /// `onFirst` runs on the handler's queue after the first Ctrl-C, with the stage it came in;
    /// `onSecond` just before exiting.
    init(onFirst: @escaping @Sendable (Stage) -> Void, onSecond: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "wsplan.interrupt"))
        source.setEventHandler { [unowned self] in
            // Signals that arrive together are delivered once, with their count.
            let presses = Int(self.source.data)
            let stage = self.stage
            if self.cancellation.isCancelled || presses >= 2 {
                onSecond()
                _exit(130)
            }
            self.cancellation.cancel()
            onFirst(stage)
            if stage == .reading {
                FileLock.releaseAll()
                _exit(130)
            }
        }
        source.resume()
    }

    /// The step the command is in.
    var stage: Stage {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }

    var wasInterrupted: Bool { cancellation.isCancelled }
}
