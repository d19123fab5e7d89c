/// The objective's prices of SPEC §4 and what one request's own rules allow, in one place for the
/// whole formulation (greedy start, package and time-indexed models, the pair-level relaxation,
/// the plan's objective terms, the candidates and the diagnoses): a cost rule is changed here.
/// The checker (`PlanChecker`) keeps its own independent copy, on purpose.
public struct CostModel: Sendable {
    public let weights: Weights
    public let rules: Rules
    public let preferredPairs: Set<TrainerPair>

    public init(scenario: Scenario) {
        weights = scenario.weights
        rules = scenario.rules
        preferredPairs = scenario.preferredPairs
    }

    /// The preferred-pair bonus `pair` earns (SPEC §4), 0 for other pairs.
    public func preferredBonus(_ pair: TrainerPair) -> Double {
        !preferredPairs.isEmpty && preferredPairs.contains(pair) ? weights.preferredPairEur : 0
    }

    /// A pair's part of a package's cost: its travel less the preferred bonus.
    public func pairCost(travel: Double, isPreferred: Bool) -> Double {
        travel - (isPreferred ? weights.preferredPairEur : 0)
    }

    public func pairCost(_ option: PairOption) -> Double { pairCost(travel: option.travelCost, isPreferred: option.isPreferred) }

    /// The preparation gap's penalty: `prep_gap_eur` per day off the target (R2).
    public func preparationPenalty(_ p: Day, workshop w: Day) -> Double {
        weights.prepGapEur * Double(abs(p.distance(to: w) - rules.prepGap.target))
    }

    /// The follow-up gap's penalty: `followup_gap_eur` per day off the target (R3).
    public func followupPenalty(workshop w: Day, _ f: Day) -> Double {
        weights.followupGapEur * Double(abs(w.distance(to: f) - rules.followupGap.target))
    }

    /// Both gap penalties of a package.
    public func gapPenalty(_ p: Day, _ w: Day, _ f: Day) -> Double { preparationPenalty(p, workshop: w) + followupPenalty(workshop: w, f) }

    /// A package's cost in the objective, moves aside: pair cost and both gap penalties.
    public func packageCost(_ option: PairOption, _ p: Day, _ w: Day, _ f: Day) -> Double {
        pairCost(option) + preparationPenalty(p, workshop: w) + followupPenalty(workshop: w, f)
    }

    /// The days a request's workshop may start (R4's window within the horizon and after the
    /// planning start), or nil when none is left.
    public static func window(of request: Request, in scenario: Scenario) -> ClosedRange<Day>? {
        let (first, last) = windowBounds(request, scenario)
        return first <= last ? first...last : nil
    }

    /// The same in words, `first..last` (also when it is empty).
    public static func windowText(of request: Request, in scenario: Scenario) -> String {
        let (first, last) = windowBounds(request, scenario)
        return "\(first.iso)..\(last.iso)"
    }

    /// The window's first and last day, also when the first comes after the last.
    public static func windowBounds(_ request: Request, _ scenario: Scenario) -> (first: Day, last: Day) {
        var first = max(scenario.horizon.lowerBound, scenario.planningStart)
        if let earliest = request.earliest { first = max(first, earliest) }
        var last = scenario.horizon.upperBound
        if let latest = request.latest { last = min(last, latest) }
        return (first, last)
    }

    /// R1: whether a request's own `requires` and `excludes` allow `pair` (forbidden pairs aside).
    public static func requestAllows(_ request: Request, _ pair: TrainerPair) -> Bool {
        !request.requires.contains { !pair.contains($0) } && !request.excludes.contains { pair.contains($0) }
    }

    /// The forbidden pairs the request's own rules would allow: allowing one of them lets it in.
    public static func forbiddenPairsAllowed(by request: Request, in scenario: Scenario) -> [TrainerPair] {
        scenario.forbiddenPairs.filter { requestAllows(request, $0) }.sorted()
    }
}
