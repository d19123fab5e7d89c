import Foundation
import Testing
@testable import PlanningIO
import Planning

/// `wsplan compare`'s figures, checked against hand-computed values.
@Suite struct PlanComparisonTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func package(_ municipality: String, _ trainers: [String], pinned: Bool = false,
                        prep: String, workshop: String, followup: String,
                        fee: Double = 6000, materials: Double, travel: Double, total: Double,
                        hotel: [(String, EventKind, Int)] = []) -> PlannedPackage {
        let first = day(workshop)
        let items = hotel.map { TravelItem(trainer: $0.0, event: $0.1, km: 300, roundTrips: 1, hotelNights: $0.2, cost: 100) }
        return PlannedPackage(municipality: municipality, name: municipality.capitalized, state: .NW, place: municipality.capitalized,
                              trainers: trainers, pinned: pinned, preparation: day(prep), workshop: [first, first.advanced(by: 1)],
                              followup: day(followup), participants: 20,
                              costs: PackageCosts(fee: fee, materials: materials, travel: travel, total: total, travelItems: items))
    }

    static func unscheduled(_ ids: [String]) -> [UnscheduledRequest] {
        ids.map { UnscheduledRequest(municipality: $0, name: $0, reasons: ["no trainers free"]) }
    }

    /// The reference: four packages, one pinned, one request left out.
    static let base = Plan(
        scenario: "Base", solver: SolverReport(name: "glpk", status: .optimal, objective: 1, bound: 1, gap: 0, seconds: 1),
        objectiveTerms: ObjectiveTerms(),
        packages: [
            package("guetersloh", ["mueller", "yilmaz"], prep: "2027-01-12", workshop: "2027-02-09", followup: "2027-08-10",
                    materials: 150, travel: 812.40, total: 6962.40,
                    hotel: [("mueller", .preparation, 0), ("mueller", .workshop, 2), ("yilmaz", .workshop, 1)]),
            package("kassel", ["nowak", "schmidt"], pinned: true, prep: "2027-01-05", workshop: "2027-01-26", followup: "2027-07-20",
                    materials: 200, travel: 300.15, total: 6500.15),
            package("berlin", ["mueller", "nowak"], prep: "2027-01-20", workshop: "2027-02-17", followup: "2027-08-17",
                    materials: 125, travel: 99.99, total: 6224.99, hotel: [("nowak", .followup, 1)]),
            package("essen", ["hansen", "yilmaz"], prep: "2027-01-25", workshop: "2027-03-01", followup: "2027-09-01",
                    materials: 50, travel: 0.01, total: 6050.01),
        ],
        unscheduled: unscheduled(["leipzig"]))

    /// Against the base: Gütersloh's workshop a day later, Berlin re-staffed, Essen dropped,
    /// Kassel unchanged, Dresden new.
    static let variant = Plan(
        scenario: "Variant", solver: SolverReport(name: "glpk", status: .feasible, objective: 1, bound: 1, gap: 0.0123, seconds: 1),
        objectiveTerms: ObjectiveTerms(),
        packages: [
            package("guetersloh", ["mueller", "yilmaz"], prep: "2027-01-12", workshop: "2027-02-10", followup: "2027-08-10",
                    materials: 150, travel: 820.00, total: 6970.00,
                    hotel: [("mueller", .workshop, 2), ("yilmaz", .workshop, 1)]),
            package("kassel", ["nowak", "schmidt"], pinned: true, prep: "2027-01-05", workshop: "2027-01-26", followup: "2027-07-20",
                    materials: 200, travel: 300.15, total: 6500.15),
            package("berlin", ["hansen", "mueller"], prep: "2027-01-20", workshop: "2027-02-17", followup: "2027-08-17",
                    materials: 125, travel: 150.50, total: 6275.50),
            package("dresden", ["mueller", "nowak"], prep: "2027-01-18", workshop: "2027-02-15", followup: "2027-08-16",
                    materials: 175, travel: 402.33, total: 6577.33, hotel: [("nowak", .workshop, 2)]),
        ],
        unscheduled: unscheduled(["essen", "leipzig"]))

    /// A solver that found nothing.
    static let empty = Plan(
        scenario: "Empty | none", solver: SolverReport(name: "glpk", status: .noPlan, objective: nil, bound: nil, gap: nil, seconds: 10),
        objectiveTerms: ObjectiveTerms(), packages: [],
        unscheduled: unscheduled(["a", "b", "c", "d", "e"]))

    static let comparison = PlanComparison([(title: "A.yaml", plan: base), (title: "B.yaml", plan: variant), (title: "C.yaml", plan: empty)])

    func values(_ key: String) throws -> [PlanComparison.Value] {
        try #require(Self.comparison.rows.first { $0.key == key }).values
    }

    func shown(_ key: String) throws -> [String] { try values(key).map(\.display) }

    @Test func rowsAreInOrder() {
        #expect(Self.comparison.columns == ["A.yaml", "B.yaml", "C.yaml"])
        #expect(Self.comparison.rows.map(\.key) == [
            "scenario", "solver", "served", "pinned", "unscheduled", "total_eur", "total_new_eur", "fee_eur", "materials_eur",
            "travel_eur", "eur_per_municipality", "hotel_nights", "trainer_days", "largest_load", "events_moved"])
        #expect(Self.comparison.rows.allSatisfy { $0.values.count == 3 })
    }

    @Test func scenarioSolverAndCounts() throws {
        #expect(try shown("scenario") == ["Base", "Variant", "Empty | none"])
        #expect(try values("solver") == [.solver(status: .optimal, gap: 0), .solver(status: .feasible, gap: 0.0123),
                                         .solver(status: .noPlan, gap: nil)])
        #expect(try shown("solver") == ["optimal, gap 0.00%", "feasible, gap 1.23%", "no_plan"])
        #expect(try values("served") == [.count(3), .count(3), .count(0)])
        #expect(try values("pinned") == [.count(1), .count(1), .count(0)])
        #expect(try values("unscheduled") == [.count(1), .count(2), .count(5)])
    }

    @Test func moneyToTheCent() throws {
        // A: 6962.40 + 6500.15 + 6224.99 + 6050.01; B: 6970.00 + 6500.15 + 6275.50 + 6577.33.
        #expect(try shown("total_eur") == ["25737.55", "26322.98", "0.00"])
        #expect(try shown("total_new_eur") == ["19237.40", "19822.83", "0.00"])
        #expect(try shown("fee_eur") == ["24000.00", "24000.00", "0.00"])
        #expect(try shown("materials_eur") == ["525.00", "650.00", "0.00"])
        // A: 812.40 + 300.15 + 99.99 + 0.01; B: 820.00 + 300.15 + 150.50 + 402.33.
        #expect(try shown("travel_eur") == ["1212.55", "1672.98", "0.00"])
        // A: 25737.55 / 4 = 6434.3875; B: 26322.98 / 4 = 6580.745, half away from zero; C: nobody served.
        #expect(try values("eur_per_municipality") == [.money(cents: 643_439), .money(cents: 658_075), PlanComparison.Value.none])
        #expect(try shown("eur_per_municipality") == ["6434.39", "6580.75", "–"])
    }

    @Test func hotelNightsTrainerDaysAndLoad() throws {
        #expect(try values("hotel_nights") == [.count(4), .count(5), .count(0)])
        #expect(try values("trainer_days") == [.count(32), .count(32), .count(0)])
        #expect(try values("largest_load") == [.load(packages: 2, trainers: ["mueller", "nowak", "yilmaz"]),
                                               .load(packages: 3, trainers: ["mueller"]), .load(packages: 0, trainers: [])])
        #expect(try shown("largest_load") == ["2 (mueller, nowak, yilmaz)", "3 (mueller)", "0"])
    }

    @Test func eventsMovedAgainstTheFirst() throws {
        // Gütersloh: the workshop (1); Berlin: new trainers for all three events (3); Essen dropped (3).
        // The empty plan drops all four packages: 12.
        #expect(try values("events_moved") == [.count(0), .count(7), .count(12)])
        #expect(PlanComparison.eventsMoved(from: Self.variant, to: Self.variant) == 0)
        // The other way round: Berlin 3, Gütersloh 1, Dresden dropped 3; Essen is new and does not count.
        #expect(PlanComparison.eventsMoved(from: Self.variant, to: Self.base) == 7)
        var shifted = Self.base
        shifted.packages[0].preparation = shifted.packages[0].preparation.advanced(by: 1)
        shifted.packages[0].workshop = shifted.packages[0].workshop.map { $0.advanced(by: 1) }
        shifted.packages[0].followup = shifted.packages[0].followup.advanced(by: 1)
        #expect(PlanComparison.eventsMoved(from: Self.base, to: shifted) == 3)
    }

    @Test func moneyIsSummedInCents() {
        let plan = Plan(scenario: "drift", solver: SolverReport(name: "glpk", status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0),
                        objectiveTerms: ObjectiveTerms(),
                        packages: (0..<10).map { index in
                            Self.package("m\(index)", ["a", "b"], prep: "2027-01-04", workshop: "2027-02-01", followup: "2027-08-02",
                                         fee: 0.1, materials: 0.2, travel: 0.3, total: 0.6)
                        }, unscheduled: [])
        let rows = PlanComparison([(title: "x", plan: plan)]).rows
        let total = rows.first { $0.key == "total_eur" }?.values
        #expect(total == [.money(cents: 600)])
        #expect(rows.first { $0.key == "fee_eur" }?.values.map(\.display) == ["1.00"])
        #expect(rows.first { $0.key == "largest_load" }?.values.map(\.display) == ["10 (a, b)"])
    }

    @Test func textIsAligned() {
        let text = Self.comparison.text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(text.hasSuffix("\n"))
        #expect(lines.count == Self.comparison.rows.count + 2)
        #expect(lines[0].hasPrefix("metric"))
        for title in Self.comparison.columns { #expect(lines[0].contains(title)) }
        #expect(Set(lines.map(\.count)).count == 1, "every line as wide as the table")
        func tokens(_ label: String) -> [String] {
            lines.first { $0.hasPrefix(label + " ") }.map { $0.dropFirst(label.count).split(separator: " ").map(String.init) } ?? []
        }
        #expect(tokens("travel EUR") == ["1212.55", "1672.98", "0.00"])
        #expect(tokens("events moved vs. first") == ["0", "7", "12"])
        #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
    }

    @Test func markdownIsAGitHubTable() {
        let lines = Self.comparison.markdown().split(separator: "\n").map(String.init)
        #expect(lines.count == Self.comparison.rows.count + 2)
        #expect(lines[0] == "| metric | A.yaml | B.yaml | C.yaml |")
        #expect(lines[1] == "| --- | ---: | ---: | ---: |")
        #expect(lines.contains("| scenario | Base | Variant | Empty \\| none |"))
        #expect(lines.contains("| total EUR (all packages) | 25737.55 | 26322.98 | 0.00 |"))
        #expect(lines.contains("| events moved vs. first | 0 | 7 | 12 |"))
    }

    @Test func jsonParsesBack() throws {
        let data = Data(Self.comparison.json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "wsplan-compare/1")
        #expect(object["columns"] as? [String] == ["A.yaml", "B.yaml", "C.yaml"])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["key"] as? String } == Self.comparison.rows.map(\.key))
        #expect(rows.map { $0["metric"] as? String } == Self.comparison.rows.map(\.metric))
        func row(_ key: String) throws -> [Any] { try #require(rows.first { $0["key"] as? String == key }?["values"] as? [Any]) }
        #expect(try row("scenario") as? [String] == ["Base", "Variant", "Empty | none"])
        #expect(try row("total_eur") as? [Double] == [25737.55, 26322.98, 0])
        #expect(try row("served") as? [Int] == [3, 3, 0])
        let perMunicipality = try row("eur_per_municipality")
        #expect(perMunicipality[1] as? Double == 6580.75)
        #expect(perMunicipality[2] is NSNull)
        let solver = try #require(try row("solver") as? [[String: Any]])
        #expect(solver.map { $0["status"] as? String } == ["optimal", "feasible", "no_plan"])
        #expect(solver[1]["gap"] as? Double == 0.0123)
        #expect(solver[2]["gap"] is NSNull)
        let load = try #require(try row("largest_load") as? [[String: Any]])
        #expect(load.map { $0["packages"] as? Int } == [2, 3, 0])
        #expect(load[1]["trainers"] as? [String] == ["mueller"])
        #expect(try row("events_moved") as? [Int] == [0, 7, 12])
    }

    @Test func everyFormatShowsEveryColumn() {
        for format in PlanComparison.Format.allCases {
            let output = Self.comparison.render(format)
            for title in Self.comparison.columns { #expect(output.contains(title), "\(format) lacks \(title)") }
            for row in Self.comparison.rows { #expect(output.contains(row.metric), "\(format) lacks \(row.metric)") }
        }
    }

    @Test func jsonEscapesStrings() throws {
        let odd = PlanComparison(columns: ["a\"b\\c\n"], rows: [.init(key: "k", metric: "m\t", values: [.text("x\u{1}y")])])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(odd.json().utf8)) as? [String: Any])
        #expect(object["columns"] as? [String] == ["a\"b\\c\n"])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows[0]["values"] as? [String] == ["x\u{1}y"])
    }
}
