import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 15, the last plan.json holes: amounts below a cent, free text without a limit, and
/// structural problems reported one per run. Each test fails on the code before this change.
@Suite struct PlanFileCompletenessTests {
    typealias H = HostilePlanFileTests

    static func editing(_ tree: [String: Any], _ key: String, at index: Int? = nil,
                        _ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var tree = tree
        if let index {
            var list = try #require(tree[key] as? [[String: Any]])
            edit(&list[index])
            tree[key] = list
        } else {
            var map = try #require(tree[key] as? [String: Any])
            edit(&map)
            tree[key] = map
        }
        return tree
    }

    // MARK: - Money in whole cents (SPEC §3)

    @Test(arguments: [
        ("packages[0].costs.total", 27865.004), ("packages[0].costs.fee", 6000.001), ("objective_terms.travel", 1.5e-3),
        ("solver.objective", 0.125), ("packages[0].costs.travel_items[0].cost", 12.345),
    ])
    func amountsBelowACentAreRefused(field: String, value: Double) throws {
        var tree = try H.tree()
        switch field {
        case "objective_terms.travel": tree = try Self.editing(tree, "objective_terms") { $0["travel"] = value }
        case "solver.objective": tree = try Self.editing(tree, "solver") { $0["objective"] = value }
        default:
            tree = try Self.editing(tree, "packages", at: 0) { package in
                var costs = package["costs"] as! [String: Any]
                if field.hasSuffix("cost") {
                    costs["travel_items"] = [["trainer": "mueller", "event": "workshop", "km": 12.3, "round_trips": 2,
                                               "hotel_nights": 0, "cost": value]]
                } else {
                    costs[String(field.split(separator: ".").last!)] = value
                }
                package["costs"] = costs
            }
        }
        let problems = try H.problems(tree)
        #expect(problems.contains { $0.field == field && $0.message.contains("not a whole number of cents") && $0.line != nil }, "\(problems)")
    }

