import Foundation
import Planning
import PlanningIO
import Testing

/// Ctrl-C during `wsplan solve`, end to end: the real binary, a real SIGINT.
@Suite(.serialized) struct InterruptTests {
    /// A running `wsplan` whose stderr is collected as it arrives.
    final class RunningSolve: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var collected = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = WSPlanBinary.url
            process.arguments = arguments
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

        /// Waits until stderr contains `text` (true) or the process ends or `seconds` pass (false).
        func waitFor(_ text: String, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if stderr.contains(text) { return true }
                if !process.isRunning { return stderr.contains(text) }
                Thread.sleep(forTimeInterval: 0.05)
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
        let solve = try RunningSolve(["solve", scenario.path, "--out", out.path, "--time-limit", "900"])
        try #require(solve.waitFor("wsplan: improving ·", seconds: 600), "never reached the search:\n\(solve.stderr)")
        Thread.sleep(forTimeInterval: 2)
        let interrupted = Date()
        solve.process.interrupt()
        let status = solve.waitForExit(seconds: 300)
        let afterSignal = Date().timeIntervalSince(interrupted)
        #expect(status == 0, "\(solve.stderr)")
        #expect(afterSignal < 120, "took \(afterSignal) s to stop")
        #expect(solve.stderr.contains("interrupted by Ctrl-C: wrote the best plan found so far"), "\(solve.stderr)")

        let planPath = out.appendingPathComponent("plan.json").path
        let plan = try PlanFile.read(path: planPath)
        #expect([.feasible, .optimal].contains(plan.solver.status))
        #expect(plan.solver.seconds < 600)
        #expect(!plan.packages.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("costs.csv").path))
        let check = try WSPlanBinary.run(["check", scenario.path, planPath])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A second Ctrl-C quits at once with 130 and writes nothing; no staging folder is left behind.
    @Test func secondCtrlCQuitsWithoutWriting() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let scenario = WSPlanBinary.repository.appendingPathComponent("Scenarios/2027-Q1.yaml").path
        let solve = try RunningSolve(["solve", scenario, "--out", out.path, "--time-limit", "600"])
        try #require(solve.waitFor("wsplan: reading", seconds: 60), "\(solve.stderr)")
        solve.process.interrupt()
        Thread.sleep(forTimeInterval: 0.05)
        solve.process.interrupt()
        let status = solve.waitForExit(seconds: 30)
        #expect(status == 130, "\(solve.stderr)")
        #expect(solve.stderr.contains("quitting without writing"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
