/// Why one request has no package in a plan, as the office reads it.
///
/// `structural` requests have no candidate at all: their own rules (window, holidays, the
/// trainers' unavailability and bookings, requires/excludes/forbidden pairs, the gaps) leave
/// nothing. `capacity` requests had candidates but lost the competition for the trainers: the
/// plan's other packages take the days, or the trainers' caps (R7) are reached.
public struct Diagnosis: Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case structural, capacity, scheduled, booked }

    public var request: Int
    public var municipality: String
    public var name: String
    public var kind: Kind
    public var blockers: [Blocker]
    /// Facts the relaxations are chosen from.
    public var facts = Facts()

    /// The rule codes of the blockers, in order, without repeats.
    public var rules: [Rule] {
        var seen = Set<Rule>()
        return blockers.map(\.rule).filter { seen.insert($0).inserted }
    }

    public struct Facts: Sendable, Equatable {
        /// R7: trainers of an allowed pair at their `max_packages` in the plan.
        public var trainersAtPackageCap: [String] = []
        /// R7: trainers of an allowed pair at their `max_days_per_month` in a month the request needs.
        public var trainersAtMonthCap: [String] = []
        /// R5: trainers whose days, taken by other packages, block the request.
        public var trainersBusy: [String] = []
        /// R1: forbidden pairs that requires/excludes would otherwise allow.
        public var forbiddenPairs: [TrainerPair] = []
        /// R1: the request's own requires/excludes, when they narrow the pairs.
        public var requires: [String] = []
        public var excludes: [String] = []
        /// R2/R3: no meeting day within the gaps.
        public var preparationGapBlocks = false
        public var followupGapBlocks = false
        /// A slot that fits the final plan exists: the solver stopped before it found it.
        public var freeSlot: PackageChoice?
        public init() {}
    }
}

/// One reason that blocks the request, under the rule of SPEC §2 (`R1` … `R9`) it stands for.
public struct Blocker: Sendable, Equatable, Codable {
    public var obstacle: Obstacle
    public init(_ obstacle: Obstacle) { self.obstacle = obstacle }

    public var rule: Rule { obstacle.rule }
    /// The English sentence that starts with the rule code, e.g. "R4: no two consecutive working days …".
    public var text: String { "\(rule.code): \(obstacle.text)" }
}
