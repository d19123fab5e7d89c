import Foundation
import Planning

/// `wsplan recruit`'s terminal text (English, as every command's output).
public enum RecruitmentText {
    public static func render(_ result: RecruitmentResult, planSource: String) -> String {
        var lines: [String] = []
        let base = result.base
        lines.append("Base plan (\(planSource)): \(base.served) of \(base.served + base.unscheduled.count) requests served, "
                     + "travel \(euros(base.travel)) EUR, status \(status(base.status, base.gap))")
        guard !base.unscheduled.isEmpty else { return lines.joined(separator: "\n") + "\nNothing is left out: no trainer is missing.\n" }
        lines.append("Left out: \(base.unscheduled.joined(separator: ", "))")
        lines.append("Each added trainer: max_packages \(cap(result.maxPackages)), max_days_per_month \(cap(result.maxDaysPerMonth)), available throughout.")
        lines.append("")
        let replanned = result.candidates.filter { $0.replan != nil }
        if !replanned.isEmpty {
            lines.append("Best homes for one more trainer (re-planned against the base plan):")
            for (rank, candidate) in replanned.enumerated() {
                let r = candidate.replan!
                lines.append("\(rank + 1). \(candidate.trainer.home), \(candidate.trainer.state.rawValue) (\(candidate.source)): "
                             + "\(r.plan.served) served (\(signed(Double(r.plan.served - base.served), decimals: 0))), "
                             + "travel \(signed(r.travelDelta)) EUR, objective \(signed(r.objectiveDelta)) EUR, "
                             + "status \(status(r.plan.status, r.plan.gap)), \(r.eventsMoved) events moved")
                if !r.newlyServed.isEmpty { lines.append("   newly served: \(r.newlyServed.joined(separator: ", "))") }
                if !r.dropped.isEmpty { lines.append("   no longer served: \(r.dropped.joined(separator: ", "))") }
                let pairs = r.pairs.map { "with \($0.partner): \($0.municipalities.joined(separator: ", "))" }
                lines.append("   pairs of \(candidate.trainer.id): " + (pairs.isEmpty ? "none (the re-plan gave the new trainer no package)" : pairs.joined(separator: "; ")))
            }
        }
        let screened = result.candidates.filter { $0.replan == nil && $0.screeningBound != nil }
        if !screened.isEmpty {
            lines.append("Screened only (pair-level LP bound on the objective with the trainer): "
                         + screened.prefix(8).map { "\($0.trainer.home) \(euros($0.screeningBound!))" }.joined(separator: ", ")
                         + (screened.count > 8 ? ", … (\(screened.count - 8) more)" : ""))
        }
        let unscreened = result.candidates.filter { $0.screeningBound == nil && $0.replan == nil }.count
        if unscreened > 0 { lines.append("Not screened within the time limit: \(unscreened) candidate homes.") }
        lines.append("")
        let greedy = result.greedy
        if !base.unscheduled.isEmpty {
            let homes = greedy.steps.map { "\($0.trainer.home), \($0.trainer.state.rawValue)" }
            let travel = greedy.steps.last.map { " travel \(signed($0.travelDelta)) EUR against the base plan," } ?? ""
            switch greedy.stopped {
            case "all_served":
                lines.append("To serve every request: \(greedy.steps.count) more trainer\(greedy.steps.count == 1 ? "" : "s") (\(homes.joined(separator: "; "))),\(travel) greedily, one at a time at the best home.")
            case "not_counted":
                lines.append("How many more trainers would serve every request: not counted (--max-added 0).")
            default:
                let why = ["limit": "the --max-added limit", "no_gain": "no candidate served more", "time": "the time limit"][greedy.stopped] ?? greedy.stopped
                let added = greedy.steps.isEmpty ? "with none added" : "after \(greedy.steps.count) added (\(homes.joined(separator: "; "))),\(travel)"
                lines.append("Greedy count stopped at \(why) \(added); still left out: \(greedy.leftOut.joined(separator: ", ")).")
                if greedy.stopped == "no_gain", replanned.contains(where: { $0.replan!.plan.status != .optimal }) {
                    lines.append("Some re-plans were not proven optimal in their time: a longer --time-limit may serve more.")
                }
            }
        }
        lines.append("Took \(String(format: "%.1f", result.seconds)) s of a \(String(format: "%.1f", result.timeLimitSeconds)) s limit.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func status(_ status: PlanStatus, _ gap: Double?) -> String {
        guard status == .feasible, let gap else { return status.rawValue }
        return "feasible, gap \(String(format: "%.2f", gap * 100)) %"
    }

    static func cap(_ value: Int?) -> String { value.map(String.init) ?? "none" }
    static func euros(_ value: Double) -> String { String(format: "%.2f", value) }
    static func signed(_ value: Double, decimals: Int = 2) -> String {
        (value >= 0 ? "+" : "−") + String(format: "%.\(decimals)f", abs(value))
    }
}
