/// A plan as written to `plan.json` (SPEC §6, format `wsplan-plan/1`).
public struct Plan: Codable, Sendable, Equatable {
    public var format = "wsplan-plan/1"
    public var scenario: String
    public var solver: SolverReport
    public var objectiveTerms: ObjectiveTerms
    public var packages: [PlannedPackage]
    public var unscheduled: [UnscheduledRequest]
    /// The trainers of the scenario (ids and names, for calendars and reports).
    public var trainers: [PlanTrainer]?
    /// Calendar-file settings of the scenario, so calendars can be written from the plan alone.
    public var calendar: PlanCalendarSettings?
    /// Every calendar event ever published for this plan's line of re-plans, cancelled ones
    /// included: the identity (UID) and version (SEQUENCE) that keep subscribed calendars in step.
    public var events: [CalendarEvent]?
    /// Against the previous plan, when one was given: how many events moved or were re-staffed.
    public var moves: MoveReport?
    /// The cohort's exchange day, when the scenario asks for one.
    public var exchange: ExchangeDay?

    public init(scenario: String, solver: SolverReport, objectiveTerms: ObjectiveTerms,
                packages: [PlannedPackage], unscheduled: [UnscheduledRequest],
                trainers: [PlanTrainer]? = nil, calendar: PlanCalendarSettings? = nil, events: [CalendarEvent]? = nil,
                moves: MoveReport? = nil) {
        self.moves = moves
        self.scenario = scenario
        self.solver = solver
        self.objectiveTerms = objectiveTerms
        self.packages = packages
        self.unscheduled = unscheduled
        self.trainers = trainers
        self.calendar = calendar
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case format, scenario, solver, packages, unscheduled, trainers, calendar, events, moves, exchange
        case objectiveTerms = "objective_terms"
    }
}

/// How the solver ended (SPEC §6).
public enum PlanStatus: String, Codable, Sendable {
    /// Proven optimal by the solver.
    case optimal
    /// A plan, but a time or gap limit stopped the proof.
    case feasible
    /// No plan exists.
    case infeasible
    /// The limit was hit before any plan was found.
    case noPlan = "no_plan"
}

public struct SolverReport: Codable, Sendable, Equatable {
    public var name: String
    public var status: PlanStatus
    public var objective: Double?
    /// The best proven lower bound on the objective.
    public var bound: Double?
    /// `(objective − bound) / max(|objective|, 1)`, as GLPK defines its relative gap.
    public var gap: Double?
    public var seconds: Double
    /// Model size, for the record.
    public var rows: Int?
    public var columns: Int?
    /// Non-zero coefficients of the constraint matrix.
    public var nonzeros: Int?
    /// Seconds spent before the solver gets the model: listing the candidates, the greedy start,
    /// the relaxation's LP that guides the column selection, and building the model. All but the
    /// candidates also count in `seconds`.
    public var buildSeconds: Double?

    public init(name: String, status: PlanStatus, objective: Double?, bound: Double?, gap: Double?, seconds: Double,
                rows: Int? = nil, columns: Int? = nil, nonzeros: Int? = nil, buildSeconds: Double? = nil) {
        self.name = name
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
        self.buildSeconds = buildSeconds
    }

    enum CodingKeys: String, CodingKey {
        case name, status, objective, bound, gap, seconds, rows, columns, nonzeros
        case buildSeconds = "build_seconds"
    }
}

/// The terms of the objective (SPEC §4), each in EUR; pinned bookings are not part of any.
public struct ObjectiveTerms: Codable, Sendable, Equatable {
    public var unscheduled: Double = 0
    public var travel: Double = 0
    public var prepGap: Double = 0
    public var followupGap: Double = 0
    public var preferredPairs: Double = 0
    public var maxLoad: Double = 0
    /// `move_eur` × events moved or re-staffed against a previous plan; nil without one.
    public var move: Double?

    public init() {}

    public var total: Double { unscheduled + travel + prepGap + followupGap + preferredPairs + maxLoad + (move ?? 0) }

    enum CodingKeys: String, CodingKey {
        case unscheduled, travel
        case prepGap = "prep_gap"
        case followupGap = "followup_gap"
        case preferredPairs = "preferred_pairs"
        case maxLoad = "max_load"
        case move
    }
}

/// One scheduled (or pinned) package.
public struct PlannedPackage: Codable, Sendable, Equatable {
    public var municipality: String
    public var name: String
    public var state: GermanState
    public var place: String
    /// Sorted trainer ids.
    public var trainers: [String]
    /// True for a confirmed booking carried over unchanged (R9).
    public var pinned: Bool
    public var preparation: Day
    /// Both workshop days.
    public var workshop: [Day]
    public var followup: Day
    public var participants: Int
    public var costs: PackageCosts
    /// Where the events take place (for GEO in calendars and the map).
    public var lat: Double?
    public var lon: Double?