    /// What the product writes from whole cents carries binary noise (0.1 + 0.2); that is whole cents.
    @Test func binaryNoiseIsWholeCents() throws {
        for eur in [0.1 + 0.2, 27865.0, 1e10 + 0.01, 0.07 * 3, 123456.78 - 0.01, -300.0, Ledger.eur(2_786_501)] {
            #expect(PlanFileValues.isWholeCents(eur), "\(eur)")
        }
        for eur in [27865.004, 12.345, 0.001, 1e9 + 0.005] { #expect(!PlanFileValues.isWholeCents(eur), "\(eur)") }
        let tree = try Self.editing(try H.tree(), "packages", at: 0) { package in
            var costs = package["costs"] as! [String: Any]
            costs["materials"] = 0.1 + 0.2
            package["costs"] = costs
        }
        #expect(try H.problems(tree).isEmpty)
    }

    // MARK: - Every free text has a limit

    static func withUnscheduled(_ entry: [String: Any]) throws -> [String: Any] {
        var tree = try H.tree()
        tree["unscheduled"] = [entry]
        return tree
    }

    @Test func reasonsAreFewAndOfBoundedLength() throws {
        let many = try H.problems(Self.withUnscheduled(["municipality": "bonn", "name": "Bonn", "reasons": Array(repeating: "R7: x", count: 51)]))
        #expect(many.contains { $0.field == "unscheduled[0].reasons" && $0.message.contains("at most 50") }, "\(many)")
        let long = String(repeating: "x", count: UnscheduledRequest.longestReason + 1)
        let longOne = try H.problems(Self.withUnscheduled(["municipality": "bonn", "name": "Bonn", "reasons": ["short", long]]))
        #expect(longOne.contains { $0.field == "unscheduled[0].reasons[1]" && $0.message.contains("at most 20000") }, "\(longOne)")
        let broken = try H.problems(Self.withUnscheduled(["municipality": "bonn", "name": "Bonn", "reasons": ["one\r\nX-INJ:1"]]))
        #expect(broken.contains { $0.field == "unscheduled[0].reasons[0]" && $0.message.contains("line break") }, "\(broken)")
        let kind = try H.problems(Self.withUnscheduled(["municipality": "bonn", "name": "Bonn", "reasons": ["r"], "kind": String(repeating: "k", count: 300)]))
        #expect(kind.contains { $0.field == "unscheduled[0].kind" }, "\(kind)")
        // The words behind the reasons are names, ids and days: at most a name's length.
        let obstacle = try H.problems(Self.withUnscheduled(["municipality": "bonn", "name": "Bonn", "reasons": ["r"],
                                                               "obstacles": [["public_holiday": ["name": String(repeating: "F", count: 201)]]]]))
        #expect(obstacle.contains { ($0.field ?? "").hasPrefix("unscheduled[0].obstacles") && $0.message.contains("at most 200") }, "\(obstacle)")
    }

    /// The planner cuts a reason to the limit the reader keeps, so its own plans always read.
    @Test func thePlannerClipsAReasonToTheLimit() {
        let clipped = UnscheduledRequest.clipped(String(repeating: "y", count: UnscheduledRequest.longestReason * 2))
        #expect(clipped.count == UnscheduledRequest.longestReason && clipped.hasSuffix("…"))
        #expect(UnscheduledRequest.clipped("short") == "short")
    }

    @Test func otherFreeTextHasItsLimit() throws {
        let name = try Self.editing(try H.tree(), "solver") { $0["name"] = String(repeating: "g", count: TextLimits.maxNameLength + 1) }
        #expect(try H.problems(name).contains { $0.field == "solver.name" && $0.message.contains("200") })
        var moved = try H.tree()
        moved["moves"] = ["previous": String(repeating: "p", count: 5_000), "events_moved": 0]
        #expect(try H.problems(moved).contains { $0.field == "moves.previous" })
        // `modified` goes into every calendar as it is (LAST-MODIFIED): a CRLF there was a new property.
        let stamped = try H.editEvent(try H.tree(), where: "kiel-preparation@wsplan") { $0["modified"] = "20270101T120000Z\r\nX-INJ:1" }
        let problems = try H.problems(stamped)
        #expect(problems.contains { ($0.field ?? "").hasSuffix(".modified") && $0.message.contains("line break") }, "\(problems)")
        #expect(problems.filter { ($0.field ?? "").hasSuffix(".modified") }.count == 1, "one message per field: \(problems)")
        let odd = try H.editEvent(try H.tree(), where: "kiel-preparation@wsplan") { $0["modified"] = "yesterday" }
        #expect(try H.problems(odd).contains { ($0.field ?? "").hasSuffix(".modified") && $0.message.contains("YYYYMMDDTHHMMSSZ") })
    }

    // MARK: - Every structural problem at once

    @Test func everyStructuralProblemIsReportedAtOnce() throws {
        var tree = try H.tree()
        tree = try Self.editing(tree, "packages", at: 0) { $0["followup"] = nil }
        tree = try Self.editing(tree, "packages", at: 1) { package in
            var costs = package["costs"] as! [String: Any]
            costs["fee"] = "6000"
            package["costs"] = costs
        }
        tree = try Self.editing(tree, "packages", at: 2) { $0["workshop"] = 5 }
        tree = try Self.editing(tree, "solver") { $0["status"] = "great" }
        tree = try Self.editing(tree, "objective_terms") { $0["travel"] = nil }
        tree = try H.editEvent(tree, where: "kiel-preparation@wsplan") { $0["date"] = "2027-02-30" }
        let problems = try H.problems(tree)
        let fields = Set(problems.compactMap(\.field))
        let expected: Set<String> = ["packages[0].followup", "packages[1].costs.fee", "packages[2].workshop", "solver.status", "objective_terms.travel"]
        #expect(expected.isSubset(of: fields), "\(problems)")
        #expect(fields.contains { $0.hasPrefix("events[") && $0.hasSuffix(".date") }, "\(problems)")
        #expect(problems.allSatisfy { $0.line != nil && $0.column != nil }, "\(problems)")
    }

    /// The position of a field, as an editor shows it.
    @Test func positionsOfFields() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}],\n  \"c\": {\"d\": null}, \"e\": {}\n}"
        let positions = JSONPositions.of(Data(text.utf8))
        #expect(positions["a"] == .init(line: 2, column: 8))
        #expect(positions["a[1].b"] == .init(line: 2, column: 18))
        #expect(positions["c.d"] == .init(line: 3, column: 14))
        #expect(positions["e"] == .init(line: 3, column: 26))
    }
}
