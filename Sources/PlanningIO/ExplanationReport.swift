import Foundation
import Planning

/// What `wsplan explain` prints: the municipality's state in the plan, why it is left out, and
/// the relaxations checked by re-solving, as text or JSON (`wsplan-explain/1`).
public struct ExplanationReport: Codable, Sendable {
    public var format = "wsplan-explain/1"
    public var scenario: String
    public var municipality: String
    public var name: String
    /// `scheduled`, `booked`, `structural` or `capacity`.
    public var kind: String
    public var plan: PlanSummary
    /// The package, when the municipality is scheduled or booked.
    public var package: PlannedPackage?
    public var reasons: [String]
    public var rules: [Rule]
    /// The reasons as data, in the order of `reasons` (as plan.json's `obstacles`).
    public var obstacles: [Obstacle]
    public var options: [Option]
    /// Seconds each re-solve was given.
    public var resolveSeconds: Double?

    public struct PlanSummary: Codable, Sendable {
        public var status: PlanStatus
        public var objective: Double?
        public var source: String
    }

    /// One relaxation and what its re-solve gave.
    public struct Option: Codable, Sendable {
        public var change: String
        public var rule: Rule
        public var served: Bool
        public var status: PlanStatus
        public var seconds: Double
        public var objective: Double
        public var objectiveDelta: Double
        public var costDelta: Double
        public var dropped: [String]
        public var added: [String]
        public var eventsMoved: Int
        public var package: PlannedPackage?

        enum CodingKeys: String, CodingKey {
            case change, rule, served, status, seconds, objective, dropped, added, package
            case objectiveDelta = "objective_delta"
            case costDelta = "cost_delta"
            case eventsMoved = "events_moved"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, scenario, municipality, name, kind, plan, package, reasons, rules, obstacles, options
        case resolveSeconds = "resolve_seconds"
    }

    public init(scenario: Scenario, diagnosis: Diagnosis, plan: Plan, planSource: String, outcomes: [WhatIfOutcome],
                resolveSeconds: Double?) {
        self.scenario = scenario.name
        municipality = diagnosis.municipality
        name = diagnosis.name
        kind = diagnosis.kind.rawValue
        self.plan = PlanSummary(status: plan.solver.status, objective: plan.solver.objective, source: planSource)
        package = plan.packages.first { $0.municipality == diagnosis.municipality }
        reasons = diagnosis.blockers.map(\.text)
        rules = diagnosis.rules
        obstacles = diagnosis.blockers.map(\.obstacle)
        options = outcomes.map {
            Option(change: $0.text, rule: $0.relaxation.rule, served: $0.served, status: $0.status, seconds: $0.seconds,
                   objective: $0.objective, objectiveDelta: $0.objectiveDelta, costDelta: $0.costDelta, dropped: $0.dropped,
                   added: $0.added, eventsMoved: $0.eventsMoved, package: $0.package)
        }
        self.resolveSeconds = resolveSeconds
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    public func text() -> String {
        var lines: [String] = []
        let objective = plan.objective.map { "objective \(Self.eur($0)) EUR" } ?? "no objective"
        let planLine = "plan: \(plan.source) (\(plan.status.rawValue), \(objective))"
        switch kind {
        case "scheduled", "booked":
            lines.append("\(name) (\(municipality)) is \(kind == "booked" ? "a confirmed booking" : "scheduled") in \(planLine).")
            if let package { lines += Self.describe(package).map { "  " + $0 } }
            return lines.joined(separator: "\n") + "\n"
        default:
            lines.append("\(name) (\(municipality)) is not scheduled in \(planLine).")
        }
        lines.append("")
        lines.append(kind == "structural"
            ? "Why (structural: no package is possible at all, whatever the other requests do):"
            : "Why (capacity: it had candidates but lost the competition for the trainers in this plan):")
        lines += reasons.map { "  - " + $0 }
        lines.append("")
        if options.isEmpty {
            lines.append("What would let it in: no relaxation within wsplan's reach applies to this blocker.")
        } else {
            lines.append("What would let it in (each checked by a re-solve\(resolveSeconds.map { " of up to \(Self.seconds($0)) s" } ?? ""), best first):")
            for (index, option) in options.enumerated() {
                lines.append("  \(index + 1). [\(option.rule.code)] \(option.change)")
                lines.append("     " + Self.outcome(option))
                if let package = option.package, option.served {
                    lines.append("     package: \(package.trainers.joined(separator: "+")), preparation \(package.preparation.iso), workshop \(package.workshop[0].iso)..\(package.workshop[1].iso), follow-up \(package.followup.iso)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func outcome(_ option: Option) -> String {
        let run = "\(option.status.rawValue), \(seconds(option.seconds)) s"
        guard option.served else {
            let proven = option.status == .optimal ? "does not let it in (proven)" : "not served within the time limit"
            return "\(proven) (\(run)); objective \(signed(option.objectiveDelta)) EUR"
        }
        var text = "served (\(run)); objective \(signed(option.objectiveDelta)) EUR, of which serving costs \(signed(option.costDelta)) EUR"
        var changes: [String] = []
        if !option.dropped.isEmpty { changes.append("drops \(option.dropped.joined(separator: ", "))") }
        if !option.added.isEmpty { changes.append("also serves \(option.added.joined(separator: ", "))") }
        changes.append(option.eventsMoved == 0 ? "no other event moves" : "\(option.eventsMoved) event(s) of other packages move")
        text += "; " + changes.joined(separator: "; ")
        return text
    }

    static func describe(_ package: PlannedPackage) -> [String] {
        let c = package.costs
        return [
            "trainers \(package.trainers.joined(separator: " and "))\(package.pinned ? " (confirmed)" : "")",
            "preparation \(package.preparation.iso), workshop \(package.workshop.first?.iso ?? "")..\(package.workshop.last?.iso ?? ""), follow-up \(package.followup.iso)",
            "costs: fee \(eur(c.fee)) EUR, materials \(eur(c.materials)) EUR, travel \(eur(c.travel)) EUR, total \(eur(c.total)) EUR",
        ]
    }

    static func eur(_ value: Double) -> String { String(format: "%.2f", value) }
    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "−") + String(format: "%.2f", abs(value)) }
    static func seconds(_ value: Double) -> String { String(format: value < 10 ? "%.1f" : "%.0f", value) }
}

/// The known ids closest to a mistyped one, for "did you mean" hints.
public enum IdSuggestions {
    /// Up to `limit` ids of `known`, closest to `id` first (edit distance, ignoring case and umlauts).
    public static func closest(to id: String, among known: [String], limit: Int = 3) -> [String] {
        let key = Spelling.transcribedKey(id)
        let ranked = known.map { (id: $0, distance: Spelling.editDistance(key, Spelling.transcribedKey($0))) }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        let close = ranked.filter { $0.distance <= max(2, key.count / 2) || $0.id.hasPrefix(key) || key.hasPrefix($0.id) }
        return (close.isEmpty ? ranked : close).prefix(limit).map(\.id)
    }
}
