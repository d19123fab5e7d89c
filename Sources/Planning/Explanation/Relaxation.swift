/// One change to a scenario that might let an unscheduled request in (`wsplan explain`).
///
/// Each is applied to a copy of the scenario and checked by a re-solve, never assumed to help.
public enum Relaxation: Hashable, Sendable, Codable {
    /// Move the request's own `earliest` back and `latest` on by this many days.
    case widenWindow(days: Int)
    /// R7: one more package for this trainer (`to` is the new cap).
    case raiseMaxPackages(trainer: String, to: Int)
    /// R7: one more event day per month for this trainer.
    case raiseMaxDaysPerMonth(trainer: String, to: Int)
    /// R1: let a forbidden pair work together.
    case allowPair(TrainerPair)
    /// R2: accept a preparation this many days closer to the workshop than `prep_gap_days.min`.
    case shorterPreparationGap(days: Int)
    /// R3: accept a follow-up this many days earlier than `followup_gap_days.min`.
    case shorterFollowupGap(days: Int)
    /// R1: the request no longer requires this trainer.
    case dropRequires(trainer: String)
    /// R1: the request no longer excludes this trainer.
    case dropExcludes(trainer: String)

    /// The rule the relaxation loosens.
    public var rule: Rule {
        switch self {
        case .widenWindow: .r6
        case .raiseMaxPackages, .raiseMaxDaysPerMonth: .r7
        case .allowPair, .dropRequires, .dropExcludes: .r1
        case .shorterPreparationGap: .r2
        case .shorterFollowupGap: .r3
        }
    }

    /// plan.json's names (`changes` of an unscheduled request).
    enum CodingKeys: String, CodingKey {
        case widenWindow = "widen_window"
        case raiseMaxPackages = "raise_max_packages"
        case raiseMaxDaysPerMonth = "raise_max_days_per_month"
        case allowPair = "allow_pair"
        case shorterPreparationGap = "shorter_preparation_gap"
        case shorterFollowupGap = "shorter_followup_gap"
        case dropRequires = "drop_requires"
        case dropExcludes = "drop_excludes"
    }

    enum AllowPairCodingKeys: String, CodingKey { case _0 = "pair" }

    /// `scenario` with this one change for request `m`.
    public func applied(to scenario: Scenario, request m: Int) -> Scenario {
        var s = scenario
        switch self {
        case .widenWindow(let n):
            s.requests[m].earliest = s.requests[m].earliest?.advanced(by: -n)
            s.requests[m].latest = s.requests[m].latest?.advanced(by: n)
        case .raiseMaxPackages(let id, let cap):
            if let i = s.trainers.firstIndex(where: { $0.id == id }) { s.trainers[i].maxPackages = cap }
        case .raiseMaxDaysPerMonth(let id, let cap):
            if let i = s.trainers.firstIndex(where: { $0.id == id }) { s.trainers[i].maxDaysPerMonth = cap }
        case .allowPair(let pair):
            s.forbiddenPairs.remove(pair)
        case .shorterPreparationGap(let k):
            s.rules.prepGap.min -= k
        case .shorterFollowupGap(let k):
            s.rules.followupGap.min -= k
        case .dropRequires(let id):
            s.requests[m].requires.removeAll { $0 == id }
        case .dropExcludes(let id):
            s.requests[m].excludes.removeAll { $0 == id }
        }
        return s
    }

    /// What the office would change, in words, e.g. "widen the window of kassel by 7 days to 2027-03-08..2027-04-09".
    public func text(in scenario: Scenario, request m: Int) -> String {
        let request = scenario.requests[m]
        switch self {
        case .widenWindow(let n):
            let relaxed = applied(to: scenario, request: m).requests[m]
            return "widen the window of \(request.id) by \(n) day\(n == 1 ? "" : "s") to \(relaxed.earliest?.iso ?? "")..\(relaxed.latest?.iso ?? "") (was \(request.earliest?.iso ?? "")..\(request.latest?.iso ?? ""))"
        case .raiseMaxPackages(let id, let cap):
            return "raise max_packages of \(id) from \(cap - 1) to \(cap)"
        case .raiseMaxDaysPerMonth(let id, let cap):
            return "raise max_days_per_month of \(id) from \(cap - 1) to \(cap)"
        case .allowPair(let pair):
            return "allow the forbidden pair \(pair)"
        case .shorterPreparationGap(let k):
            let rule = scenario.rules.prepGap
            return "accept a preparation \(rule.min - k)–\(rule.max) days before the workshop (min \(rule.min) − \(k))"
        case .shorterFollowupGap(let k):
            let rule = scenario.rules.followupGap
            return "accept a follow-up \(rule.min - k)–\(rule.max) days after the workshop (min \(rule.min) − \(k))"
        case .dropRequires(let id):
            return "drop \(request.id)'s requirement of \(id)"
        case .dropExcludes(let id):
            return "drop \(request.id)'s exclusion of \(id)"
        }
    }
}
