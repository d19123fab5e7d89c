import ArgumentParser
import Foundation
import WSPlanDesk

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The office's web app over a scenario folder: tables and edit forms, import, what-ifs, plan with live progress, report and files.",
        discussion: """
            Serves the same files the other commands read and write: the scenario YAML/CSV files of FOLDER \
            and the output folders out/<scenario name> (relative to the working folder, as `wsplan solve`); \
            an edit in the browser is a change to those files, saved only when `wsplan check` would accept it. \
            Listens on loopback unless --host says otherwise; any other host needs --password-file.
            """)

    @Argument(help: "The scenario folder.")
    var folder: String = "Scenarios"

    @Option(name: .long, help: "Address to listen on (default: loopback).")
    var host: String = "127.0.0.1"

    @Option(name: .long, parsing: .unconditional, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "A file whose first line is the office pages' password (required for a non-loopback --host).")
    var passwordFile: String?

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if !DeskConfiguration.isLoopback(host) && passwordFile == nil {
            throw ValidationError("--host \(host) is not loopback: give --password-file so that only the office can open the pages")
        }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(folder) is not a folder; give the scenario folder (e.g. Scenarios)")
        }
        var password: String?
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first.map(String.init), line.count >= 8 else {
                throw ValidationError("\(passwordFile): cannot read a password of at least 8 characters from its first line")
            }
            password = line
        }
        FileHandle.standardError.write(Data("wsplan: serving \(folder) on http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
        let application = buildApplication(DeskConfiguration(folder: folder, host: host, port: port, password: password))
        // The other subcommands are synchronous: run the server on the concurrency pool and wait
        // here until it stops (Ctrl-C or SIGTERM end it gracefully).
        let outcome = ServerOutcome()
        let stopped = DispatchSemaphore(value: 0)
        Task {
            do { try await application.runService() } catch { outcome.set(error) }
            stopped.signal()
        }
        stopped.wait()
        if let error = outcome.error { throw Failure.message("the server stopped: \(error)") }
    }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class ServerOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    func set(_ error: Error) { lock.lock(); stored = error; lock.unlock() }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
}
