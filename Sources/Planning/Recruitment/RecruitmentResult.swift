/// What `wsplan recruit` found (recruit.json; the report's "Wo fehlen Trainer?" reads it).
public struct RecruitmentResult: Codable, Sendable, Equatable {
    public var format = "wsplan-recruit/1"
    public var scenario: String
    /// The plan the candidates were re-planned against.
    public var base: PlanSummary
    /// The caps every added trainer gets.
    public var maxPackages: Int?
    public var maxDaysPerMonth: Int?
    public var timeLimitSeconds: Double
    public var seconds: Double
    /// Every candidate home tried, best first: those re-solved exactly (ranked by requests served,
    /// weighted by priority, then travel, then objective), then the others by their screening value.
    public var candidates: [CandidateOutcome]
    /// How many added trainers serve every request, one more each time at the best candidate.
    public var greedy: GreedyCount
}

/// A plan as recruit compares plans.
public struct PlanSummary: Codable, Sendable, Equatable {
    public var status: PlanStatus
    public var gap: Double?
    /// Requests with a package (confirmed bookings not counted), and their priorities summed.
    public var served: Int
    public var weightedServed: Double
    public var unscheduled: [String]
    public var travel: Double
    /// SPEC §4 without the move term.
    public var objective: Double
}

/// The trainer added at a candidate home, as a scenario would list it.
public struct AddedTrainer: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var home: String
    public var state: GermanState
    public var lat: Double
    public var lon: Double
    public var maxPackages: Int?
    public var maxDaysPerMonth: Int?

    public init(_ trainer: Trainer, state: GermanState) {
        id = trainer.id
        name = trainer.name
        home = trainer.homeLabel
        self.state = state
        lat = trainer.home.lat
        lon = trainer.home.lon
        maxPackages = trainer.maxPackages
        maxDaysPerMonth = trainer.maxDaysPerMonth
    }

    public var trainer: Trainer {
        Trainer(id: id, name: name, home: Coordinate(lat: lat, lon: lon), homeLabel: home,
                maxPackages: maxPackages, maxDaysPerMonth: maxDaysPerMonth)
    }
}

public struct CandidateOutcome: Codable, Sendable, Equatable {
    public var trainer: AddedTrainer
    /// `spread` (a large town) or `region` (near a left-out request).
    public var source: String
    /// The pair-level LP relaxation's value with this trainer added (a lower bound on the
    /// re-plan's objective, move term included); nil when the screening ran out of time first.
    public var screeningBound: Double?
    /// The exact re-plan, for the best few of the screening.
    public var replan: CandidateReplan?
}

public struct CandidateReplan: Codable, Sendable, Equatable {
    public var plan: PlanSummary
    public var seconds: Double
    /// Requests served now that the base plan left out, and the other way round.
    public var newlyServed: [String]
    public var dropped: [String]
    /// Differences to the base plan (objective without the move term).
    public var travelDelta: Double
    public var objectiveDelta: Double
    public var eventsMoved: Int
    /// The packages of the new trainer, by partner.
    public var pairs: [PairUse]
}

/// One partner of the new trainer in a re-plan, and the municipalities they run together.
public struct PairUse: Codable, Sendable, Equatable {
    public var partner: String
    public var municipalities: [String]
}

public struct GreedyCount: Codable, Sendable, Equatable {
    /// The trainers added, in order, each with the plan after adding it.
    public var steps: [GreedyStep]
    /// `all_served`, `limit` (--max-added), `no_gain` (no candidate served more), `time`,
    /// `not_counted` (--max-added 0).
    public var stopped: String
    /// Requests still left out after the last step.
    public var leftOut: [String]
}

public struct GreedyStep: Codable, Sendable, Equatable {
    public var trainer: AddedTrainer
    public var plan: PlanSummary
    /// Travel of this plan minus the base plan's.
    public var travelDelta: Double
}
