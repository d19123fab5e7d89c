import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file (`.NAME.wsplan-lock` beside what it guards), held until
/// `release()`. The lock file is removed on release; a locker that opened it before that
/// notices (its descriptor no longer names the path) and tries again, so two processes never
/// both hold a lock on one path.
public final class FileLock: @unchecked Sendable {
    public let path: String
    private var descriptor: Int32
    private let mutex = NSLock()
    /// Every lock this process holds, so that a quick exit (a second Ctrl-C) can remove their files.
    nonisolated(unsafe) private static var held: [FileLock] = []
    private static let heldMutex = NSLock()

    /// Releases every lock still held; for an exit that skips the usual clean-up.
    public static func releaseAll() {
        heldMutex.lock()
        let locks = held
        held = []
        heldMutex.unlock()
        for lock in locks { lock.release() }
    }

    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path) is locked by another wsplan" }
    }

    /// The lock file that guards `guarded` (a file or folder): beside it, hidden.
    public static func lockPath(for guarded: String) -> String {
        let url = URL(fileURLWithPath: guarded)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).wsplan-lock").path
    }

    /// Takes the lock; with `wait` false throws `Busy` at once when another process holds it.
    public init(guarding guarded: String, wait: Bool) throws {
        path = Self.lockPath(for: guarded)
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                throw DurableFiles.Failure(description: "cannot create the lock file \(path): \(DurableFiles.systemMessage)")
            }
            var result: Int32
            repeat { result = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) } while result != 0 && errno == EINTR
            if result != 0 {
                let busy = errno == EWOULDBLOCK
                let message = DurableFiles.systemMessage
                close(fd)
                if busy { throw Busy(path: guarded) }
                throw DurableFiles.Failure(description: "cannot lock \(path): \(message)")
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                descriptor = fd
                Self.heldMutex.lock()
                Self.held.append(self)
                Self.heldMutex.unlock()
                return
            }
            close(fd)  // removed by the holder that released it meanwhile: lock the new one
        }
    }

    /// Removes the lock file and lets the next process in; safe to call twice and from a signal queue.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
        Self.heldMutex.lock()
        Self.held.removeAll { $0 === self }
        Self.heldMutex.unlock()
    }

    deinit { release() }
}
