import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a set of output files all at once: at every instant the output folder is either the
/// complete old set or the complete new one, also when the run is killed half-way.
///
/// 1. A complete new folder is built beside the target (`.NAME.wsplan-new-PID`): the files of this
///    run, flushed to disk, plus hard links to (or copies of) the old folder's files that this run
///    does not produce (a user's notes, calendars of municipalities no longer planned).
/// 2. It is swapped with the target in one step (Linux `renameat2(RENAME_EXCHANGE)`); where the
///    file system cannot do that, the old folder is renamed to `.NAME.wsplan-old-PID` and the new
///    one renamed into place. The old folder is then removed.
/// 3. What a killed run left behind is cleaned up by the next run into the same folder: staging
///    folders are removed, and a target that is missing beside a backup gets the backup back.
public enum OutputFolder {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Tests set this environment variable to a number of seconds: wsplan then waits that long
    /// with the new folder complete but not yet swapped in, so that a test can kill it there.
    static let pauseVariable = "WSPLAN_TEST_PAUSE_BEFORE_SWAP"

    /// `files` maps relative paths (may contain subfolders, e.g. `ics/all.ics`) to contents.
    /// Checks and locks the folder first (`prepare`); commands that work long before they write
    /// call `prepare` themselves, before the work.
    public static func write(_ files: [String: Data], to folder: String) throws {
        let prepared = try prepare(folder)
        defer { prepared.release() }
        try prepared.write(files)
    }

    /// `write(_:to:)` with a hook called after each new file is staged (tests inject failures here).
    static func write(_ files: [String: Data], to folder: String, afterEachFile hook: ((String) throws -> Void)?) throws {
        let prepared = try prepare(folder)
        defer { prepared.release() }
        try write(files, toResolved: prepared.path, named: folder, afterEachFile: hook)
    }

