/// The dates and pairs a request can possibly get, before any interaction with other requests.
///
/// Everything here is a consequence of one request's own rules (R1, R2, R3, R4, R5 against fixed
/// commitments, R6), so the model only carries columns that can be part of a plan.
public struct RequestCandidates: Sendable {
    public let request: Request
    /// Allowed pairs (R1) that have at least one complete date combination, cheapest first.
    public var options: [PairOption]
    /// The rules that leave nothing, when `options` is empty (`StructuralDiagnoser` says why in words).
    public var obstacles: [Rule]
    /// Allowed pairs left out, or kept on every k-th workshop day only, to bound the model's size
    /// (`CandidateBuilder.workshopBudget`), each with its pair cost (travel minus the preferred
    /// bonus): the relaxations give each a column that uses the pair's capacity (`OmittedPairs`).
    public var omittedPairs: [(pair: TrainerPair, cost: Double)] = []

    /// The least pair cost among `omittedPairs`; nil when no allowed pair was left out.
    public var leastOmittedPairCost: Double? { omittedPairs.lazy.map(\.cost).min() }

    public init(request: Request, options: [PairOption], obstacles: [Rule], omittedPairs: [(pair: TrainerPair, cost: Double)] = []) {
        self.request = request
        self.options = options
        self.obstacles = obstacles
        self.omittedPairs = omittedPairs
    }
}

/// One allowed pair for one request, with its travel cost and feasible days.
public struct PairOption: Sendable {
    public let pair: TrainerPair
    /// Travel cost of the whole package for both trainers (SPEC §3).
    public let travelCost: Double
    public let isPreferred: Bool
    /// Feasible workshop first days W (each has a feasible P and F), ascending.
    public var workshopDays: [Day] { workshops.map(\.day) }
    /// Per workshop day, its feasible preparation and follow-up days, best first.
    public var workshops: [WorkshopOption]
    /// Feasible preparation days (each compatible with some W).
    public var preparationDays: [Day]
    /// Feasible follow-up days (each compatible with some W).
    public var followupDays: [Day]
}

/// One feasible workshop start for one request and pair, with its meeting days ranked by how far
/// they are from the gap targets (then by date): the first of each is the cheapest.
public struct WorkshopOption: Sendable {
    public let day: Day
    public let preparations: [Day]
    public let followups: [Day]
}

/// Builds `RequestCandidates` for every request of a scenario.
public struct CandidateBuilder: Sendable {
    public let scenario: Scenario
    public let calendar: WorkingCalendar
    public let commitments: TrainerCommitments
    /// Most (pair, workshop day) options kept per request, cheapest pairs first; the pairs beyond
    /// it are left out (and listed in `omittedPairs`). A year of 30 trainers would
    /// otherwise give each request 435 pairs × 250 days of candidates.
    public var workshopBudget: Int
    /// Keep every allowed pair, each with every k-th workshop day, within `workshopBudget`
    /// (for requests the cheapest pairs could not serve).
    public var spreadOverAllPairs = false

    public init(scenario: Scenario, calendar: WorkingCalendar, commitments: TrainerCommitments, workshopBudget: Int = .max,
                spreadOverAllPairs: Bool = false) {
        self.scenario = scenario
        self.calendar = calendar
        self.commitments = commitments
        self.workshopBudget = workshopBudget
        self.spreadOverAllPairs = spreadOverAllPairs
    }

    /// The pairs R1 allows for `request`, sorted.
    public func allowedPairs(for request: Request) -> [TrainerPair] {
        let ids = scenario.trainers.map(\.id)
        var pairs: [TrainerPair] = []
        for (i, a) in ids.enumerated() {
            for b in ids[(i + 1)...] {
                guard let pair = TrainerPair(a, b), !scenario.forbiddenPairs.contains(pair) else { continue }
                if request.requires.contains(where: { !pair.contains($0) }) { continue }
                if request.excludes.contains(where: { pair.contains($0) }) { continue }
                pairs.append(pair)
            }
        }
        return pairs.sorted()
    }

    /// Workshop first days allowed by R4 and R6 for the request alone (both days working, window, start).
    public func workshopDays(for request: Request) -> [Day] {
        let (first, last) = Self.window(of: request, in: scenario)
        guard first <= last else { return [] }
        return (first...last).filter { day in
            isWorking(day, request) && isWorking(day.advanced(by: 1), request)
        }
    }

    func isWorking(_ day: Day, _ request: Request) -> Bool {
        calendar.isWorkingDay(day, state: request.state, blackout: request.blackout)
    }

