import Foundation
import Testing
@testable import PlanningIO
import Planning

/// Issue 7, part 5: an output folder is replaced all at once, a failed or killed run leaves the
/// earlier outputs as they were, and bookings files are never half-written.
@Suite struct AtomicOutputTests {
    struct Injected: Error {}

    /// A fresh folder `parent/out` inside a temporary parent.
    final class Place {
        let parent: URL
        var target: URL { parent.appendingPathComponent("out") }
        init() throws {
            parent = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-atomic-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: parent) }

        /// Every file under `out`, relative path → bytes.
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: target.path)
            while let path = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = target.appendingPathComponent(path).path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = FileManager.default.contents(atPath: full)
                }
            }
            return files
        }

        /// Names in the parent other than `out` (staging folders, backups).
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "out" }.sorted()
        }
    }

    static func outputs(_ version: String) -> [String: Data] {
        ["plan.json": Data("{\"version\": \"\(version)\"}\n".utf8),
         "calendar.csv": Data("date,kind\n\(version)\n".utf8),
         "ics/all.ics": Data("BEGIN:VCALENDAR\r\n\(version)\r\nEND:VCALENDAR\r\n".utf8),
         "ics/trainer-a.ics": Data(String(repeating: version, count: 10_000).utf8)]
    }

    @Test func replacesTheWholeSetAndKeepsTheUsersOwnFiles() throws {
        let place = try Place()
        try OutputFolder.write(Self.outputs("one"), to: place.target.path)
        #expect(try place.snapshot() == Self.outputs("one"))
        let notes = Data("Notizen des Büros\n".utf8)
        try notes.write(to: place.target.appendingPathComponent("notes.txt"))
        try FileManager.default.createDirectory(at: place.target.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try notes.write(to: place.target.appendingPathComponent("extra/more.txt"))

        var second = Self.outputs("two")
        second.removeValue(forKey: "ics/trainer-a.ics")
        try OutputFolder.write(second, to: place.target.path)
        let after = try place.snapshot()
        #expect(after["plan.json"] == second["plan.json"])
        #expect(after["ics/all.ics"] == second["ics/all.ics"])
        #expect(after["notes.txt"] == notes, "a file the run does not produce is kept")
        #expect(after["extra/more.txt"] == notes)
        #expect(after["ics/trainer-a.ics"] == Self.outputs("one")["ics/trainer-a.ics"], "an earlier calendar the run does not produce is kept")
        #expect(try place.leftovers().isEmpty, "no staging folder or backup is left behind")
    }

    /// A failure after every possible number of staged files leaves the old set byte for byte.
    @Test func aFailureMidWriteLeavesTheEarlierOutputs() throws {
        let place = try Place()
        try OutputFolder.write(Self.outputs("old"), to: place.target.path)
        let before = try place.snapshot()
        for failAfter in 1...Self.outputs("new").count {
            var written = 0
            let error = #expect(throws: OutputFolder.WriteError.self) {
                try OutputFolder.write(Self.outputs("new"), to: place.target.path) { _ in
                    written += 1
                    if written == failAfter { throw Injected() }
                }
            }
            #expect(error?.description.contains("Injected") == true)
            #expect(try place.snapshot() == before, "failing after \(failAfter) file(s)")
            #expect(try place.leftovers().isEmpty)
        }
        // The first run into a folder that fails leaves no folder at all.
        let fresh = try Place()
        #expect(throws: OutputFolder.WriteError.self) {
            try OutputFolder.write(Self.outputs("new"), to: fresh.target.path) { _ in throw Injected() }
        }
        #expect(!FileManager.default.fileExists(atPath: fresh.target.path))
        #expect(try fresh.leftovers().isEmpty)
    }

    /// What a killed run leaves (a staging folder, or the old outputs moved aside between the two
    /// renames of the fallback) is cleaned up, or put back, by the next run.
    @Test func leftoversOfAKilledRunAreCleanedUp() throws {
        let place = try Place()
        try OutputFolder.write(Self.outputs("old"), to: place.target.path)
        let deadPID = Self.pidOfAFinishedProcess()
        let staging = place.parent.appendingPathComponent(".out.wsplan-new-\(deadPID)")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("ics"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("plan.json"))
        // A staging folder of a live process (this one's parent, say) is not touched.
        let live = place.parent.appendingPathComponent(".out.wsplan-new-\(getppid())")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)

        try OutputFolder.write(Self.outputs("new"), to: place.target.path)
        #expect(try place.snapshot() == Self.outputs("new"))
        #expect(try place.leftovers() == [live.lastPathComponent])

        // Killed between "old → backup" and "new → target": the target is missing, the backup complete.
        let backup = place.parent.appendingPathComponent(".out.wsplan-old-\(deadPID)")
        #expect(rename(place.target.path, backup.path) == 0)
        try OutputFolder.cleanUpAfterEarlierRuns(target: place.target)
        #expect(try place.snapshot() == Self.outputs("new"), "the earlier outputs are put back")
        #expect(!FileManager.default.fileExists(atPath: backup.path))
    }

    @Test func aTargetThatIsAFileIsAnErrorAndUntouched() throws {
        let place = try Place()
        try Data("mine".utf8).write(to: place.target)
        #expect(throws: OutputFolder.WriteError.self) { try OutputFolder.write(Self.outputs("x"), to: place.target.path) }
        #expect(FileManager.default.contents(atPath: place.target.path) == Data("mine".utf8))
        #expect(try place.leftovers().isEmpty)
    }

    /// Many readers look while the folder is rewritten again and again: each sees one complete set.
    @Test func readersNeverSeeAMixedSet() async throws {
        let place = try Place()
        try OutputFolder.write(Self.outputs("v0"), to: place.target.path)
        let target = place.target
        let reader = Task.detached { () -> [String] in
            var mixed: [String] = []
            for _ in 0..<2000 {
                let plan = FileManager.default.contents(atPath: target.appendingPathComponent("plan.json").path)
                let all = FileManager.default.contents(atPath: target.appendingPathComponent("ics/all.ics").path)
                guard let plan, let all else { mixed.append("a file was missing"); continue }
                let version = String(decoding: plan, as: UTF8.self).split(separator: "\"")[3]
                // plan.json is read first: all.ics may be from the same run or a later one, never an earlier one.
                let allVersion = String(decoding: all, as: UTF8.self).split(separator: "\r\n")[1]
                if Int(allVersion.dropFirst())! < Int(version.dropFirst())! { mixed.append("\(version) with \(allVersion)") }
            }
            return mixed
        }
        for version in 1...60 { try OutputFolder.write(Self.outputs("v\(version)"), to: place.target.path) }
        let mixed = await reader.value
        #expect(mixed.isEmpty, "\(mixed.prefix(3))")
    }

    // MARK: Bookings files

    @Test func bookingsFilesAreReplacedWholeAndFlushed() throws {
        let place = try Place()
        let path = place.parent.appendingPathComponent("bookings.yaml").path
        let first = Data("packages: []\n".utf8)
        try DurableFiles.replace(path, with: first)
        #expect(FileManager.default.contents(atPath: path) == first)
        let big = Data(String(repeating: "# line\n", count: 200_000).utf8)
        try DurableFiles.replace(path, with: big)
        #expect(FileManager.default.contents(atPath: path) == big)
        #expect(try place.leftovers() == ["bookings.yaml"], "no temporary file is left")

        // A folder that cannot be written: an error, and the file as it was.
        chmod(place.parent.path, 0o555)
        defer { chmod(place.parent.path, 0o755) }
        if getuid() != 0 {
            #expect(throws: DurableFiles.Failure.self) { try DurableFiles.replace(path, with: first) }
            #expect(FileManager.default.contents(atPath: path) == big)
        }
    }

    @Test func confirmingIntoAnUnwritableFolderReportsAndKeepsTheFile() throws {
        let place = try Place()
        let path = place.parent.appendingPathComponent("bookings.yaml").path
        let plan = Plan(scenario: "s", solver: SolverReport(name: "glpk", status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0),
                        objectiveTerms: ObjectiveTerms(), packages: [], unscheduled: [])
        _ = try BookingsFile.confirm(plan, into: path)
        let before = FileManager.default.contents(atPath: path)
        #expect(before != nil)
        #expect(try BookingsFile.read(path: path).isEmpty)
        // A bookings file with absurd numbers reads without trapping, and is refused with their lines.
        try Data("packages:\n  - municipality: x\n    participants: 1.0e+400\n    lat: abc\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try BookingsFile.read(path: path)
        } throws: { error in
            let problems = (error as? InputErrors)?.problems ?? []
            return problems.contains { $0.line == 3 } && problems.contains { $0.line == 4 }
        }
    }

    /// The pid of a process that has exited (its staging folder is stale).
    static func pidOfAFinishedProcess() -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
