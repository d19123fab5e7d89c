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
    /// Thin every trainer's cheapest pair as much as the other thinned pairs together, so that
    /// they too stay within `workshopBudget` (with many trainers they would be most of a request's
    /// candidates); set when the budget was cut for a large scenario.
    public var budgetsEveryTrainer = false

    /// Each trainer's blocked days (`commitments.blockedDays`) as flags from `maskOrigin`: the
    /// listing asks about every day of every pair, and a flag is far cheaper than a hash lookup.
    private let blockedMasks: [[Bool]]
    private let maskOrigin: Int
    /// Every pair of two trainers that is not forbidden, sorted, with its trainers' indices in the
    /// scenario: what each request's own rules filter.
    private let unforbiddenPairs: [(pair: TrainerPair, a: Int, b: Int)]

    public init(scenario: Scenario, calendar: WorkingCalendar, commitments: TrainerCommitments, workshopBudget: Int = .max,
                spreadOverAllPairs: Bool = false, budgetsEveryTrainer: Bool = false) {
        self.scenario = scenario
        self.calendar = calendar
        self.commitments = commitments
        self.workshopBudget = workshopBudget
        self.spreadOverAllPairs = spreadOverAllPairs
        self.budgetsEveryTrainer = budgetsEveryTrainer
        let ids = scenario.trainers.map(\.id)
        var pairs: [(pair: TrainerPair, a: Int, b: Int)] = []
        for (i, a) in ids.enumerated() {
            for (j, b) in ids.enumerated().dropFirst(i + 1) {
                guard let pair = TrainerPair(a, b), !scenario.forbiddenPairs.contains(pair) else { continue }
                pairs.append(a < b ? (pair, i, j) : (pair, j, i))
            }
        }
        unforbiddenPairs = pairs.sorted { $0.pair < $1.pair }
        let ordinals = commitments.blockedDays.values.flatMap { $0.map(\.ordinal) }
        let origin = ordinals.min() ?? 0, count = (ordinals.max() ?? -1) - origin + 1
        maskOrigin = origin
        blockedMasks = ids.map { id in
            guard let days = commitments.blockedDays[id], !days.isEmpty else { return [] }   // nothing blocked: no flags
            var mask = Array(repeating: false, count: count)
            for day in days { mask[day.ordinal - origin] = true }
            return mask
        }
    }

    /// The pairs R1 allows for `request`, sorted.
    public func allowedPairs(for request: Request) -> [TrainerPair] { indexedPairs(for: request).map(\.pair) }

    /// `allowedPairs` with the trainers' indices in the scenario (the first id's first).
    func indexedPairs(for request: Request) -> [(pair: TrainerPair, a: Int, b: Int)] {
        if request.requires.isEmpty && request.excludes.isEmpty { return unforbiddenPairs }
        return unforbiddenPairs.filter { pair, _, _ in CostModel.requestAllows(request, pair) }
    }

    /// Workshop first days allowed by R4 and R6 for the request alone (both days working, window, start).
    public func workshopDays(for request: Request) -> [Day] {
        guard let window = CostModel.window(of: request, in: scenario) else { return [] }
        return window.filter { day in
            isWorking(day, request) && isWorking(day.advanced(by: 1), request)
        }
    }

    func isWorking(_ day: Day, _ request: Request) -> Bool {
        calendar.isWorkingDay(day, state: request.state, blackout: request.blackout)
    }

    public func candidates(for request: Request) -> RequestCandidates {
        let rules = scenario.rules
        let pairs = indexedPairs(for: request)
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
        // Each trainer's share once, not once per pair she is in; pairs by trainer index, so that
        // the many pairs of a large scenario are costed and sorted without hashing their ids.
        let share = scenario.trainers.map { travel.packageCost(km: scenario.km(trainer: $0, municipality: request.id, at: request.location)) }
        let costs = CostModel(scenario: scenario)
        let unsorted = pairs.map { pair in
            let travel = 0.0 + share[pair.a] + share[pair.b]
            return (pair: pair.pair, a: pair.a, b: pair.b, travel: travel, cost: travel - costs.preferredBonus(pair.pair))
        }
        // Cheapest first, ties by pair: `pairs` is sorted by pair, so its index breaks them.
        let costed = unsorted.indices.sorted { (unsorted[$0].cost, $0) < (unsorted[$1].cost, $1) }.map { unsorted[$0] }
        var options: [PairOption] = []
        var workshopCount = 0
        var omitted: [(pair: TrainerPair, cost: Double)] = []
        // Over budget, the cheapest pairs keep every day up to half the budget; the next ones
        // (up to `thinnedPairs` of them) share the other half, keeping every k-th day, so a
        // request keeps many trainers to choose from; the rest are left out.
        let thinnedPairs = spreadOverAllPairs ? costed.count : 40
        // Every trainer's cheapest pair is kept too (thinned), so that when the nearest trainers
        // are fully booked the request can still go to anyone with room.
        var everyTrainer = Array(repeating: false, count: costed.count)
        var seen = Array(repeating: false, count: scenario.trainers.count), seenCount = 0
        for (k, pair) in costed.enumerated() where seenCount < scenario.trainers.count {
            for t in [pair.a, pair.b] where !seen[t] {
                seen[t] = true
                seenCount += 1
                everyTrainer[k] = true
            }
        }
        let sharing = min(thinnedPairs, costed.count) + (budgetsEveryTrainer ? everyTrainer.count { $0 } : 0)
        let stride = max(1, Int((Double(sharing) * Double(workshopsOfRequest.count) / Double(max(1, workshopBudget / 2))).rounded(.up)))
        var thinned = 0
        for (k, (pair, a, b, cost, pairCost)) in costed.enumerated() {
            let thinning = (spreadOverAllPairs || workshopCount >= workshopBudget / 2) && workshopBudget < .max
            if thinning { thinned += 1 }
            if thinning && !everyTrainer[k] && (thinned > thinnedPairs || workshopCount >= workshopBudget) {
                omitted.append((pair, pairCost))
                continue
            }
            let (blockedA, blockedB) = (blockedMasks[a], blockedMasks[b])
            let unblocked = blockedA.isEmpty && blockedB.isEmpty
            let origin = maskOrigin
            let free = { (day: Day) in
                let i = day.ordinal - origin
                return unblocked || !(blockedA.indices.contains(i) && blockedA[i]) && !(blockedB.indices.contains(i) && blockedB[i])
            }
            let preps = unblocked ? meetingPrep : meetingPrep.filter(free)
            let follows = unblocked ? meetingFollow : meetingFollow.filter(free)
            var usedPreps = DaySpans(days: preps), usedFollows = DaySpans(days: follows)
            // A thinned pair keeps every `stride`-th feasible workshop day: the others are only counted.
            let keepsEvery = thinning && stride > 1 ? stride : 1
            var workshops: [WorkshopOption] = []
            var feasible = 0
            // The first meeting day not before each window: windows move forward with W.
            var firstPrep = 0, firstFollow = 0
            for w in workshopsOfRequest where free(w) && free(w.advanced(by: 1)) {
                let prepDays = (from: w.advanced(by: -rules.prepGap.max), to: w.advanced(by: -rules.prepGap.min))
                let followDays = (from: w.advanced(by: rules.followupGap.min), to: w.advanced(by: rules.followupGap.max))
                while firstPrep < preps.count && preps[firstPrep] < prepDays.from { firstPrep += 1 }
                while firstFollow < follows.count && follows[firstFollow] < followDays.from { firstFollow += 1 }
                guard firstPrep < preps.count && preps[firstPrep] <= prepDays.to,
                      firstFollow < follows.count && follows[firstFollow] <= followDays.to else { continue }
                defer { feasible += 1 }
                guard feasible % keepsEvery == 0 else { continue }
                let p = Self.ranked(preps, from: prepDays.from, to: prepDays.to, target: w.advanced(by: -rules.prepGap.target))
                let f = Self.ranked(follows, from: followDays.from, to: followDays.to, target: w.advanced(by: rules.followupGap.target))
                usedPreps.cover(from: prepDays.from, to: prepDays.to)
                usedFollows.cover(from: followDays.from, to: followDays.to)
                workshops.append(WorkshopOption(day: w, preparations: p, followups: f))
            }
            guard !workshops.isEmpty else { continue }
            if keepsEvery > 1 { omitted.append((pair, pairCost)) }
            workshopCount += workshops.count
            options.append(PairOption(pair: pair, travelCost: cost, isPreferred: scenario.preferredPairs.contains(pair),
                                      workshops: workshops, preparationDays: usedPreps.covered, followupDays: usedFollows.covered))
        }
        if options.isEmpty {
            obstacles += meetingPrep.isEmpty || meetingFollow.isEmpty ? [.r2, .r3, .r4] : [.r5]
        }
        options.sort { ($0.travelCost, $0.pair) < ($1.travelCost, $1.pair) }
        return RequestCandidates(request: request, options: options, obstacles: obstacles, omittedPairs: omitted)
    }

    /// The days of `days` (ascending) in `from...to`, closest to `target` first, earlier first on a tie.
    static func ranked(_ days: [Day], from: Day, to: Day, target: Day) -> [Day] {
        let lo = firstIndex(in: days, notBefore: from)
        var hi = lo
        while hi < days.count && days[hi] <= to { hi += 1 }
        // Outwards from the target: the days before it (latest first) and from it on (earliest
        // first) merged by distance, the earlier one first on a tie.
        var before = firstIndex(in: days, notBefore: target, from: lo, to: hi) - 1, after = before + 1
        var out: [Day] = []
        out.reserveCapacity(hi - lo)
        while before >= lo || after < hi {
            if after >= hi || before >= lo && target.distance(to: days[after]) >= days[before].distance(to: target) {
                out.append(days[before]); before -= 1
            } else {
                out.append(days[after]); after += 1
            }
        }
        return out
    }

    /// The days of an ascending list that fall in any of the spans covered so far (spans come in
    /// ascending order, as the workshop days do): the meeting days a pair's workshops use.
    struct DaySpans {
        let days: [Day]
        private var marked: [Bool]
        private var end = 0

        init(days: [Day]) {
            self.days = days
            marked = Array(repeating: false, count: days.count)
        }

        mutating func cover(from: Day, to: Day) {
            var i = max(end, CandidateBuilder.firstIndex(in: days, notBefore: from))
            while i < days.count && days[i] <= to { marked[i] = true; i += 1 }
            end = max(end, i)
        }

        var covered: [Day] { days.indices.filter { marked[$0] }.map { days[$0] } }
    }

    /// The first index in `lo..<hi` of ascending `days` whose day is at least `day` (`hi` when none).
    static func firstIndex(in days: [Day], notBefore day: Day, from lo: Int = 0, to hi: Int? = nil) -> Int {
        var (lo, hi) = (lo, hi ?? days.count)
        while lo < hi { let mid = (lo + hi) / 2; if days[mid] < day { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
