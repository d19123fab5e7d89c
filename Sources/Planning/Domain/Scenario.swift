/// A validated planning scenario: everything the planner and the checker need, defaults applied.
///
/// Built by `PlanningIO` from the YAML/CSV files; every invariant the formulation relies on
/// (known trainer ids, `min ≤ max`, participants within the limit, …) holds here.
public struct Scenario: Sendable {
    public var name: String
    /// R6: no event before this day.
    public var planningStart: Day
    /// R6: the workshop's first day lies in here (inclusive).
    public var horizon: ClosedRange<Day>
    public var rules = Rules()
    public var costs = Costs()
    public var weights = Weights()
    public var solver = SolverSettings()
    public var calendar = CalendarSettings()
    public var trainers: [Trainer]
    public var forbiddenPairs: Set<TrainerPair> = []
    public var preferredPairs: Set<TrainerPair> = []
    public var requests: [Request]
    public var bookings: [Booking] = []
    /// Optional distance table: trainer id → municipality id → km (replaces haversine × detour).
    public var distances: [String: [String: Double]] = [:]
    /// School holidays per state (inclusive ranges), used when `rules.avoidSchoolHolidays` is on.
    public var schoolHolidays: [GermanState: [SchoolHoliday]] = [:]
    /// The cohort's exchange day, when the scenario asks for one.
    public var exchange: ExchangeSettings?

    public init(name: String, planningStart: Day, horizon: ClosedRange<Day>, trainers: [Trainer], requests: [Request]) {
        self.name = name
        self.planningStart = planningStart
        self.horizon = horizon
        self.trainers = trainers
        self.requests = requests
    }

    public func trainer(_ id: String) -> Trainer? { trainers.first { $0.id == id } }
}

/// One school break of one state.
public struct SchoolHoliday: Hashable, Sendable {
    public var first: Day
    public var last: Day
    public var name: String
    public init(first: Day, last: Day, name: String) { self.first = first; self.last = last; self.name = name }
}