    public func candidates(for request: Request) -> RequestCandidates {
        let rules = scenario.rules
        let pairs = allowedPairs(for: request)
        let workshopsOfRequest = workshopDays(for: request)
        var obstacles: [Rule] = []
        if pairs.isEmpty { obstacles.append(.r1) }
        if workshopsOfRequest.isEmpty { obstacles += [.r4, .r6] }
        guard !pairs.isEmpty, !workshopsOfRequest.isEmpty else {
            return RequestCandidates(request: request, options: [], obstacles: obstacles)
        }

        // Working days for the meetings, before any trainer is considered.
        let prepRange = workshopsOfRequest.first!.advanced(by: -rules.prepGap.max)...workshopsOfRequest.last!.advanced(by: -rules.prepGap.min)
        let meetingPrep = prepRange.filter { $0 >= scenario.planningStart && isWorking($0, request) }
        let followRange = workshopsOfRequest.first!.advanced(by: rules.followupGap.min)...workshopsOfRequest.last!.advanced(by: rules.followupGap.max)
        let meetingFollow = followRange.filter { $0 >= scenario.planningStart && isWorking($0, request) }

        let travel = TravelCost(settings: scenario.costs.travel)
        let costed = pairs.map { pair in
            (pair: pair, travel: pair.ids.reduce(0.0) { sum, id in
                sum + travel.packageCost(km: scenario.km(trainer: scenario.trainer(id)!, municipality: request.id, at: request.location))
            })
        }.sorted { ($0.travel - bonus($0.pair), $0.pair) < ($1.travel - bonus($1.pair), $1.pair) }
        var options: [PairOption] = []
        var workshopCount = 0
        var omitted: [(pair: TrainerPair, cost: Double)] = []
        // Over budget, the cheapest pairs keep every day up to half the budget; the next ones
        // (up to `thinnedPairs` of them) share the other half, keeping every k-th day, so a
        // request keeps many trainers to choose from; the rest are left out.
        let thinnedPairs = spreadOverAllPairs ? costed.count : 40
        let stride = max(1, Int((Double(min(thinnedPairs, costed.count)) * Double(workshopsOfRequest.count)
            / Double(max(1, workshopBudget / 2))).rounded(.up)))
        // Every trainer's cheapest pair is kept too (thinned), so that when the nearest trainers
        // are fully booked the request can still go to anyone with room.
        var everyTrainer = Set<TrainerPair>()
        for trainer in scenario.trainers {
            if let cheapest = costed.first(where: { $0.pair.contains(trainer.id) }) { everyTrainer.insert(cheapest.pair) }
        }
        var thinned = 0
        for (pair, cost) in costed {
            let thinning = (spreadOverAllPairs || workshopCount >= workshopBudget / 2) && workshopBudget < .max
            if thinning { thinned += 1 }
            if thinning && !everyTrainer.contains(pair) && (thinned > thinnedPairs || workshopCount >= workshopBudget) {
                omitted.append((pair, cost - bonus(pair)))
                continue
            }
            let free = { (day: Day) in commitments.isFree(pair, on: day) }
            let preps = meetingPrep.filter(free)
            let follows = meetingFollow.filter(free)
            var workshops: [WorkshopOption] = []
            for w in workshopsOfRequest where free(w) && free(w.advanced(by: 1)) {
                let p = ranked(preps, from: w.advanced(by: -rules.prepGap.max), to: w.advanced(by: -rules.prepGap.min),
                               target: w.advanced(by: -rules.prepGap.target))
                let f = ranked(follows, from: w.advanced(by: rules.followupGap.min), to: w.advanced(by: rules.followupGap.max),
                               target: w.advanced(by: rules.followupGap.target))
                if !p.isEmpty && !f.isEmpty { workshops.append(WorkshopOption(day: w, preparations: p, followups: f)) }
            }
            guard !workshops.isEmpty else { continue }
            if thinning && stride > 1 {
                workshops = workshops.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
                omitted.append((pair, cost - bonus(pair)))
            }
            workshopCount += workshops.count
            let usedPreps = Set(workshops.flatMap(\.preparations)).sorted()
            let usedFollows = Set(workshops.flatMap(\.followups)).sorted()
            options.append(PairOption(pair: pair, travelCost: cost, isPreferred: scenario.preferredPairs.contains(pair),
                                      workshops: workshops, preparationDays: usedPreps, followupDays: usedFollows))
        }
        if options.isEmpty {
            obstacles += meetingPrep.isEmpty || meetingFollow.isEmpty ? [.r2, .r3, .r4] : [.r5]
        }
        options.sort { ($0.travelCost, $0.pair) < ($1.travelCost, $1.pair) }
        return RequestCandidates(request: request, options: options, obstacles: obstacles, omittedPairs: omitted)
    }

    private func bonus(_ pair: TrainerPair) -> Double {
        scenario.preferredPairs.contains(pair) ? scenario.weights.preferredPairEur : 0
    }

    /// The days of `days` (ascending) in `from...to`, closest to `target` first, earlier first on a tie.
    private func ranked(_ days: [Day], from: Day, to: Day, target: Day) -> [Day] {
        var lo = 0, hi = days.count
        while lo < hi { let mid = (lo + hi) / 2; if days[mid] < from { lo = mid + 1 } else { hi = mid } }
        var inRange: [Day] = []
        var i = lo
        while i < days.count && days[i] <= to { inRange.append(days[i]); i += 1 }
        return inRange.sorted { (abs($0.distance(to: target)), $0) < (abs($1.distance(to: target)), $1) }
    }

    /// The request's window for W: the horizon from the planning start on, within its own
    /// earliest/latest (`first > last` when they do not meet).
    public static func window(of request: Request, in scenario: Scenario) -> (first: Day, last: Day) {
        var first = max(scenario.horizon.lowerBound, scenario.planningStart)
        if let earliest = request.earliest { first = max(first, earliest) }
        var last = scenario.horizon.upperBound
        if let latest = request.latest { last = min(last, latest) }
        return (first, last)
    }
}
