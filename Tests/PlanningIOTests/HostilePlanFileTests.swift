import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 15, probed again: plan.json edits that every reader (`check`, `ics`, `report`, …) took
/// before. Each test fails on the code before this change.
@Suite struct HostilePlanFileTests {
    typealias F = ICalendarFixture

    /// The fixture plan with its events, as a JSON tree to edit.
    static func tree() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try PlanFile.encode(F.before)) as? [String: Any])
    }

    /// The problems `PlanFile.read` finds in `tree` (none when it reads).
    static func problems(_ tree: [String: Any]) throws -> [InputProblem] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-hostile-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try JSONSerialization.data(withJSONObject: tree).write(to: url)
        do {
            _ = try PlanFile.read(path: url.path)
            return []
        } catch {
            return error.problems
        }
    }

    static func editEvent(_ tree: [String: Any], where uid: String, _ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var tree = tree
        var events = try #require(tree["events"] as? [[String: Any]])
        let i = try #require(events.firstIndex { $0["uid"] as? String == uid })
        edit(&events[i])
        tree["events"] = events
        return tree
    }

    @Test func theFixtureReads() throws {
        #expect(try Self.problems(Self.tree()).isEmpty)
    }

    /// `ics` writes the events; `check` reads the packages: an event on another day than its
    /// package, with other trainers, missing, or alive without a package, used to pass both.
    @Test func eventsMustBeThoseOfThePackages() throws {
        let tree = try Self.tree()
        let moved = try Self.editEvent(tree, where: "kiel-preparation@wsplan") { $0["date"] = "2027-01-20" }
        #expect(try Self.problems(moved).contains { ($0.field ?? "").hasSuffix(".date") && $0.message.contains("2027-01-19") })
        let restaffed = try Self.editEvent(tree, where: "hamm-followup@wsplan") { $0["trainers"] = ["mueller", "yilmaz"] }
        #expect(try Self.problems(restaffed).contains { ($0.field ?? "").hasSuffix(".trainers") && $0.message.contains("hansen + nowak") })
        var dropped = tree
        dropped["events"] = (tree["events"] as? [[String: Any]])?.filter { $0["uid"] as? String != "jena-workshop-2@wsplan" }
        #expect(try Self.problems(dropped).contains { $0.message.contains("jena-workshop-2@wsplan") })
        var orphan = tree
        var events = try #require(tree["events"] as? [[String: Any]])
        var extra = events[0]
        extra["uid"] = "bonn-preparation@wsplan"
        extra["municipality"] = "bonn"
        events.append(extra)
        orphan["events"] = events
        #expect(try Self.problems(orphan).contains { $0.message.contains("can only be cancelled") })
        let unconfirmed = try Self.editEvent(tree, where: "guetersloh-followup@wsplan") { $0["status"] = "tentative" }
        #expect(try Self.problems(unconfirmed).contains { ($0.field ?? "").hasSuffix(".status") })
    }

    /// A UID is written as it is: `;`, `,` and `\` would need iCalendar escaping.
    @Test func uidsHoldNoICalendarSpecials() throws {
        for uid in ["kiel;x-preparation@wsplan", "a,b@wsplan", #"a\b@wsplan"#, "a\"b@wsplan"] {
            let tree = try Self.editEvent(try Self.tree(), where: "kiel-preparation@wsplan") { $0["uid"] = uid }
            #expect(try Self.problems(tree).contains { ($0.field ?? "").hasSuffix(".uid") }, "\(uid)")
        }
    }

    /// A cancelled `Hamm` beside a planned `hamm` would be two calendar files that are one on
    /// Windows and macOS.
    @Test func oneSpellingPerIdAcrossEvents() throws {
        var tree = try Self.tree()
        var events = try #require(tree["events"] as? [[String: Any]])
        var cancelled = try #require(events.first { $0["uid"] as? String == "hamm-preparation@wsplan" })
        cancelled["uid"] = "Hamm-preparation@wsplan"
        cancelled["municipality"] = "Hamm"
        cancelled["status"] = "cancelled"
        events.append(cancelled)
        tree["events"] = events
        #expect(try Self.problems(tree).contains { $0.message.contains("also spelt") })
    }

    /// DTEND before DTSTART is no valid event.
    @Test func calendarTimesRunForwards() throws {
        var tree = try Self.tree()
        var calendar = try #require(tree["calendar"] as? [String: Any])
        calendar["meeting"] = ["13:00", "09:30"]
        tree["calendar"] = calendar
        #expect(try Self.problems(tree).contains { $0.field == "calendar.meeting" })
    }

    @Test func negativeSecondsAreRefused() throws {
        var tree = try Self.tree()
        var solver = try #require(tree["solver"] as? [String: Any])
        solver["seconds"] = -5
        tree["solver"] = solver
        #expect(try Self.problems(tree).contains { $0.field == "solver.seconds" })
    }

    /// A count with a fraction, or a field of the wrong kind, is named by its field with a plain
    /// sentence (it was "field : The given data was not valid JSON.").
    @Test func wrongKindsNameTheirField() throws {
        var tree = try Self.tree()
        var packages = try #require(tree["packages"] as? [[String: Any]])
        packages[1]["participants"] = 2.5
        tree["packages"] = packages
        let fraction = try Self.problems(tree)
        #expect(fraction.contains { $0.field == "packages[1].participants" && $0.message.contains("whole number") }, "\(fraction)")

        var shaped = try Self.tree()
        shaped["packages"] = ["municipality": "x"]
        let object = try Self.problems(shaped)
        #expect(object.contains { $0.field == "packages" && $0.message.contains("a list") }, "\(object)")
    }

    /// Line and paragraph separators and bidirectional overrides are line breaks or hidden text
    /// for calendar and spreadsheet programs.
    @Test(arguments: ["Jena\u{2028}X-INJ:1", "Jena\u{2029}", "Je\u{202E}na", "Jena\u{2066}"])
    func namesWithHiddenBreaksAreRefused(_ name: String) throws {
        #expect(TextLimits.nameProblem(name, what: "name") != nil)
        var tree = try Self.tree()
        tree["scenario"] = name
        #expect(try Self.problems(tree).contains { $0.field == "scenario" })
    }

    /// The message quotes the bad name; printed raw, its escape sequence recoloured (or its line
    /// break forged a line of) the terminal, and an RLO turned the rest of the line around.
    @Test func aMessageQuotingHostileTextPrintsNoControlCharacter() throws {
        var tree = try Self.tree()
        var packages = try #require(tree["packages"] as? [[String: Any]])
        packages[0]["name"] = "G\u{1B}[2J\r\nplan.json: ok\u{202E}"
        tree["packages"] = packages
        let printed = InputErrors(problems: try Self.problems(tree)).description
        #expect(printed.contains("packages[0].name") && printed.contains(#"\u{1B}[2J\r\nplan.json: ok\u{202E}"#), "\(printed)")
        #expect(!printed.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
    }

    /// JSONSerialization (the checks) keeps the last of two equal keys, JSONDecoder (the use) the
    /// first: a second "packages" hid a 1e308 total, and `wsplan ics` trapped (exit 132).
    @Test func aKeyWrittenTwiceIsRefusedWithItsPosition() throws {
        let good = String(decoding: try JSONSerialization.data(withJSONObject: try #require(Self.tree()["packages"])), as: UTF8.self)
        let bad = good.replacingOccurrences(of: "\"total\":", with: "\"total\":1e308,\"was\":")
        var rest = try Self.tree()
        rest["packages"] = nil
        let body = String(decoding: try JSONSerialization.data(withJSONObject: rest), as: UTF8.self).dropFirst().dropLast()
        for text in ["{\(body),\n\"packages\":\(bad),\n\"packages\":\(good)}", "{\(body),\n\"packages\":\(good),\n\"pack\\u0061ges\":\(bad)}"] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-dup-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(text.utf8).write(to: url)
            let error = #expect(throws: InputErrors.self) { try PlanFile.read(path: url.path) }
            let problem = try #require(error?.problems.first)
            #expect(problem.line == 3 && problem.column == 1 && problem.message.contains("\"packages\" appears twice"), "\(problem)")
        }
        #expect(JSONDuplicateKeys.first(in: Data(#"{"a":{"b":1},"c":[{"b":2},{"b":3}],"d":"\"b\""}"#.utf8)) == nil)
    }

    /// Year 0000 passed every check and was confirmed into the bookings (a scenario's dates lie
    /// in 2000–2199, DayText.years); its dates printed as "0-01-03".
    @Test(arguments: ["0000", "1999", "2200"])
    func datesOutsideTheScenarioYearsAreRefused(_ year: String) throws {
        var tree = try Self.tree()
        var packages = try #require(tree["packages"] as? [[String: Any]])
        packages[1]["followup"] = "\(year)-06-01"
        tree["packages"] = packages
        let tree2 = try Self.editEvent(tree, where: "kiel-followup@wsplan") { $0["date"] = "\(year)-06-01" }
        let problems = try Self.problems(tree2)
        #expect(problems.contains { $0.field == "packages[1].followup" && $0.message.contains("2000–2199") }, "\(problems)")
    }

    /// A bookings file that is a dangling symbolic link (or a loop) was replaced by a new file.
    @Test func aBookingsLinkThatLeadsNowhereIsRefused() throws {
        let folder = try ScenarioFolder([:])
        let link = folder.url.appendingPathComponent("bookings.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "bookings.yaml")
        // A plan confirm takes otherwise (one package with coordinates, SPEC's gaps kept).
        let plan = F.plan([F.guetersloh])
        let error = #expect(throws: InputErrors.self) { try BookingsFile.confirm(plan, into: link.path, warnings: { _ in }) }
        #expect(error?.problems.first?.message.contains("symbolic link") == true, "\(String(describing: error))")
        #expect((try FileManager.default.attributesOfItem(atPath: link.path))[.type] as? FileAttributeType == .typeSymbolicLink)
    }
}
