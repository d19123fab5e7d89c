import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The checks made on `--out` before any work: its real place (symbolic links resolved once),
/// that it is a folder wsplan may replace as a whole, that it can be written, and a lock that
/// keeps a second wsplan from writing into it at the same time.
extension OutputFolder {
    /// An output folder that passed `prepare` and is locked until `release()`.
    public final class Prepared: @unchecked Sendable {
        /// As the user named it (for messages).
        public let folder: String
        /// The real folder that is swapped (symbolic links resolved).
        public let path: String
        private let lock: FileLock

        init(folder: String, path: String, lock: FileLock) {
            self.folder = folder
            self.path = path
            self.lock = lock
        }

        /// `OutputFolder.write` into the real folder.
        public func write(_ files: [String: Data]) throws {
            try OutputFolder.write(files, toResolved: path, named: folder, afterEachFile: nil)
        }

        /// A file inside the real folder, e.g. the previous `plan.json`.
        public func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

        /// Lets the next wsplan write here; safe to call twice, and from the Ctrl-C queue.
        public func release() { lock.release() }
    }

    /// Checks `folder` and locks it; `inputs` are the files the command reads that must not lie
    /// inside the folder that is replaced (the scenario and its lists). A plan.json inside it is
    /// fine: it is read whole before the swap, and re-planning into a plan's own folder is the
    /// office's normal case.
    public static func prepare(_ folder: String, inputs: [String] = []) throws -> Prepared {
        guard !folder.isEmpty else { throw WriteError("--out is empty; name an output folder such as out/2027-Q1") }
        let manager = FileManager.default
        var linkInfo = stat(), info = stat()
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        if lstat(absolute, &linkInfo) == 0, stat(absolute, &info) != 0 {
            throw WriteError("'\(folder)' is a symbolic link to something that does not exist; remove the link or name another folder with --out")
        }
        let resolved = realPath(absolute)
        if resolved == "/" { throw WriteError("--out / would replace the root folder; name a folder of its own, e.g. out/plan") }
        let cwd = realPath(manager.currentDirectoryPath)
        if cwd == resolved || cwd.hasPrefix(resolved + "/") {
            throw WriteError("--out \(folder) would replace the folder you are working in (\(resolved)); wsplan replaces its output folder as a whole: name a folder of its own, e.g. out/plan")
        }
        for input in inputs where !input.isEmpty {
            let real = realPath(URL(fileURLWithPath: input).standardizedFileURL.path)
            if real.hasPrefix(resolved + "/") {
                throw WriteError("the output folder \(folder) holds \(input), which this command reads; wsplan replaces its output folder as a whole: name another folder with --out")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: resolved, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw WriteError("'\(folder)' is a file, not a folder; name a folder with --out")
        }
        if exists {
            guard access(resolved, W_OK | X_OK | R_OK) == 0 else {
                throw WriteError("cannot write to \(folder): \(DurableFiles.systemMessage); choose a folder you may write to with --out")
            }
            let ics = URL(fileURLWithPath: resolved).appendingPathComponent("ics").path
            var icsInfo = stat()
            if lstat(ics, &icsInfo) == 0, (icsInfo.st_mode & S_IFMT) == S_IFLNK {
                throw WriteError("\(folder)/ics is a symbolic link; wsplan never writes through one (a kill would leave its target half-written): make it a real folder and copy the calendars on after each run")
            }
        }
        let parent = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
        var existing = parent
        while !manager.fileExists(atPath: existing), existing != "/" {
            existing = URL(fileURLWithPath: existing).deletingLastPathComponent().path
        }
        var existingIsFolder: ObjCBool = false
        if manager.fileExists(atPath: existing, isDirectory: &existingIsFolder), !existingIsFolder.boolValue {
            throw WriteError("cannot write to \(folder): \(existing) is a file, not a folder; choose another folder with --out")
        }
        guard access(existing, W_OK | X_OK) == 0 else {
            throw WriteError("cannot write to \(folder): \(existing) is not writable (\(DurableFiles.systemMessage)); choose another folder with --out")
        }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError("cannot create \(parent) for \(folder): \(error.localizedDescription); choose another folder with --out")
        }
        do {
            return Prepared(folder: folder, path: resolved, lock: try FileLock(guarding: resolved, wait: false))
        } catch is FileLock.Busy {
            throw WriteError("another wsplan is writing into \(folder) right now; wait until it has finished, or name another folder with --out")
        } catch {
            throw WriteError("cannot lock \(folder): \(error)")
        }
    }

    /// `path` with every symbolic link resolved; for a path that does not exist yet, its nearest
    /// existing ancestor resolved and the rest appended.
    static func realPath(_ path: String) -> String {
        var rest: [String] = []
        var current = path
        while true {
            if let resolved = realpath(current, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : URL(fileURLWithPath: base).appendingPathComponent(rest.reversed().joined(separator: "/")).path
            }
            let url = URL(fileURLWithPath: current)
            if current == "/" || current.isEmpty { return path }
            rest.append(url.lastPathComponent)
            current = url.deletingLastPathComponent().path
        }
    }

    /// Whether a relative output name stays inside the folder: no absolute path, no `..`, no empty part.
    static func isContained(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return !relative.isEmpty && !relative.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            && !relative.contains("\\") && !relative.contains("\0")
    }

    /// Refuses when a folder on the way to `relative` inside `staging` is a symbolic link (carried
    /// over from the old folder): writing there would change the link's target in place.
    static func refuseSymbolicLinks(in relative: String, under staging: URL, folder: String) throws {
        var current = staging
        for part in relative.split(separator: "/").dropLast() {
            current = current.appendingPathComponent(String(part))
            var info = stat()
            if lstat(current.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                throw WriteError("\(folder)/\(relative.split(separator: "/").prefix(while: { $0 != part }).map(String.init).joined(separator: "/"))\(part) is a symbolic link; wsplan never writes through one: make it a real folder")
            }
        }
    }

    /// Gives `copy` the permission bits of `original` (a folder's 0750 stays 0750); best effort.
    static func keepMode(of original: String, on copy: String) {
        var info = stat()
        guard stat(original, &info) == 0 else { return }
        chmod(copy, info.st_mode & 0o7777)
    }
}
