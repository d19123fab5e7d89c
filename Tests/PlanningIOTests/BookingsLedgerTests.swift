import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 15, items 1 and 2: the bookings file has one reader (the scenario's), and a ledger that
/// breaks SPEC's rules R2–R4 is never added to.
@Suite struct BookingsLedgerTests {
    /// One package of a plan, as `wsplan solve` writes it.
    static func package(_ municipality: String, trainers: [String], preparation: String, workshop: String, followup: String,
                        state: GermanState = .NW, lat: Double = 51.90693, lon: Double = 8.37853) -> PlannedPackage {
        let w = Day(iso: workshop)!
        return PlannedPackage(municipality: municipality, name: "Stadt \(municipality)", state: state, place: municipality,
                              trainers: trainers.sorted(), pinned: false, preparation: Day(iso: preparation)!, workshop: [w, w.advanced(by: 1)],
                              followup: Day(iso: followup)!, participants: 20,
                              costs: PackageCosts(fee: 6000, materials: 100, travel: 0, total: 6100, travelItems: []),
                              location: Coordinate(lat: lat, lon: lon))
    }

    static func plan(_ packages: [PlannedPackage]) -> Plan {
        Plan(scenario: "s", solver: SolverReport(name: "glpk", status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0),
             objectiveTerms: ObjectiveTerms(), packages: packages, unscheduled: [])
    }

    /// A good package: preparation Tuesday 2027-01-12, workshop Tue/Wed 2027-02-09/10 (28 days), follow-up Tue 2027-08-10 (182 days).
    static let good = package("guetersloh", trainers: ["mueller", "yilmaz"], preparation: "2027-01-12", workshop: "2027-02-09", followup: "2027-08-10")

    /// The old reader took a missing lat/lon as 0, absurd numbers as 0 and any text as an id; the
    /// scenario's reader refuses each, with its line and column, all at once.
    @Test func theBookingsReaderIsTheScenariosReader() throws {
        let folder = try ScenarioFolder([
            "bookings.yaml": """
                packages:
                  - {municipality: guetersloh, name: Gütersloh, trainers: [mueller, yilmaz], preparation: 2027-01-12, workshop: [2027-02-09, 2027-02-10], followup: 2027-08-10}
                  - {municipality: nowhere, name: Nirgendwohausen, trainers: [mueller, yilmaz], preparation: 2027-01-13, workshop: [2027-02-10, 2027-02-11], followup: 2027-08-11}
                  - {municipality: "x*y", name: Bonn, trainers: [mueller, "a b"], preparation: 2027-01-14, workshop: [2027-02-11], followup: 2027-08-12}
                  - {municipality: essen, name: Essen, participants: 1.0e+400, lat: abc, lon: 7.0, trainers: [mueller, yilmaz], preparation: 2027-01-15, workshop: [2027-02-12, 2027-02-13], followup: 2027-08-13}
                  - {municipality: Guetersloh, name: Gütersloh, trainers: [braun, weber], preparation: 2027-03-02, workshop: [2027-04-06, 2027-04-07], followup: 2027-10-05}
                  - {municipality: koeln, name: Köln, trainers: [koch, Koch], preparation: 2027-03-02, workshop: [2027-04-06, 2027-04-07], followup: 2027-10-05}
                """,
        ])
        let path = folder.path("bookings.yaml")
        var problems: [InputProblem] = []
        do { _ = try BookingsFile.read(path: path) } catch { problems = error.problems }
        #expect(problems.contains("bookings.yaml", line: 3, "unknown place 'Nirgendwohausen'"), "\(problems)")
        #expect(problems.contains("bookings.yaml", line: 4, "contains '*'"))
        #expect(problems.contains("bookings.yaml", line: 4, "contains a space"))
        #expect(problems.contains("bookings.yaml", line: 4, "two consecutive days"))
        #expect(problems.at("bookings.yaml", line: 5).count >= 2, "participants and lat: \(problems)")
        #expect(problems.contains("bookings.yaml", line: 6, "booked twice"))
        #expect(problems.contains("bookings.yaml", line: 7, "names trainer 'koch' twice (as 'Koch'"), "case twins are one trainer")
        #expect(problems.allSatisfy { $0.line != nil && $0.column != nil }, "\(problems)")

        // What is left reads, and a booking without coordinates has the gazetteer's, never 0.
        try Data(("packages:\n" + """
              - {municipality: guetersloh, name: Gütersloh, trainers: [mueller, yilmaz], preparation: 2027-01-12, workshop: [2027-02-09, 2027-02-10], followup: 2027-08-10}
            """ + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let read = try BookingsFile.read(path: path)
        let booking = try #require(read.first)
        #expect(booking.state == .NW && abs(booking.location.lat - 51.9) < 0.1 && abs(booking.location.lon - 8.38) < 0.1)

        // The same file in a scenario gives the same bookings.
        try Data(minimalScenario("bookings: bookings.yaml", municipalities: "[{id: bonn, name: Bonn, participants: 10}]").utf8)
            .write(to: URL(fileURLWithPath: folder.path("scenario.yaml")))
        #expect(try folder.load().bookings == read)
    }

    /// What confirm writes reads back as the same packages, whatever the ids (YAML's `null` too).
    @Test func confirmedPackagesReadBackUnchanged() throws {
        let folder = try ScenarioFolder([:])
        let path = folder.path("bookings.yaml")
        let odd = Self.package("null", trainers: ["true", "köhler.2"], preparation: "2027-01-12", workshop: "2027-02-09", followup: "2027-08-10")
        let added = try BookingsFile.confirm(Self.plan([Self.good, odd]), into: path)
        #expect(added == ["guetersloh", "null"])
        let read = try BookingsFile.read(path: path)
        #expect(read == [Self.good, odd].map { BookingsFile.booking(of: $0)! })
        #expect(try BookingsFile.confirm(Self.plan([Self.good]), into: path).isEmpty, "idempotent")

        // Through a symbolic link: its target gets the package, the link stays a link.
        let link = folder.path("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let third = Self.package("essen", trainers: ["braun", "weber"], preparation: "2027-01-12", workshop: "2027-02-09", followup: "2027-08-10")
        #expect(try BookingsFile.confirm(Self.plan([third]), into: link) == ["essen"])
        #expect((try FileManager.default.attributesOfItem(atPath: link))[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try BookingsFile.read(path: path).map(\.municipality) == ["guetersloh", "null", "essen"])
    }

    /// The probe: a hand-edited booking with its preparation on 25 December and its
    /// workshop on a Sunday. Confirm refuses any plan into that file and leaves it as it was.
    @Test func confirmRefusesALedgerThatBreaksR4() throws {
        let text = """
            packages:
              - {municipality: kassel, name: Kassel, state: HE, lat: 51.31667, lon: 9.5, participants: 20,
                 trainers: [braun, weber], preparation: 2026-12-25, workshop: [2027-01-17, 2027-01-18], followup: 2027-07-13}

            """
        let folder = try ScenarioFolder(["bookings.yaml": text])
        let path = folder.path("bookings.yaml")
        var problems: [InputProblem] = []
        do { _ = try BookingsFile.confirm(Self.plan([Self.good]), into: path) } catch { problems = error.problems }
        #expect(problems.contains("bookings.yaml", line: 2, "breaks R4"), "\(problems)")
        #expect(problems.contains { $0.message.contains("preparation 2026-12-25") && $0.message.contains("public holiday") })
        #expect(problems.contains { $0.message.contains("2027-01-17") && $0.message.contains("Sunday") })
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "nothing written")
    }

    /// A plan whose package breaks R2, R3 or R4 (hand-edited) is not confirmed; by the scenario's
    /// own rules (--scenario) a wider gap is fine.
    @Test func confirmRefusesPackagesThatBreakR2R3R4() throws {
        let folder = try ScenarioFolder([:])
        let path = folder.path("bookings.yaml")
        let shortPrep = Self.package("bonn", trainers: ["braun", "weber"], preparation: "2027-01-26", workshop: "2027-02-09", followup: "2027-08-10")
        let longFollowup = Self.package("essen", trainers: ["koch", "vogel"], preparation: "2027-01-12", workshop: "2027-02-09", followup: "2027-10-05")
        let saturday = Self.package("koeln", trainers: ["arndt", "bauer"], preparation: "2027-01-16", workshop: "2027-02-09", followup: "2027-08-10")
        var problems: [InputProblem] = []
        do { _ = try BookingsFile.confirm(Self.plan([Self.good, shortPrep, longFollowup, saturday]), into: path, planFile: "p.json") } catch {
            problems = error.problems
        }
        #expect(problems.contains { $0.field == "packages[1]" && $0.message.contains("breaks R2") && $0.message.contains("14 days") }, "\(problems)")
        #expect(problems.contains { $0.field == "packages[2]" && $0.message.contains("breaks R3") && $0.message.contains("238 days") })
        #expect(problems.contains { $0.field == "packages[3]" && $0.message.contains("breaks R4") && $0.message.contains("Saturday") })
        #expect(problems.allSatisfy { $0.file == "p.json" })
        #expect(!FileManager.default.fileExists(atPath: path), "nothing written")

        var wide = Rules()
        wide.prepGap = GapRule(min: 14, max: 42, target: 28)
        let source = BookingsFile.RuleSource(rules: wide, origin: "the rules of s.yaml")
        #expect(try BookingsFile.confirm(Self.plan([Self.good, shortPrep]), into: path, rules: source) == ["guetersloh", "bonn"])
    }

    /// R2–R4 of the scenario's bookings: `wsplan check` reports them; the scenario loads with a warning.
    @Test func checkReportsConfirmedBookingsThatBreakR2R3R4() throws {
        let folder = try ScenarioFolder([
            "bookings.yaml": """
                packages:
                  - {municipality: kassel, name: Kassel, state: HE, lat: 51.31667, lon: 9.5,
                     trainers: [mueller, yilmaz], preparation: 2026-12-25, workshop: [2027-01-17, 2027-01-18], followup: 2027-07-13}
                  - {municipality: bonn, name: Bonn, trainers: [mueller, yilmaz], preparation: 2027-02-01, workshop: [2027-02-09, 2027-02-10], followup: 2027-08-10}
                """,
            "scenario.yaml": minimalScenario("bookings: bookings.yaml", municipalities: "[{id: essen, name: Essen, participants: 10}]"),
        ])
        var warnings: [InputProblem] = []
        let scenario = try ScenarioLoader.load(path: folder.path("scenario.yaml"), warnings: { warnings.append($0) })
        #expect(warnings.contains("bookings.yaml", line: 2, "breaks R4"), "\(warnings)")
        #expect(warnings.contains("bookings.yaml", line: 4, "breaks R2"))
        #expect(warnings.allSatisfy { $0.isWarning && $0.description.contains(": warning: ") })

        let pinned = scenario.bookings.map { booking in
            PlannedPackage(municipality: booking.municipality, name: booking.name, state: booking.state, place: booking.name,
                           trainers: booking.trainers.ids, pinned: true, preparation: booking.preparation,
                           workshop: [booking.workshop, booking.workshop.advanced(by: 1)], followup: booking.followup, participants: 0,
                           costs: PackageCosts(fee: 0, materials: 0, travel: 0, total: 0, travelItems: []), location: booking.location)
        }
        let violations = PlanChecker(scenario: scenario).check(Self.plan(pinned)).map(\.message)
        #expect(violations.contains { $0.hasPrefix("R4 kassel: confirmed booking: preparation 2026-12-25") }, "\(violations)")
        #expect(violations.contains { $0.hasPrefix("R4 kassel: confirmed booking: workshop day 2027-01-17") && $0.hasSuffix("Sunday") })
        #expect(violations.contains { $0.hasPrefix("R2 bonn: confirmed booking: workshop 2027-02-09 is 8 days") })
        #expect(!violations.contains { $0.hasPrefix("R9") }, "the bookings are carried over exactly")
    }
}
