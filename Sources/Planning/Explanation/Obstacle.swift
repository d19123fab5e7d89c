/// One reason why a request has no package, as data: the rule it stands for and the facts that
/// show it (days, trainers, packages). plan.json carries it beside the English sentence
/// (`Obstacle+English.swift`); the report makes its German sentence from it.
public enum Obstacle: Hashable, Sendable, Codable {
    // R1 pairs
    case tooFewTrainers
    /// The request requires more than two trainers.
    case requiresMoreThanTwo(required: [String])
    case requiresAndExcludes(trainer: String)
    /// Excluding `excluded` leaves at most one trainer (`left`).
    case excludesAllButOne(excluded: [String], left: String?)
    /// The two required trainers are a forbidden pair.
    case requiresForbiddenPair(required: [String])
    /// Every partner of the required trainer is in a forbidden pair or excluded.
    case partnersForbidden(required: String, forbidden: [TrainerPair], excluded: [String])
    /// Every pair of the trainers `left` after the exclusions is forbidden.
    case everyPairForbidden(left: [String], forbidden: [TrainerPair], excluded: [String])
    // R6 window
    /// The request's own window misses the horizon (`start`: the planning start, when it is later than the horizon's).
    case windowOutsideHorizon(earliest: Day?, latest: Day?, horizon: ClosedRange<Day>, start: Day?)
    // R4 working days
    /// No two consecutive working days in `window`: the days off by reason (weekends apart), and
    /// the working days that have no working day after them.
    case noConsecutiveWorkingDays(window: ClosedRange<Day>, state: GermanState, off: [DaysOff], weekends: Bool, stranded: [Day])
    // R5 trainer days
    /// Every allowed pair (`pairs`; `only` when there is one) has a trainer unavailable or booked on each possible workshop day.
    case trainersUnavailable(pairs: Int, only: TrainerPair?, days: Int, window: ClosedRange<Day>, trainers: [TrainerOccupation])
    /// No allowed pair has a complete set of free dates.
    case noCompleteDates(window: ClosedRange<Day>)
    // R2 / R3 gaps
    /// No free working day for the preparation (R2) or follow-up (R3) within `gap` days of the workshop
    /// on `missing` of the `slots` free workshop slots (`free`: their days); `example` is the first such
    /// workshop and `range` its meeting days; `start` the planning start when `range` begins before it.
    case noMeetingDay(meeting: EventKind, gap: ClosedRange<Int>, missing: Int, slots: Int, free: [Day], example: Day,
                      range: ClosedRange<Day>, start: Day?)
    // Capacity: the plan's other packages
    /// R7: trainers at `max_packages`, ruling out `blocked` of the `allowed` pairs.
    case packageCap(trainers: [TrainerLoad], blocked: Int, allowed: Int)
    /// R5: the pairs (`pairs`; `other`: those left after the capped ones) are booked on `slots` of
    /// their workshop slots (`all`: on every one of that many workshop days).
    case workshopDaysTaken(pairs: Int, other: Bool, all: Int?, slots: Int, window: ClosedRange<Day>, holders: [TrainerHoldings])
    /// R5: on `slots` free workshop slots every preparation or follow-up day is taken.
    case meetingDaysTaken(slots: Int, holders: [TrainerHoldings])
    /// R7: `max_days_per_month` is reached on `slots` slots.
    case monthCap(slots: Int, trainers: [TrainerMonths])
    /// Not a rule: a package fits the plan; the solver stopped at its limit before it found it.
    case solverStopped(pair: TrainerPair, preparation: Day, workshop: Day, followup: Day)

    /// The rule of SPEC §2 the obstacle stands for.
    public var rule: Rule {
        switch self {
        case .tooFewTrainers, .requiresMoreThanTwo, .requiresAndExcludes, .excludesAllButOne, .requiresForbiddenPair,
             .partnersForbidden, .everyPairForbidden: .r1
        case .windowOutsideHorizon: .r6
        case .noConsecutiveWorkingDays: .r4
        case .trainersUnavailable, .noCompleteDates, .workshopDaysTaken, .meetingDaysTaken: .r5
        case .noMeetingDay(let meeting, _, _, _, _, _, _, _): meeting == .preparation ? .r2 : .r3
        case .packageCap, .monthCap: .r7
        case .solverStopped: .solver
        }
    }

    enum CodingKeys: String, CodingKey {
        case tooFewTrainers = "too_few_trainers"
        case requiresMoreThanTwo = "requires_more_than_two"
        case requiresAndExcludes = "requires_and_excludes"
        case excludesAllButOne = "excludes_all_but_one"
        case requiresForbiddenPair = "requires_forbidden_pair"
        case partnersForbidden = "partners_forbidden"
        case everyPairForbidden = "every_pair_forbidden"
        case windowOutsideHorizon = "window_outside_horizon"
        case noConsecutiveWorkingDays = "no_consecutive_working_days"
        case trainersUnavailable = "trainers_unavailable"
        case noCompleteDates = "no_complete_dates"
        case noMeetingDay = "no_meeting_day"
        case packageCap = "package_cap"
        case workshopDaysTaken = "workshop_days_taken"
        case meetingDaysTaken = "meeting_days_taken"
        case monthCap = "month_cap"
        case solverStopped = "solver_stopped"
    }
}

/// Days off of one kind in a window (R4).
public struct DaysOff: Hashable, Sendable, Codable {
    public var reason: DayOff
    public var days: [Day]
    public init(reason: DayOff, days: [Day]) { self.reason = reason; self.days = days }
}

/// The days of one package (planned or confirmed) that hold a trainer.
public struct Holding: Hashable, Sendable, Codable {
    public var municipality: String
    public var days: [Day]
    public init(municipality: String, days: [Day]) { self.municipality = municipality; self.days = days }
}

/// A trainer and the packages that take the days in question, earliest first.
public struct TrainerHoldings: Hashable, Sendable, Codable {
    public var trainer: String
    public var holdings: [Holding]
    public init(trainer: String, holdings: [Holding]) { self.trainer = trainer; self.holdings = holdings }
}

/// A trainer's unavailable periods (whole, as the scenario gives them) and confirmed bookings on the days in question.
public struct TrainerOccupation: Hashable, Sendable, Codable {
    public var trainer: String
    public var unavailable: [Day]
    public var bookings: [Holding]
    public init(trainer: String, unavailable: [Day], bookings: [Holding]) {
        self.trainer = trainer; self.unavailable = unavailable; self.bookings = bookings
    }
}

/// A trainer's packages in the plan against `max_packages`.
public struct TrainerLoad: Hashable, Sendable, Codable {
    public var trainer: String
    public var packages: Int
    public var cap: Int
    public init(trainer: String, packages: Int, cap: Int) { self.trainer = trainer; self.packages = packages; self.cap = cap }
}

/// A trainer's event days in the months at `max_days_per_month` (`cap`).
public struct TrainerMonths: Hashable, Sendable, Codable {
    public var trainer: String
    public var cap: Int
    public var months: [MonthDays]
    public init(trainer: String, cap: Int, months: [MonthDays]) { self.trainer = trainer; self.cap = cap; self.months = months }
}

/// Event days of a trainer in one month.
public struct MonthDays: Hashable, Sendable, Codable {
    public var year: Int
    public var month: Int
    public var days: Int
    public init(year: Int, month: Int, days: Int) { self.year = year; self.month = month; self.days = days }
}
