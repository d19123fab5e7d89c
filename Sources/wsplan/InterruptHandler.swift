import Dispatch
import Foundation
import Optimization

/// Ctrl-C while `wsplan solve` runs: the first asks the solve to stop and keep its best plan
/// (`cancellation`); a second one exits at once with status 130, writing nothing.
///
/// The solve runs synchronously on the main thread, so SIGINT is ignored as a signal and handled
/// by a dispatch source on a queue of its own. While the outputs are being moved into place
/// (`writing()`), further Ctrl-Cs are ignored: that takes milliseconds, and stopping half-way would
/// leave a mix of old and new files.
final class InterruptHandler: @unchecked Sendable {
    let cancellation = Cancellation()
    private let lock = NSLock()
    private var isWriting = false
    private let source: DispatchSourceSignal

    /// `onFirst` runs on the handler's queue after the first Ctrl-C; `onSecond` just before exiting.
    init(onFirst: @escaping @Sendable () -> Void, onSecond: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "wsplan.interrupt"))
        source.setEventHandler { [unowned self] in
            // Signals that arrive together are delivered once, with their count.
            let presses = Int(self.source.data)
            self.lock.lock()
            let writing = self.isWriting
            self.lock.unlock()
            if writing { return }
            if self.cancellation.isCancelled || presses >= 2 {
                onSecond()
                _exit(130)
            }
            self.cancellation.cancel()
            onFirst()
        }
        source.resume()
    }

    /// From now on Ctrl-C no longer exits: the outputs are being written.
    func writing() {
        lock.lock()
        isWriting = true
        lock.unlock()
    }

    var wasInterrupted: Bool { cancellation.isCancelled }
}
