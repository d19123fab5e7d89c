/// `min ≤ gap ≤ max` days, with a target the objective pulls towards (SPEC R2, R3, §4).
public struct GapRule: Hashable, Sendable {
    public var min: Int
    public var max: Int
    public var target: Int
    public init(min: Int, max: Int, target: Int) { self.min = min; self.max = max; self.target = target }

    public static let preparationDefault = GapRule(min: 21, max: 42, target: 28)
    public static let followupDefault = GapRule(min: 150, max: 210, target: 182)
}

/// The hard-rule settings of SPEC §2.
public struct Rules: Hashable, Sendable {
    public var prepGap: GapRule = .preparationDefault
    public var followupGap: GapRule = .followupDefault
    public var maxParticipants: Int = 40
    public var avoidSchoolHolidays: Bool = false
    /// Office closure from `start` to `end` inclusive, wrapping over New Year when `end < start`.
    public var officeClosure: (start: MonthDay, end: MonthDay)? = (MonthDay(month: 12, day: 24)!, MonthDay(month: 1, day: 1)!)
    public init() {}

    public static func == (a: Rules, b: Rules) -> Bool {
        a.prepGap == b.prepGap && a.followupGap == b.followupGap && a.maxParticipants == b.maxParticipants
            && a.avoidSchoolHolidays == b.avoidSchoolHolidays
            && a.officeClosure?.start == b.officeClosure?.start && a.officeClosure?.end == b.officeClosure?.end
    }

    public func hash(into h: inout Hasher) {
        h.combine(prepGap); h.combine(followupGap); h.combine(maxParticipants); h.combine(avoidSchoolHolidays)
        h.combine(officeClosure?.start); h.combine(officeClosure?.end)
    }
}

/// Travel cost settings of SPEC §3.
public struct TravelSettings: Hashable, Sendable {
    public var eurPerKm: Double = 0.25
    public var detourFactor: Double = 1.3
    public var commuteKm: Double = 100
    public var eveningBeforeKm: Double = 250
    public var hotelEur: Double = 100
    public init() {}
}

/// Prices to the municipality (SPEC §1) and travel settings.
public struct Costs: Hashable, Sendable {
    public var feeEur: Double = 6000
    public var materialsEurPerParticipant: Double = 5
    public var travel = TravelSettings()
    public init() {}
}

/// Objective weights of SPEC §4, in EUR-equivalents.
public struct Weights: Hashable, Sendable {
    public var unscheduledEur: Double = 50_000
    public var prepGapEur: Double = 20
    public var followupGapEur: Double = 5
    public var preferredPairEur: Double = 300
    public var maxLoadEur: Double = 0
    public var moveEur: Double = 500
    public init() {}
}

/// Limits handed to the solver.
public struct SolverSettings: Hashable, Sendable {
    public var timeLimitSeconds: Double = 60
    public var mipGap: Double = 0.005
    public init() {}
}

/// Calendar-file settings (organizer, event times), used by the iCalendar export.
public struct CalendarSettings: Hashable, Sendable {
    public var organizerName = "Stiftung – Programmbüro"
    public var organizerEmail = "programm@example.org"
    public var meetingTimes = ("09:30", "13:00")
    public var workshopTimes = ("09:00", "17:00")
    public init() {}

    public static func == (a: CalendarSettings, b: CalendarSettings) -> Bool {
        a.organizerName == b.organizerName && a.organizerEmail == b.organizerEmail
            && a.meetingTimes == b.meetingTimes && a.workshopTimes == b.workshopTimes
    }

    public func hash(into h: inout Hasher) {
        h.combine(organizerName); h.combine(organizerEmail)
        h.combine(meetingTimes.0); h.combine(meetingTimes.1); h.combine(workshopTimes.0); h.combine(workshopTimes.1)
    }
}

/// The exchange day (Erfahrungsaustausch) of SPEC §1 and §5 `exchange:`.
public struct ExchangeSettings: Hashable, Sendable {
    public struct Venue: Hashable, Sendable {
        public var name: String
        public var state: GermanState
        public var location: Coordinate
        public init(name: String, state: GermanState, location: Coordinate) { self.name = name; self.state = state; self.location = location }
    }

    public var venues: [Venue]
    /// The exchange lies this many months after each municipality's workshop [12, 18].
    public var monthsMin = 12
    public var monthsMax = 18
    public init(venues: [Venue]) { self.venues = venues }
}