    public init(municipality: String, name: String, state: GermanState, place: String, trainers: [String],
                pinned: Bool, preparation: Day, workshop: [Day], followup: Day, participants: Int, costs: PackageCosts,
                location: Coordinate? = nil) {
        self.lat = location?.lat
        self.lon = location?.lon
        self.municipality = municipality
        self.name = name
        self.state = state
        self.place = place
        self.trainers = trainers
        self.pinned = pinned
        self.preparation = preparation
        self.workshop = workshop
        self.followup = followup
        self.participants = participants
        self.costs = costs
    }
}

/// What the municipality pays, in EUR (SPEC §1): fee, materials, travel at cost.
public struct PackageCosts: Codable, Sendable, Equatable {
    public var fee: Double
    public var materials: Double
    public var travel: Double
    public var total: Double
    /// Travel per trainer and event, for the cost sheet.
    public var travelItems: [TravelItem]

    public init(fee: Double, materials: Double, travel: Double, total: Double, travelItems: [TravelItem]) {
        self.fee = fee
        self.materials = materials
        self.travel = travel
        self.total = total
        self.travelItems = travelItems
    }

    enum CodingKeys: String, CodingKey {
        case fee, materials, travel, total
        case travelItems = "travel_items"
    }
}

/// One trainer's trip to one event.
public struct TravelItem: Codable, Sendable, Equatable {
    public var trainer: String
    public var event: EventKind
    public var km: Double
    public var roundTrips: Int
    public var hotelNights: Int
    public var cost: Double

    public init(trainer: String, event: EventKind, km: Double, roundTrips: Int, hotelNights: Int, cost: Double) {
        self.trainer = trainer
        self.event = event
        self.km = km
        self.roundTrips = roundTrips
        self.hotelNights = hotelNights
        self.cost = cost
    }

    enum CodingKeys: String, CodingKey {
        case trainer, event, km, cost
        case roundTrips = "round_trips"
        case hotelNights = "hotel_nights"
    }
}

/// The three events of a package.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case preparation, workshop, followup

    /// Event length in days.
    public var days: Int { self == .workshop ? 2 : 1 }
}

/// A request the plan leaves out, with reasons in plain words.
public struct UnscheduledRequest: Codable, Sendable, Equatable {
    public var municipality: String
    public var name: String
    public var reasons: [String]
    /// The rules of SPEC §2 that block it (`R1` … `R9`; `solver` when only the time limit did), in the order of `reasons`.
    public var rules: [Rule]?
    /// `structural` (no candidate at all) or `capacity` (lost the competition for the trainers).
    public var kind: String?
    /// The reasons as data, in the order of `reasons`: the report makes its German sentences from them.
    public var obstacles: [Obstacle]?
    /// Changes of the scenario under which a package fits this plan as it stands, without moving
    /// another event (SPEC §2 rule by rule, the smallest of each kind); empty when none is known
    /// cheaply, and `wsplan explain` searches further by re-solving.
    public var changes: [Relaxation]?
    public init(municipality: String, name: String, reasons: [String]) {
        self.municipality = municipality
        self.name = name
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey { case municipality, name, reasons, rules, kind, obstacles, changes }

    /// `obstacles` and `changes` are derived data: when they do not decode (another version of
    /// wsplan, a hand edit) or do not match `reasons`, they are left out, and the report shows
    /// the English reasons.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        municipality = try c.decode(String.self, forKey: .municipality)
        name = try c.decode(String.self, forKey: .name)
        reasons = try c.decode([String].self, forKey: .reasons)
        rules = try c.decodeIfPresent([Rule].self, forKey: .rules)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        obstacles = (try? c.decodeIfPresent([Obstacle].self, forKey: .obstacles)).flatMap { $0?.count == reasons.count ? $0 : nil }
        changes = (try? c.decodeIfPresent([Relaxation].self, forKey: .changes)) ?? nil
    }
}

/// A trainer as the plan names them.
public struct PlanTrainer: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// Organizer and event times for the calendar files (SPEC §5 `calendar:`).
public struct PlanCalendarSettings: Codable, Sendable, Equatable {
    public var organizerName: String
    public var organizerEmail: String
    /// Start and end, "HH:MM", local time in Europe/Berlin.
    public var meeting: [String]
    public var workshop: [String]

    public init(_ settings: CalendarSettings) {
        organizerName = settings.organizerName
        organizerEmail = settings.organizerEmail
        meeting = [settings.meetingTimes.0, settings.meetingTimes.1]
        workshop = [settings.workshopTimes.0, settings.workshopTimes.1]
    }

    enum CodingKeys: String, CodingKey {
        case meeting, workshop
        case organizerName = "organizer_name"
        case organizerEmail = "organizer_email"
    }
}

/// What a re-plan changed against the plan it replaces (SPEC §4 `move_eur`).
public struct MoveReport: Codable, Sendable, Equatable {
    /// The previous plan's scenario name.
    public var previous: String
    /// Events (preparation, workshop, follow-up) of not-yet-confirmed packages that moved, were
    /// re-staffed, or were dropped.
    public var eventsMoved: Int
    public init(previous: String, eventsMoved: Int) { self.previous = previous; self.eventsMoved = eventsMoved }

    enum CodingKeys: String, CodingKey {
        case previous
        case eventsMoved = "events_moved"
    }
}
