/// How the package model chooses its columns; data, so benchmarks can vary it.
public struct FormulationOptions: Sendable, Equatable {
    /// Preparation and follow-up days per workshop start, best first. Nil: the richest shape
    /// that fits `columnBudget` (every combination when it fits, which makes the model exact).
    public var preparationAlternatives: Int?
    public var followupAlternatives: Int?
    /// Above this many package columns, the model keeps fewer date alternatives, then only the
    /// most promising pairs and days (chosen with the relaxation's LP solution); the relaxation
    /// still bounds every plan.
    public var columnBudget = 60_000
    /// The bounding relaxation keeps the meeting days (tighter) when it has at most this many columns.
    public var relaxationWithMeetingsUpTo = 150_000
    /// Share of the first relaxations' time (a quarter of the limit) for branch and cut on the
    /// pair-level relaxation (`AssignmentRelaxation`), which it often solves to optimality in a second;
    /// all of that time when the caps cannot serve every request.
    public var pairLevelSearchShare = 0.4
    /// Share of the time limit kept for diagnosing the unscheduled requests and writing the plan
    /// (at least 0.3 s, at most 5 s): the limit is the whole command's.
    public var finishShare = 0.03
    /// Share of that reserve the diagnosis may spend looking for each unscheduled request's
    /// smallest change (`UnscheduledExplainer`); the rest is the writing's.
    public var diagnosisShareOfFinish = 0.4
    /// Most unscheduled requests whose candidates the local search spreads over every allowed pair
    /// (`Planner.widening`).
    public var widenedRequestsUpTo = 200
    /// Column generation over the package model (`Planner.priceOut`) runs when the time-indexed
    /// model with meeting days (what one pricing pass reads) has at most this many columns, and
    /// may use `pricingShare` of the planner's time.
    public var pricingColumnsUpTo = 2_000_000
    /// Whether column generation runs at all (off: the time-indexed relaxations and their proof alone).
    public var generatesColumns = true
    /// Above this many columns in the proof model by pricing, the stages of `Planner.proof` are
    /// tried too, and the smaller proof model is solved.
    public var proofByPricingPreferredUpTo = 5_000
    public var pricingShare = 0.3
    /// Share of the time limit spent raising the relaxation's bound with cuts and branching.
    public var boundSearchShare = 0.15
    /// Share of the time limit the local search may use before an exact model is solved whole
    /// (it stops earlier when it stops finding better plans).
    public var localSearchShare = 0.4
    /// Most (pair, workshop day) candidates per request, cheapest pairs first (see `CandidateBuilder`).
    public var workshopBudget = 6_000
    /// Most (pair, workshop day) candidates of all requests together, and per second of the time
    /// limit: beyond them each request gets its share (at least `leastWorkshopBudget`). This keeps
    /// the listing's time and memory (each candidate carries its ranked meeting days) within the
    /// limit and 4 GB at the generator's largest sizes; up to 400 requests and 20 s nothing changes.
    public var totalWorkshopBudget = 2_400_000
    public var workshopBudgetPerSecond = 120_000
    public var leastWorkshopBudget = 300

    /// The budget of one request among `requests` under `timeLimit` seconds, and whether it was
    /// cut below `workshopBudget` (then every trainer's cheapest pair counts against it too).
    public func workshopBudget(requests: Int, timeLimit: Double) -> (budget: Int, cut: Bool) {
        let total = min(Double(totalWorkshopBudget), Double(workshopBudgetPerSecond) * max(1, timeLimit))
        let share = max(leastWorkshopBudget, Int(total) / max(1, requests))
        return share < workshopBudget ? (share, true) : (workshopBudget, false)
    }
    /// The time-indexed relaxation is solved when its workshop columns are at most this many;
    /// above, only the pair-level `AssignmentRelaxation` bounds the plan.
    public var timeIndexedRelaxationUpTo = 400_000
    /// After the local search, a plan is proven by reduced-cost fixing (`Planner.proof`) when the
    /// time-indexed model over the columns the first stage leaves has at most `proofColumnsUpTo`
    /// columns and at most `proofPackagesUpTo` complete packages are left after the second.
    public var proofColumnsUpTo = 60_000
    public var proofPackagesUpTo = 60_000
    /// False skips the local search (tests use it to reach the proof from the greedy plan).
    public var searchesLocally = true
    /// Seed of the local search's choice of neighbourhoods.
    public var seed: UInt64 = 0x5EED

    public init() {}
    public init(preparationAlternatives: Int?, followupAlternatives: Int?) {
        self.preparationAlternatives = preparationAlternatives
        self.followupAlternatives = followupAlternatives
    }
}

/// Which (preparation, follow-up) combinations of one workshop start become columns, as ranks
/// into its best-first lists: all pairs (i, j) with i < prep and j < followup, or, in the
/// cross shape, only those where one of the two is the best or both are among the best two.
public struct DateShape: Sendable, Equatable {
    public var preparation: Int
    public var followup: Int
    public var cross: Bool

    public static let exact = DateShape(preparation: .max, followup: .max, cross: false)

    /// Richest first: every combination; one date off its best; products of the best few.
    public static let ladder: [DateShape] = [
        .exact,
        DateShape(preparation: .max, followup: .max, cross: true),
        DateShape(preparation: 6, followup: 6, cross: true),
        DateShape(preparation: 3, followup: 3, cross: true),
        DateShape(preparation: 2, followup: 2, cross: false),
        DateShape(preparation: 2, followup: 1, cross: false),
        DateShape(preparation: 1, followup: 1, cross: false),
    ]

    public func includes(_ i: Int, _ j: Int) -> Bool {
        guard i < preparation && j < followup else { return false }
        return !cross || i == 0 || j == 0 || (i < 2 && j < 2)
    }

    /// Combinations of a workshop start with `p` preparation and `f` follow-up days.
    public func count(_ p: Int, _ f: Int) -> Int {
        let (a, b) = (min(p, preparation), min(f, followup))
        guard cross else { return a * b }
        return a + b - 1 + (a >= 2 && b >= 2 ? 1 : 0)
    }

    /// True when no combination of a start with `p` and `f` days is left out.
    public func coversAll(_ p: Int, _ f: Int) -> Bool { count(p, f) == p * f }
}
