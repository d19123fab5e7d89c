import Foundation
import Planning
import PlanningIO
import Testing

/// Issue 7, parts 2, 4 and 5 end to end: a broken scenario or a killed run leaves earlier
/// outputs byte for byte, and the same scenario gives the same plan.json on every run.
@Suite(.serialized) struct OutputSafetyTests {
    static let oracle = WSPlanBinary.repository.appendingPathComponent("Tests/oracle/scenarios")
    /// A small scenario that solves to optimality in a few seconds even in a debug build.
    static let small = oracle.appendingPathComponent("s1_spring_holidays.yaml").path
    static let example = WSPlanBinary.repository.appendingPathComponent("Scenarios/2027-Q1.yaml").path

    /// Every file under `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// plan.json with the fields that carry timings blanked: `solver.seconds` (how long GLPK took),
    /// `solver.build_seconds` (how long building the model took) and `events[].modified` (when
    /// each calendar event last changed: the run's clock).
    static func withoutTimings(_ data: Data) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var solver = try #require(object["solver"] as? [String: Any])
        #expect(solver["seconds"] != nil)
        solver["seconds"] = 0
        solver["build_seconds"] = 0
        object["solver"] = solver
        if let events = object["events"] as? [[String: Any]] {
            object["events"] = events.map { event in
                var event = event
                event["modified"] = "blank"
                return event
            }
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    }

    @Test func aBrokenScenarioLeavesEarlierOutputsUntouched() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let first = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"], timeout: 180)
        #expect(first.status == 0, "\(first.stderr)")
        try Data("my notes\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let before = Self.snapshot(out)
        #expect(before["plan.json"] != nil)

        // The same scenario, broken in three places.
        var text = try String(contentsOfFile: Self.small, encoding: .utf8)
        text = text.replacingOccurrences(of: "horizon:", with: "horizon_typo: 1\nhorizon:")
        text += "\nsolver: {time_limit_s: -3}\ncosts: {fee_eur: .nan}\n"
        let broken = Self.oracle.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }

