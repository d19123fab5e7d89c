import Foundation
import Planning
import PlanningIO
import Testing

/// Ctrl-C during `wsplan solve`, end to end: the real binary, a real SIGINT. The tests follow the
/// command through `--progress json` (the phase it is in, what it says it does after the signal),
/// never through its wording or fixed sleeps.
@Suite(.serialized) struct InterruptTests {
    /// A running `wsplan` whose stderr is collected as it arrives.
    final class RunningSolve: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = Data()

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = WSPlanBinary.url
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            err.fileHandleForReading.readabilityHandler = { [unowned self] handle in
                let data = handle.availableData
                self.lock.lock(); self.collected.append(data); self.lock.unlock()
            }
            try process.run()
        }

        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: collected, as: UTF8.self) }

        /// The complete `--progress json` lines so far, each a JSON object (a line of the test pause
        /// before the swap is not one and is skipped; any other fails the test).
        var events: [[String: Any]] {
            stderr.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
                guard !line.hasPrefix("wsplan: outputs staged") else { return nil }
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if object == nil { Issue.record("not a JSON event: \(line)") }
                return object
            }
        }

        /// The events named `event` (with `phase`, when given).
        func events(_ event: String, phase: String? = nil) -> [[String: Any]] {
            events.filter { $0["event"] as? String == event && (phase == nil || $0["phase"] as? String == phase) }
        }

        /// Waits until the command reports the event (true), or ends, or `seconds` pass (false).
        func waitFor(event: String, phase: String? = nil, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if !events(event, phase: phase).isEmpty { return true }
                if !process.isRunning { return !events(event, phase: phase).isEmpty }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        /// Waits for the end; nil when it did not end within `seconds` (then it is killed).
        func waitForExit(seconds: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return nil }
            process.waitUntilExit()
            Thread.sleep(forTimeInterval: 0.1)   // let the last stderr bytes arrive
            return process.terminationStatus
        }
    }

    /// A scenario that GLPK cannot finish in minutes: the 36 largest places of the gazetteer over four
    /// months with six trainers whose monthly caps leave some requests out.
    static func writeHardScenario(in folder: URL) throws -> URL {
        let places = try String(contentsOf: WSPlanBinary.repository.appendingPathComponent("Sources/PlanningIO/Resources/places.csv"),
                                encoding: .utf8)
        var rows: [(name: String, state: String, population: Int)] = []
        for line in places.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let population = Int(f[4]) else { continue }
            rows.append((f[0], f[1], population))
        }
        var seen = Set<String>()
        let largest = rows.sorted { $0.population > $1.population }.filter { seen.insert($0.name).inserted }.prefix(36)
        var csv = "id,name,place,participants\n"
        for (i, place) in largest.enumerated() {
            csv += "m\(i),Stadt \(place.name),\"\(place.name), \(place.state)\",\(20 + i % 21)\n"
        }
        try csv.write(to: folder.appendingPathComponent("requests.csv"), atomically: true, encoding: .utf8)
        let homes = ["Köln", "Berlin", "München", "Leipzig", "Hamburg", "Frankfurt am Main"]
        var yaml = """
            name: Interrupt test
            planning_start: 2026-12-01
            horizon: {from: 2027-01-01, to: 2027-04-30}
            trainers:

            """
        for (i, home) in homes.enumerated() {
            yaml += "  - {id: t\(i), name: Trainer \(i), home: \(home), max_packages: 14, max_days_per_month: 9}\n"
        }
        yaml += "municipalities: requests.csv\n"
        let url = folder.appendingPathComponent("hard.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// One Ctrl-C while GLPK searches: it stops long before the time limit, the best plan so far is
    /// written (feasible, or optimal if already proven), exit 0, and `check` finds nothing wrong.
    @Test func ctrlCWritesTheBestPlanSoFar() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.writeHardScenario(in: folder)
        let out = folder.appendingPathComponent("out")
        let solve = try RunningSolve(["solve", scenario.path, "--out", out.path, "--time-limit", "900", "--progress", "json"])
        try #require(solve.waitFor(event: "phase", phase: "improving", seconds: 600), "never reached the search:\n\(solve.stderr)")
        let interrupted = Date()
        solve.process.interrupt()
        let status = solve.waitForExit(seconds: 300)
        let afterSignal = Date().timeIntervalSince(interrupted)
        #expect(status == 0, "\(solve.stderr)")
        #expect(afterSignal < 120, "took \(afterSignal) s to stop")
        // The signal came while planning, and the command said it would still write.
        let answer = solve.events("interrupted")
        #expect(answer.count == 1 && answer.first?["phase"] as? String == "planning" && answer.first?["writes"] as? Bool == true,
                "\(solve.stderr)")
        // It stopped long before the limit, in no later step than writing.
        #expect(solve.events("phase", phase: "writing").count == 1, "\(solve.stderr)")
        let written = solve.events("written")
        #expect(written.count == 1 && written.first?["interrupted"] as? Bool == true, "\(solve.stderr)")
        #expect(written.first?["folder"] as? String == out.path)

        let planPath = out.appendingPathComponent("plan.json").path
        let plan = try PlanFile.read(path: planPath)
        #expect([.feasible, .optimal].contains(plan.solver.status))
        #expect(plan.solver.seconds < 600)
        #expect(!plan.packages.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("costs.csv").path))
        let check = try WSPlanBinary.run(["check", scenario.path, planPath])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A second Ctrl-C quits at once with 130 and writes nothing, also while the outputs are being
    /// written: the old folder stays as it was (here: absent), only the staged copy is left for the
    /// next run to clear. The test pause before the swap holds the command in its writing step.
    @Test func secondCtrlCQuitsWithoutWriting() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let scenario = WSPlanBinary.repository.appendingPathComponent("Scenarios/2027-Q1.yaml").path
        let solve = try RunningSolve(["solve", scenario, "--out", out.path, "--time-limit", "3", "--progress", "json"],
                                     environment: ["WSPLAN_TEST_PAUSE_BEFORE_SWAP": "120"])
        try #require(solve.waitFor(event: "phase", phase: "writing", seconds: 120), "\(solve.stderr)")
        solve.process.interrupt()
        try #require(solve.waitFor(event: "interrupted", seconds: 30), "\(solve.stderr)")
        let first = solve.events("interrupted").first
        #expect(first?["phase"] as? String == "writing" && first?["writes"] as? Bool == true, "\(solve.stderr)")
        solve.process.interrupt()
        let status = solve.waitForExit(seconds: 30)
        #expect(status == 130, "\(solve.stderr)")
        #expect(solve.events("quit").count == 1, "\(solve.stderr)")
        #expect(solve.events("written").isEmpty, "\(solve.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.allSatisfy { $0.hasPrefix(".out.wsplan-new-") }, "\(left)")
    }
}
