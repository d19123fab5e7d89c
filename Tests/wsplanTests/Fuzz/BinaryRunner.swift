import Foundation

extension WSPlanBinary {
    struct TimedOutput {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the run was stopped for taking longer than its timeout.
        var timedOut: Bool
        /// `exit` or `signal` (a crash or a kill).
        var reason: String
    }

    /// Runs wsplan with a deadline (then kills it and reports `timedOut`) and extra environment.
    static func run(_ arguments: [String], timeout: TimeInterval, environment: [String: String] = [:]) throws -> TimedOutput {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read both pipes while the process runs, so a chatty process never blocks on a full pipe.
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
            DispatchQueue.global().async(group: group) {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isError: isError)
            }
        }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        group.wait()
        return TimedOutput(status: process.terminationStatus, stdout: String(decoding: collected.stdout, as: UTF8.self),
                           stderr: String(decoding: collected.stderr, as: UTF8.self), timedOut: timedOut,
                           reason: process.terminationReason == .exit ? "exit" : "signal")
    }
}

/// The two output streams, filled from two threads.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    func set(_ data: Data, isError: Bool) { lock.lock(); if isError { err = data } else { out = data }; lock.unlock() }
    var stdout: Data { lock.lock(); defer { lock.unlock() }; return out }
    var stderr: Data { lock.lock(); defer { lock.unlock() }; return err }
}