        let second = try WSPlanBinary.run(["solve", broken.path, "--out", out.path, "--time-limit", "20"], timeout: 60)
        #expect(second.status == 1)
        #expect(second.stderr.contains("horizon_typo"))
        #expect(second.stderr.contains("time_limit_s"))
        #expect(second.stderr.contains("fee_eur"))
        #expect(second.stderr.contains("nothing was written"))
        #expect(Self.snapshot(out) == before, "the earlier outputs are byte for byte as they were")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["out"])
    }

    /// Absurd limits on the command line are refused with a message, never a trap.
    @Test func absurdCommandLineLimitsAreRefused() throws {
        for arguments in [["--time-limit", "1e300"], ["--time-limit", "nan"], ["--mip-gap", "1e308"]] {
            let run = try WSPlanBinary.run(["solve", Self.small, "--out", "/nonexistent/never"] + arguments, timeout: 60)
            #expect(run.reason == "exit" && run.status != 0, "\(arguments): \(run.status) \(run.reason)")
            #expect(run.stderr.contains(arguments[0]), "\(arguments): \(run.stderr)")
        }
    }

    /// A run killed after staging its outputs, before swapping them in, leaves the earlier
    /// outputs; the next run cleans up what it left and writes its own.
    @Test func aKilledRunLeavesEarlierOutputsAndIsCleanedUpNextTime() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let first = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"], timeout: 180)
        #expect(first.status == 0, "\(first.stderr)")
        let before = Self.snapshot(out)

        let process = Process()
        process.executableURL = WSPlanBinary.url
        process.arguments = ["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["WSPLAN_TEST_PAUSE_BEFORE_SWAP": "60"]) { _, new in new }
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = work.appendingPathComponent(".out.wsplan-new-\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(180)
        // Staged means: plan.json is there and the folder is flushed (the last step before the pause).
        while Date() < deadline && Self.snapshot(staging)["plan.json"] == nil { Thread.sleep(forTimeInterval: 0.1) }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("plan.json").path), "the run staged its outputs")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(Self.snapshot(out) == before, "the killed run changed nothing in the output folder")

        let next = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"], timeout: 180)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["out"], "the killed run's staging folder is gone")
        // A re-plan over the first plan adds the change notice (changes.csv).
        #expect(Set(Self.snapshot(out).keys) == Set(before.keys).union(["changes.csv"]))
    }

    /// Killing wsplan at arbitrary moments (while reading, solving or writing) never leaves a
    /// mixed or partial output folder: with a fixed clock every complete run writes the same bytes.
    @Test func killsAtRandomMomentsLeaveACompleteFolder() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let clock = ["SOURCE_DATE_EPOCH": "1800000000"]
        // Twice: the second run re-plans against the first (plan.json then reports the move term),
        // as every later run does.
        for _ in 0..<2 {
            let run = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"], timeout: 180, environment: clock)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let before = Self.snapshot(out)
        var generator = SeededGenerator(seed: 7)
        for round in 0..<6 {
            let process = Process()
            process.executableURL = WSPlanBinary.url
            process.arguments = ["solve", Self.small, "--out", out.path, "--time-limit", "20", "--quiet"]
            process.environment = ProcessInfo.processInfo.environment.merging(clock) { _, new in new }
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...3, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = Self.snapshot(out)
            #expect(Set(after.keys) == Set(before.keys), "round \(round): the same files")
            // plan.json and report.html carry the solve's time: plan.json is compared without it below.
            for (path, data) in before where path != "plan.json" && path != "report.html" {
                #expect(after[path] == data, "round \(round): \(path) is complete and unmixed")
            }
            let plan = try #require(after["plan.json"])
            #expect(try Self.withoutTimings(plan) == Self.withoutTimings(before["plan.json"]!), "round \(round)")
        }
    }

    /// The same scenario gives a byte-identical plan.json on every run, the timing fields aside;
    /// with SOURCE_DATE_EPOCH the calendars are byte-identical too.
    @Test(arguments: [example, small]) func repeatedSolvesGiveTheSamePlan(scenario: String) throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var plans: [Data] = []
        var folders: [[String: Data]] = []
        for run in 0..<2 {
            let out = work.appendingPathComponent("run-\(run)")
            // Different clocks: only the timing fields may differ.
            let result = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "60", "--quiet"], timeout: 300,
                                              environment: ["SOURCE_DATE_EPOCH": run == 0 ? "1800000000" : "1800003600"])
            #expect(result.status == 0, "\(result.stderr)")
            let plan = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path))
            let status = try PlanFile.read(path: out.appendingPathComponent("plan.json").path).solver.status
            #expect(status == .optimal, "ties are broken the same way only when the solve is complete")
            plans.append(plan)
            folders.append(Self.snapshot(out))
        }
        #expect(plans[0] != plans[1], "the clocks differ, so events[].modified does")
        #expect(try Self.withoutTimings(plans[0]) == Self.withoutTimings(plans[1]))
        #expect(folders[0]["calendar.csv"] == folders[1]["calendar.csv"])

        // Same clock: the calendars are identical byte for byte, and plan.json up to solver.seconds.
        let out = work.appendingPathComponent("run-2")
        let third = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "60", "--quiet"], timeout: 300,
                                         environment: ["SOURCE_DATE_EPOCH": "1800000000"])
        #expect(third.status == 0)
        let again = Self.snapshot(out)
        // report.html shows the solve's time, as plan.json does.
        for (path, data) in folders[0] where path != "plan.json" && path != "report.html" { #expect(again[path] == data, "\(path)") }
        let secondsLine = #/"(build_)?seconds" : [0-9.e+-]+/#
        let normalise = { (data: Data) in String(decoding: data, as: UTF8.self).replacing(secondsLine, with: "\"seconds\" : 0") }
        #expect(normalise(again["plan.json"]!) == normalise(plans[0]))
    }
}
