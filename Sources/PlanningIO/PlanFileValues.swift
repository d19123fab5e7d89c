import Foundation
import Planning

/// The checks `PlanFile.read` makes on every value of the parsed JSON tree, before decoding:
/// numbers finite and bounded, counts whole, money in whole cents (SPEC §3), and text on one
/// line and of bounded length, wherever it stands (fields of their own, like names and ids, get
/// their tighter rules in `PlanFileRules`).
struct PlanFileValues {
    let file: String
    private(set) var problems: [InputProblem] = []
    /// Enough to see what is wrong; a hostile file cannot fill the terminal.
    static let mostProblems = 50

    static func problems(of tree: Any, file: String) -> [InputProblem] {
        var values = PlanFileValues(file: file)
        values.check(tree, field: "")
        return values.problems
    }

    private mutating func add(_ field: String, _ message: String) {
        problems.append(InputProblem(file: file, field: field, message: message + "; this is not a plan wsplan wrote: solve the scenario again"))
    }

    private mutating func check(_ value: Any, field: String) {
        guard problems.count < Self.mostProblems else { return }
        switch value {
        case let map as [String: Any]:
            for (key, item) in map.sorted(by: { $0.key < $1.key }) {
                check(item, field: field.isEmpty ? key : "\(field).\(key)")
            }
        case let list as [Any]:
            for (index, item) in list.enumerated() { check(item, field: "\(field)[\(index)]") }
        case let text as String:
            checkText(text, field)
        case is NSNull:
            return
        case let number as NSNumber:
            checkNumber(number, field)
        default:
            return
        }
    }

    /// The cheap test first: a plan has a million values, and most are fine.
    private mutating func checkNumber(_ number: NSNumber, _ field: String) {
        let double = number.doubleValue
        if !double.isFinite || abs(double) > PlanFile.largestNumber {
            add(field, "\(number) is out of range (at most \(Int(PlanFile.largestNumber)) in magnitude)")
        } else if double.rounded() != double, Self.wholeNumberKeys.contains(Self.lastKey(of: Self.shape(of: field))) {
            add(field, "\(number) is not a whole number")
        } else if !Self.isWholeCents(double), Self.moneyFields.contains(Self.shape(of: field)) {
            add(field, "\(number) EUR is not a whole number of cents; money in a plan is a ledger in cents (SPEC §3), at most two decimals")
        }
    }

    /// Reasons may be long sentences; everything else in a plan is a name, an id, a code, a date
    /// or a time, and the obstacles and changes behind the reasons name trainers, days and
    /// holidays. Nothing holds a line break: a calendar or CSV line would end there.
    private mutating func checkText(_ text: String, _ field: String) {
        // Printable ASCII within a name's length (almost every text of a plan) is fine anywhere.
        if text.utf8.count <= TextLimits.maxNameLength, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return }
        let shape = Self.shape(of: field)
        let longest = shape == "unscheduled[].reasons[]" ? UnscheduledRequest.longestReason : Self.longestText(shape)
        if text.count > longest {
            add(field, "the text '\(text.prefix(40))…' is \(text.count) characters long; at most \(longest) are allowed here")
        } else if text.unicodeScalars.contains(where: TextLimits.isBreakOrControl) {
            add(field, "the text '\(text.prefix(40))' contains a line break or control character; write it on one line")
        }
    }

    /// The limit of a text that is not a reason: the obstacles' and changes' words are names, ids
    /// and days; any other text is bounded by the longest reason, so that no field is without a
    /// limit (names, ids and the like get their tighter rules in `PlanFileRules`).
    private static func longestText(_ shape: String) -> Int {
        if shape.hasPrefix("unscheduled[].obstacles") || shape.hasPrefix("unscheduled[].changes") { return TextLimits.maxNameLength }
        return UnscheduledRequest.longestReason
    }

    /// Whether `eur` is a whole number of cents. plan.json's amounts are written from whole cents
    /// (`Double(cents) / 100`, or sums such as 0.1 + 0.2), so they carry binary noise of a few
    /// units in the last place; a real fraction of a cent is far larger.
    static func isWholeCents(_ eur: Double) -> Bool {
        let cents = eur * 100
        return abs(cents - cents.rounded()) <= max(1e-6, 8 * cents.ulp)
    }

    /// The fields that hold counts: JSONDecoder refuses 2.5 there without naming the field.
    private static let wholeNumberKeys: Set<String> = ["participants", "round_trips", "hotel_nights", "sequence", "workshop_day",
                                                       "rows", "columns", "nonzeros", "events_moved"]

    /// The fields that hold EUR amounts (SPEC §3: whole cents), by their shape.
    static let moneyFields: Set<String> = [
        "solver.objective", "solver.bound",
        "objective_terms.unscheduled", "objective_terms.travel", "objective_terms.prep_gap", "objective_terms.followup_gap",
        "objective_terms.preferred_pairs", "objective_terms.max_load", "objective_terms.move",
        "packages[].costs.fee", "packages[].costs.materials", "packages[].costs.travel", "packages[].costs.total",
        "packages[].costs.travel_items[].cost",
    ]

    /// A field path without the numbers of its list indices: `packages[2].costs.travel_items[0].cost`
    /// is `packages[].costs.travel_items[].cost`.
    static func shape(of field: String) -> String {
        var shape = ""
        var inIndex = false
        for character in field {
            if character == "]" { inIndex = false }
            if !inIndex { shape.append(character) }
            if character == "[" { inIndex = true }
        }
        return shape
    }

    private static func lastKey(of shape: String) -> String { String(shape.split(separator: ".").last ?? "") }
}