    /// Writes into the real folder `resolved` (symbolic links resolved by `prepare`); `folder` is
    /// how the user named it, for messages.
    static func write(_ files: [String: Data], toResolved resolved: String, named folder: String,
                      afterEachFile hook: ((String) throws -> Void)?) throws {
        let manager = FileManager.default
        for path in files.keys where !isContained(path) {
            throw WriteError("refusing to write '\(path.prefix(80))' into \(folder): an output name must stay inside the output folder (this is a bug in wsplan)")
        }
        let target = URL(fileURLWithPath: resolved).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).wsplan-new-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try cleanUpAfterEarlierRuns(target: target)
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                throw WriteError("'\(folder)' is a file, not a folder; name a folder with --out")
            }
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            do {
                if exists {
                    keepMode(of: target.path, on: staging.path)
                    try carryOver(from: target, to: staging, except: Set(files.keys))
                }
                // Each subfolder (ics/ holds thousands of calendars) is checked and made once; paths
                // are joined as text, without a URL per file.
                let sorted = files.sorted(by: { $0.key < $1.key })
                var folders = Set<Substring>()
                for (path, _) in sorted {
                    if let slash = path.lastIndex(of: "/"), folders.insert(path[..<slash]).inserted {
                        try refuseSymbolicLinks(in: path, under: staging, folder: folder)
                        try manager.createDirectory(atPath: staging.path + "/" + path[..<slash], withIntermediateDirectories: true)
                    }
                }
                let written = sorted.map { staging.path + "/" + $0.key }
                if let hook {
                    for (index, (path, data)) in sorted.enumerated() {
                        try DurableFiles.writeNew(data, to: written[index], flush: false)
                        try hook(path)
                    }
                } else {
                    // Creating thousands of small files costs the kernel more than their bytes: on two threads.
                    try DurableFiles.writeNew(sorted.map(\.value), to: written)
                }
                try DurableFiles.flushAll(written, in: staging.path)
                DurableFiles.syncFolder(staging.path)
                pauseForTests()
                try swapIn(staging, target: target, targetExists: exists)
            } catch {
                try? manager.removeItem(at: staging)
                throw error
            }
        } catch let error as WriteError {
            throw error
        } catch let error as DurableFiles.Failure {
            throw WriteError("cannot write to \(folder): \(error.description)")
        } catch {
            throw WriteError("cannot write to \(folder): \(error.localizedDescription)")
        }
    }

    /// Puts the complete `staging` folder where `target` is; afterwards `staging` is gone.
    private static func swapIn(_ staging: URL, target: URL, targetExists: Bool) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent().path
        defer { DurableFiles.syncFolder(parent) }
        guard targetExists else {
            guard rename(staging.path, target.path) == 0 else {
                throw WriteError("cannot move the new outputs into \(target.path): \(DurableFiles.systemMessage)")
            }
            return
        }
        if try DurableFiles.exchange(staging.path, target.path) {
            try? manager.removeItem(at: staging)  // now holds the old outputs
            return
        }
        let backup = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).wsplan-old-\(getpid())")
        try? manager.removeItem(at: backup)
        guard rename(target.path, backup.path) == 0 else {
            throw WriteError("cannot move the old outputs of \(target.path) aside: \(DurableFiles.systemMessage)")
        }
        guard rename(staging.path, target.path) == 0 else {
            let message = DurableFiles.systemMessage
            rename(backup.path, target.path)
            throw WriteError("cannot move the new outputs into \(target.path): \(message)")
        }
        try? manager.removeItem(at: backup)
    }

    /// Links (or, across file systems, copies) every file of `old` that the new outputs do not
    /// replace into `staging`, keeping subfolders and symbolic links.
    private static func carryOver(from old: URL, to staging: URL, except produced: Set<String>) throws {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: old.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let source = old.appendingPathComponent(relative), destination = staging.appendingPathComponent(relative)
            let type = (try? manager.attributesOfItem(atPath: source.path))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                try manager.createDirectory(at: destination, withIntermediateDirectories: true)
                keepMode(of: source.path, on: destination.path)
            case .typeRegular? where !produced.contains(relative):
                if link(source.path, destination.path) != 0 { try manager.copyItem(at: source, to: destination) }
            case .typeSymbolicLink? where !produced.contains(relative):
                try manager.copyItem(at: source, to: destination)
            default:
                continue
            }
        }
    }

    /// Removes the staging folders of runs that were killed (their process is gone) and, when such
    /// a run was killed between its two renames, puts the old outputs back first.
    static func cleanUpAfterEarlierRuns(target: URL) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).wsplan-"
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        var leftovers: [(url: URL, isBackup: Bool)] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            var rest = name.dropFirst(prefix.count)
            let isBackup = rest.hasPrefix("old-")
            if rest.hasPrefix("old-") || rest.hasPrefix("new-") { rest = rest.dropFirst(4) }
            guard let pid = Int32(rest) else { continue }
            // This process's own leftovers come from an earlier write that failed: stale too.
            if pid != getpid() && DurableFiles.isRunning(pid) { continue }
            leftovers.append((parent.appendingPathComponent(name), isBackup))
        }
        for leftover in leftovers where leftover.isBackup && !manager.fileExists(atPath: target.path) {
            if rename(leftover.url.path, target.path) != 0 {
                throw WriteError("cannot restore the earlier outputs from \(leftover.url.path): \(DurableFiles.systemMessage)")
            }
        }
        for leftover in leftovers where manager.fileExists(atPath: leftover.url.path) {
            try? manager.removeItem(at: leftover.url)
        }
    }

    private static func pauseForTests() {
        guard let text = ProcessInfo.processInfo.environment[pauseVariable], let seconds = Double(text),
              seconds > 0, seconds < 600 else { return }
        FileHandle.standardError.write(Data("wsplan: outputs staged, pausing \(seconds) s before the swap\n".utf8))
        Thread.sleep(forTimeInterval: seconds)
    }
}
