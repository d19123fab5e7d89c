import Foundation

/// Writes a set of output files so that a failed run leaves the earlier folder as it was.
///
/// Everything is written to a temporary folder beside the target first; only when every file is
/// complete are they moved in, each by an atomic `rename`. Files of the target that this run does
/// not produce are left alone.
public enum OutputFolder {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `files` maps relative paths (may contain subfolders, e.g. `ics/all.ics`) to contents.
    public static func write(_ files: [String: Data], to folder: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).wsplan-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: staging) }
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                let destination = target.appendingPathComponent(path)
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(staging.appendingPathComponent(path).path, destination.path) != 0 {
                    throw WriteError(description: "cannot move \(path) into \(folder): \(String(cString: strerror(errno)))")
                }
            }
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(description: "cannot write to \(folder): \(error.localizedDescription)")
        }
    }
}
