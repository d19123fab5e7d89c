import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File-system steps that never leave a half-written file behind: write and `fsync` a file,
/// replace a file by renaming a complete copy over it, and swap two folders in one step.
public enum DurableFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The C library's message for the current `errno`.
    static var systemMessage: String { String(cString: strerror(errno)) }

    /// Writes `data` to a new file at `path` (which must not exist yet) and flushes it to disk
    /// (unless `flush` is false: then `flushAll` must follow before the file is relied on).
    static func writeNew(_ data: Data, to path: String, flush: Bool = true) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(systemMessage)") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write \(path): \(systemMessage)")
                }
                offset += written
            }
        }
        guard !flush || fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(path) to disk: \(systemMessage)") }
    }

    /// `writeNew(_:to:flush: false)` for many files at once, spread over two threads; the first
    /// failure is thrown after all threads are done.
    static func writeNew(_ contents: [Data], to paths: [String]) throws {
        let lanes = 2
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for index in stride(from: lane, to: paths.count, by: lanes) where !failures.hasFailure {
                do { try writeNew(contents[index], to: paths[index], flush: false) } catch { failures.keep(error) }
            }
        }
        if let failure = failures.first { throw failure }
    }

    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var error: Error?
        var hasFailure: Bool { lock.lock(); defer { lock.unlock() }; return error != nil }
        var first: Error? { lock.lock(); defer { lock.unlock() }; return error }
        func keep(_ error: Error) { lock.lock(); if self.error == nil { self.error = error }; lock.unlock() }
    }

    /// Flushes the files at `paths` (written with `flush: false`) and the folder `folder` holding
    /// them to disk. On Linux one `syncfs` of the folder's file system does it at once (a solve
    /// writes thousands of calendars, and one `fsync` each took seconds); elsewhere each is flushed.
    static func flushAll(_ paths: [String], in folder: String) throws {
        #if os(Linux)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if linuxSyncfs(descriptor) == 0 { return }
        }
        #endif
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { throw Failure(description: "cannot open \(path) to flush it: \(systemMessage)") }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw Failure(description: "cannot flush \(path) to disk: \(systemMessage)") }
        }
        syncFolder(folder)
    }

    /// Replaces the file at `path` with `data` so that a reader (or a crash at any instant) sees
    /// either the whole old file or the whole new one: the new text goes to a temporary file in the
    /// same folder, is flushed to disk and renamed over the old one; then the folder is flushed.
    public static func replace(_ path: String, with data: Data) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).wsplan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        do {
            try writeNew(data, to: temporary)
            guard rename(temporary, path) == 0 else { throw Failure(description: "cannot replace \(path): \(systemMessage)") }
        } catch {
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// Flushes a folder's entries (new names, renames) to disk; best effort.
    static func syncFolder(_ path: String) {
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Exchanges the folders (or files) at `a` and `b` in one atomic step (Linux `renameat2` with
    /// `RENAME_EXCHANGE`). Returns false when the system or the file system cannot do that; throws
    /// on any other failure.
    static func exchange(_ a: String, _ b: String) throws -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // Glibc's header declares renameat2 only under _GNU_SOURCE, so Swift does not see it: look it up.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return false }
        throw Failure(description: "cannot swap \(a) and \(b): \(systemMessage)")
        #else
        return false
        #endif
    }

    /// Whether a process with this id is running (used to tell a stale staging folder from one
    /// that another wsplan is filling right now).
    static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}

#if os(Linux)
/// glibc's `syncfs(2)`, which the Glibc module does not export.
@_silgen_name("syncfs")
private func linuxSyncfs(_ descriptor: Int32) -> Int32
#endif
