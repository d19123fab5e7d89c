import Planning

/// Turns a scenario's YAML tree (and the files it names) into a validated `Scenario`.
///
/// Each section reads into the domain's plain settings and records every problem in `log`
/// instead of stopping; the scenario is only built when the whole input is read, so that ids
/// named before they are declared and values that depend on other sections (participants on
/// `rules.max_participants`) are checked too.
struct ScenarioDecoder {
    let gazetteer: Gazetteer
    var log: ProblemLog

    // Read so far, in section order.
    var rules = Rules()
    var costs = Costs()
    var weights = Weights()
    var solver = SolverSettings()
    var calendar = CalendarSettings()
    var trainers: [Trainer] = []
    /// Every trainer id the scenario declares (also those with other problems), with where.
    var trainerDeclarations: [String: SourceLocation] = [:]
    /// Trainer ids by `Identifier.fileKey` (case folded), as first written, to refuse `hamm` beside `Hamm`.
    var trainerFileKeys: [String: (id: String, location: SourceLocation)] = [:]
    /// Trainer ids in the order written, for messages.
    var trainerOrder: [String] = []
    var forbiddenPairs: Set<TrainerPair> = []
    var preferredPairs: Set<TrainerPair> = []
    var requests: [Request] = []
    /// Every municipality id of a request, with where.
    var requestDeclarations: [String: SourceLocation] = [:]
    /// Municipality ids of requests by `Identifier.fileKey`, as first written.
    var requestFileKeys: [String: (id: String, location: SourceLocation)] = [:]
    var bookings: [Booking] = []
    /// Every municipality id of a booking (also those with other problems).
    var bookedMunicipalities: Set<String> = []
    /// Where each booking's municipality id is written (by `Identifier.fileKey`, as first
    /// written), to report a package booked twice.
    var bookingDeclarations: [String: (id: String, location: SourceLocation)] = [:]
    /// Where each valid booking is written (parallel to `bookings`), for clashes between them.
    var bookingLocations: [SourceLocation] = []
    /// Bookings read on their own (`wsplan confirm`), without a scenario: trainer ids are then
    /// checked by `Identifier`'s rule only.
    var bookingsAlone = false
    var distances: [String: [String: Double]] = [:]
    var exchange: ExchangeSettings?

    /// The longest horizon planned at once (five years).
    static let longestHorizonDays = 5 * 366

    static let topLevelKeys = ["name", "planning_start", "horizon", "rules", "costs", "weights", "calendar",
                               "solver", "trainers", "pairs", "municipalities", "bookings", "distances", "exchange"]

    init(gazetteer: Gazetteer, log: ProblemLog = ProblemLog()) {
        self.gazetteer = gazetteer
        self.log = log
    }

    /// The scenario, or nil when a required part is missing; check `log` for the problems either way.
    mutating func decode(_ root: SourceNode) -> Scenario? {
        guard root.mappingEntries(&log, what: "a scenario: keys such as name, planning_start, horizon, trainers and municipalities") != nil
        else { return nil }
        root.checkKeys(Self.topLevelKeys, &log)

        let name = root.required("name", &log, example: "name: Rollout 2027 Q1").flatMap { node -> String? in
            guard let text = node.text(&log, what: "the scenario's name as text") else { return nil }
            if text.trimmingSpaces.isEmpty { log.add("the name is empty; give the scenario a name", at: node.location) }
            if let problem = TextLimits.nameProblem(text, what: "scenario's name") { log.add(problem, at: node.location) }
            return text
        }
        let planningStart = root.required("planning_start", &log, example: "planning_start: 2026-12-01")?.day(&log)
        let horizon = root.required("horizon", &log, example: "horizon: {from: 2027-01-01, to: 2027-03-31}")
            .flatMap { readHorizon($0, planningStart: planningStart) }

        if let node = root.optional("rules") { readRules(node) }
        if let node = root.optional("costs") { readCosts(node) }
        if let node = root.optional("weights") { readWeights(node) }
        if let node = root.optional("solver") { readSolver(node) }
        if let node = root.optional("calendar") { readCalendar(node) }
        if let node = root.optional("exchange") { readExchange(node) }

        if let node = root.required("trainers", &log, example: "trainers: [{id: mueller, home: Köln}]") {
            readTrainers(node)
        }
        if let node = root.optional("pairs") { readPairs(node) }
        if let node = root.required("municipalities", &log, example: "municipalities: requests.csv") {
            readRequests(node)
        }
        if let node = root.optional("bookings") { readBookings(node) }
        if let node = root.optional("distances") { readDistances(node) }
        checkConsistency(root: root, planningStart: planningStart, horizon: horizon)

        guard let name, let planningStart, let horizon else { return nil }
        var scenario = Scenario(name: name, planningStart: planningStart, horizon: horizon,
                                trainers: trainers, requests: requests)
        scenario.rules = rules
        scenario.costs = costs
        scenario.weights = weights
        scenario.solver = solver
        scenario.calendar = calendar
        scenario.forbiddenPairs = forbiddenPairs
        scenario.preferredPairs = preferredPairs
        scenario.bookings = bookings
        scenario.distances = distances
        scenario.exchange = exchange
        scenario.schoolHolidays = BundledSchoolHolidays.byState
        return scenario
    }

    private mutating func readHorizon(_ node: SourceNode, planningStart: Day?) -> ClosedRange<Day>? {
        guard node.mappingEntries(&log, what: "a mapping {from: YYYY-MM-DD, to: YYYY-MM-DD}") != nil else { return nil }
        node.checkKeys(["from", "to"], &log)
        let from = node.required("from", &log, example: "from: 2027-01-01")?.day(&log)
        let to = node.required("to", &log, example: "to: 2027-03-31")?.day(&log)
        guard let from, let to else { return nil }
        guard from <= to else {
            log.add("the horizon ends (\(to)) before it begins (\(from)); write the earlier date as 'from'", at: node.location)
            return nil
        }
        if from.distance(to: to) > Self.longestHorizonDays {
            log.add("the horizon \(from)..\(to) is longer than five years; plan at most five years at a time (check the years)",
                    at: node.location)
            return nil
        }
        if let planningStart, to < planningStart {
            log.add("the horizon ends (\(to)) before planning_start (\(planningStart)), so no workshop could be planned; move the horizon or planning_start",
                    at: node.location)
        }
        return from...to
    }

    // MARK: Identifiers

    /// Checks an id of a trainer or municipality by `Identifier`'s rule.
    mutating func checkIdentifier(_ id: String, at location: SourceLocation) -> Bool {
        guard let problem = Identifier.problem(id) else { return true }
        log.add(problem, at: location)
        return false
    }

    /// Logs `id` when no trainer has it; returns whether it is known.
    mutating func checkTrainer(_ id: String, at location: SourceLocation) -> Bool {
        guard trainerDeclarations[id] == nil else { return true }
        if let close = Spelling.closest(to: id, among: trainerOrder) {
            log.add("unknown trainer id '\(id)'; did you mean '\(close)'?", at: location)
        } else if trainerOrder.isEmpty {
            log.add("unknown trainer id '\(id)'; the scenario lists no trainers", at: location)
        } else {
            let known = trainerOrder.count <= 12 ? Spelling.list(trainerOrder, conjunction: "and")
                : trainerOrder.prefix(12).joined(separator: ", ") + ", …"
            log.add("unknown trainer id '\(id)'; the trainers are \(known)", at: location)
        }
        return false
    }
}
