import Foundation
import Planning
import PlanningIO
import Testing

/// Issue 15: plan.json, bookings and --out are untrusted; every probe below failed before.
@Suite(.serialized) struct HostileInputTests {
    static let scenarios = WSPlanBinary.repository.appendingPathComponent("Tests/oracle/scenarios")
    static let small = scenarios.appendingPathComponent("s1_spring_holidays.yaml").path
    static let caps = scenarios.appendingPathComponent("s2_caps.yaml").path

    /// One solved plan of `scenario` in `work/name`.
    static func solve(_ scenario: String, into out: URL) throws -> [String: Any] {
        let run = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "5", "--quiet"], timeout: 180)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("plan.json").path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func write(_ object: [String: Any], to url: URL) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    @Test func hostilePlanFilesAreRefusedByEveryCommand() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let plan = try Self.solve(Self.small, into: work.appendingPathComponent("o"))
        var packages = try #require(plan["packages"] as? [[String: Any]])

        var huge = plan, first = packages[0], costs = try #require(first["costs"] as? [String: Any])
        costs["total"] = 1e308
        first["costs"] = costs
        packages[0] = first
        huge["packages"] = packages
        let hugePath = work.appendingPathComponent("huge.json")
        try Self.write(huge, to: hugePath)

        var outside = plan
        var events = try #require(plan["events"] as? [[String: Any]])
        for i in events.indices { events[i]["municipality"] = "../../../../OUTSIDE" }
        outside["events"] = events
        let outsidePath = work.appendingPathComponent("outside.json")
        try Self.write(outside, to: outsidePath)

        var oneDay = try #require(plan["packages"] as? [[String: Any]])
        oneDay[0]["workshop"] = [(oneDay[0]["workshop"] as? [String])?.first ?? ""]
        var shaped = plan
        shaped["packages"] = oneDay
        let shapePath = work.appendingPathComponent("shape.json")
        try Self.write(shaped, to: shapePath)

        var future = plan
        future["format"] = "wsplan-plan/2"
        let futurePath = work.appendingPathComponent("future.json")
        try Self.write(future, to: futurePath)

        for path in [hugePath, outsidePath, shapePath, futurePath] {
            for arguments in [["check", Self.small, path.path], ["ics", path.path, "--out", work.appendingPathComponent("ics").path],
                              ["report", path.path, "--scenario", Self.small, "--out", work.appendingPathComponent("r").path],
                              ["compare", Self.small, "--plans", path.path]] {
                let run = try WSPlanBinary.run(arguments, timeout: 60)
                #expect(run.reason == "exit" && run.status == 1, "\(arguments): \(run.status) \(run.reason) \(run.stderr.suffix(300))")
                #expect(run.stderr.contains(path.lastPathComponent) && run.stderr.contains("error:"), "\(arguments): \(run.stderr.suffix(300))")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("ics").path))
        #expect(!FileManager.default.fileExists(atPath: work.deletingLastPathComponent().appendingPathComponent("OUTSIDE.ics").path))

        // Broken JSON: line and column.
        let text = String(decoding: try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted]), as: UTF8.self)
        let broken = work.appendingPathComponent("broken.json")
        try Data(text.replacingOccurrences(of: "\"packages\" :", with: "\"packages\" ::").utf8).write(to: broken)
        let run = try WSPlanBinary.run(["check", Self.small, broken.path], timeout: 60)
        #expect(run.status == 1)
        #expect(run.stderr.range(of: #"broken\.json:\d+:\d+: error"#, options: .regularExpression) != nil, "\(run.stderr)")
    }

    @Test func outputFolderEdges() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // --out . is refused before solving.
        let dot = Process()
        dot.executableURL = WSPlanBinary.url
        dot.arguments = ["solve", Self.small, "--out", ".", "--time-limit", "5", "--quiet"]
        dot.currentDirectoryURL = work
        let err = Pipe()
        dot.standardError = err
        try dot.run()
        dot.waitUntilExit()
        #expect(dot.terminationStatus == 1)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("working in"))

        // A file as --out is refused at once, not after the solve.
        let file = work.appendingPathComponent("afile")
        try Data("x".utf8).write(to: file)
        let started = Date()
        let onFile = try WSPlanBinary.run(["solve", Self.caps, "--out", file.path, "--time-limit", "30", "--quiet"], timeout: 60)
        #expect(onFile.status == 1 && onFile.stderr.contains("is a file"), "\(onFile.stderr)")
        #expect(Date().timeIntervalSince(started) < 15)

        // Mode kept; a corrupt previous plan is an error naming it, --previous none skips it.
        let out = work.appendingPathComponent("out")
        _ = try Self.solve(Self.small, into: out)
        chmod(out.path, 0o750)
        _ = try Self.solve(Self.small, into: out)
        #expect(((try FileManager.default.attributesOfItem(atPath: out.path))[.posixPermissions] as? Int) == 0o750)
        try Data("{ not json".utf8).write(to: out.appendingPathComponent("plan.json"))
        let corrupt = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "5", "--quiet"], timeout: 120)
        #expect(corrupt.status == 1 && corrupt.stderr.contains("plan.json") && corrupt.stderr.contains("--previous none"), "\(corrupt.stderr)")
        let afresh = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "5", "--quiet", "--previous", "none"], timeout: 120)
        #expect(afresh.status == 0, "\(afresh.stderr)")

        // ics/ a symbolic link to a web folder: refused, the web folder untouched.
        let web = work.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        try Data("live".utf8).write(to: web.appendingPathComponent("all.ics"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("ics"))
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("ics"), withDestinationURL: web)
        let linked = try WSPlanBinary.run(["solve", Self.small, "--out", out.path, "--time-limit", "5", "--quiet"], timeout: 120)
        #expect(linked.status == 1 && linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        #expect(FileManager.default.contents(atPath: web.appendingPathComponent("all.ics").path) == Data("live".utf8))

        // --out itself a link: the real folder gets the new plan, the link stays a link.
        let real = work.appendingPathComponent("real"), link = work.appendingPathComponent("link")
        _ = try Self.solve(Self.small, into: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try Data("note".utf8).write(to: real.appendingPathComponent("note.txt"))
        _ = try Self.solve(Self.small, into: link)
        #expect((try FileManager.default.attributesOfItem(atPath: link.path))[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("note.txt").path))
    }

    /// Confirms of two plans at the same moment: both plans' packages end up in the file.
    @Test func parallelConfirmsLoseNothing() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let a = try Self.solve(Self.small, into: work.appendingPathComponent("a"))
        let b = try Self.solve(Self.caps, into: work.appendingPathComponent("b"))
        let expected = ((a["packages"] as? [Any])?.count ?? 0) + ((b["packages"] as? [Any])?.count ?? 0)
        for round in 0..<6 {
            let bookings = work.appendingPathComponent("bookings-\(round).yaml").path
            let group = DispatchGroup()
            for name in ["a", "b"] {
                DispatchQueue.global().async(group: group) {
                    _ = try? WSPlanBinary.run(["confirm", work.appendingPathComponent("\(name)/plan.json").path, "--bookings", bookings], timeout: 60)
                }
            }
            group.wait()
            let text = try String(contentsOfFile: bookings, encoding: .utf8)
            #expect(text.components(separatedBy: "municipality:").count - 1 == expected, "round \(round): \(text)")
            #expect(!FileManager.default.fileExists(atPath: FileLock.lockPath(for: bookings)))
        }
    }

    /// A header-only request list over an existing plan would cancel every package: refused
    /// unless --allow-empty.
    @Test func anEmptyRequestListNeedsAllowEmpty() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let text = try String(contentsOfFile: Self.caps, encoding: .utf8)
        try Data(text.utf8).write(to: work.appendingPathComponent("s2_caps.yaml"))
        let header = try String(contentsOfFile: Self.scenarios.appendingPathComponent("s2_requests.csv").path, encoding: .utf8)
            .components(separatedBy: "\n")[0] + "\n"
        try Data(header.utf8).write(to: work.appendingPathComponent("s2_requests.csv"))
        let scenario = work.appendingPathComponent("s2_caps.yaml").path
        let out = work.appendingPathComponent("out").path
        let refused = try WSPlanBinary.run(["solve", scenario, "--out", out, "--time-limit", "5", "--quiet"], timeout: 60)
        #expect(refused.status == 1 && refused.stderr.contains("--allow-empty"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let allowed = try WSPlanBinary.run(["solve", scenario, "--out", out, "--time-limit", "5", "--quiet", "--allow-empty"], timeout: 60)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }
}
