import Planning

/// Draws a realistic nationwide scenario from the gazetteer (SPEC §7 `wsplan generate`), the
/// same for the same parameters on every run: one `SplitMix64` stream, consumed in a fixed order,
/// and no iteration over sets or dictionaries.
///
/// Requests are places weighted by population, with every state represented; trainers live in
/// larger cities spread over the country; caps are sized so that most, not always all, requests
/// fit. The numbers are documented where they are drawn.
public struct ScenarioGenerator {
    public struct Parameters: Sendable, Equatable {
        public var requests: Int
        public var trainers: Int
        public var seed: UInt64
        /// The horizon's first day (default 2027-01-01: a fixed day, so output never depends on today).
        public var from: Day?
        /// The horizon's length in months (default by size: ≤ 30 requests a quarter, ≤ 200 a year, else two years).
        public var months: Int?
        /// About how many times more requests there are than the trainers' caps can serve: 1 (the
        /// default) leaves 10–50 % slack per trainer; above 1 the caps share 2N/F trainer-packages.
        public var demand: Double

        public init(requests: Int, trainers: Int, seed: UInt64, from: Day? = nil, months: Int? = nil, demand: Double = 1) {
            self.requests = requests
            self.trainers = trainers
            self.seed = seed
            self.from = from
            self.months = months
            self.demand = demand
        }

        public var horizonMonths: Int { months ?? (requests <= 30 ? 3 : requests <= 200 ? 12 : 24) }
        public var horizonStart: Day { from ?? Day(year: 2027, month: 1, day: 1)! }
    }

    /// Places with at least this many inhabitants can book (about 1,800 of them).
    static let minimumPopulation = 10_000

    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) { self.gazetteer = gazetteer }

    /// What is wrong with `parameters`, in words, or nil.
    public func problem(with parameters: Parameters) -> String? {
        let bookable = gazetteer.places.filter { $0.population >= Self.minimumPopulation }.count
        if parameters.trainers < 2 { return "--trainers must be at least 2: a package needs a pair" }
        if parameters.trainers > 500 { return "--trainers must be at most 500" }
        if parameters.requests < 1 { return "--requests must be at least 1" }
        if parameters.requests > bookable { return "--requests must be at most \(bookable) (the places with \(Self.minimumPopulation)+ inhabitants)" }
        if !(1...60).contains(parameters.horizonMonths) { return "--months must be between 1 and 60" }
        if !(1...20).contains(parameters.demand) { return "--demand must be between 1 and 20 (1: the caps can serve every request)" }
        return nil
    }

    public func generate(_ parameters: Parameters) -> GeneratedScenario {
        precondition(problem(with: parameters) == nil)
        var random = SplitMix64(seed: parameters.seed)
        let from = parameters.horizonStart
        let to = Self.addMonths(parameters.horizonMonths, to: from).advanced(by: -1)
        // A month before the horizon, as the office does: preparation meetings of early workshops fit.
        let planningStart = Self.addMonths(-1, to: Day(year: from.year, month: from.month, day: 1)!)
        // Trainers are busy from the first possible preparation to the last possible follow-up.
        let activeDays = planningStart...to.advanced(by: 210)

        let trainers = drawTrainers(parameters, activeDays: activeDays, &random)
        let ids = trainers.map(\.id)
        let (forbidden, preferred) = drawPairs(ids, &random)
        let requests = drawRequests(parameters, trainerIDs: ids, forbidden: forbidden, horizon: from...to,
                                    activeDays: activeDays, &random)
        let size = parameters.requests
        return GeneratedScenario(
            name: "Synthetic \(size) requests, \(parameters.trainers) trainers, seed \(parameters.seed)",
            origin: "wsplan generate --requests \(size) --trainers \(parameters.trainers) --seed \(parameters.seed) --from \(from.iso) --months \(parameters.horizonMonths)\(parameters.demand == 1 ? "" : " --demand \(parameters.demand)")",
            planningStart: planningStart, horizon: from...to,
            timeLimitSeconds: size <= 100 ? 60 : size <= 200 ? 300 : 600,
            trainers: trainers, forbiddenPairs: forbidden, preferredPairs: preferred, requests: requests)
    }

    /// `day` moved by `months` calendar months (the day of the month clamped to the month's length).
    static func addMonths(_ months: Int, to day: Day) -> Day {
        let (y, m, d) = day.components
        let index = y * 12 + (m - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysInMonth(year: year, month: month)))!
    }

    // MARK: Trainers

    private func drawTrainers(_ parameters: Parameters, activeDays: ClosedRange<Day>,
                              _ random: inout SplitMix64) -> [GeneratedScenario.Trainer] {
        let k = parameters.trainers
        let homes = drawHomes(count: k, &random)
        let lastNames = random.weightedSample(Array(repeating: 1.0, count: GenerationNames.lastNames.count),
                                              count: GenerationNames.lastNames.count)
        // Each package takes two trainers: 2N trainer-packages shared by K trainers, with 10–50 % slack each.
        let share = 2.0 * Double(parameters.requests) / Double(k)
        // A month's work: a workshop and a preparation (3 days) per package spread over the horizon's
        // months, plus the follow-ups of earlier packages once the horizon is longer than half a year.
        let months = Double(parameters.horizonMonths)
        let monthly = (parameters.horizonMonths > 6 ? 4.0 : 3.0) * share / months
        var usedIDs: [String] = []
        var trainers: [GeneratedScenario.Trainer] = []
        for i in 0..<k {
            let last = GenerationNames.lastNames[lastNames[i % lastNames.count]]
            let first = GenerationNames.firstNames[random.below(GenerationNames.firstNames.count)]
            var id = GenerationNames.slug(last)
            if i >= lastNames.count || usedIDs.contains(id) { id += "\(i + 1)" }
            usedIDs.append(id)
            let draw = random.unit()
            // Scarce (F > 1): 2N/F trainer-packages in all, each trainer ±20 % of its share.
            let maxPackages = parameters.demand == 1
                ? max(2, Int((share * (1.1 + 0.4 * draw)).rounded(.up)))
                : max(1, Int((share / parameters.demand * (0.8 + 0.4 * draw)).rounded()))
            let maxDays = max(6, Int((monthly * 1.4).rounded(.up)) + random.int(in: 0...2))
            trainers.append(GeneratedScenario.Trainer(
                id: id, name: "\(first) \(last)", home: homes[i], maxPackages: maxPackages, maxDaysPerMonth: maxDays,
                unavailable: drawUnavailable(activeDays, &random)))
        }
        return trainers
    }

    /// Homes in larger cities spread over the country: among the biggest places, each next home
    /// is the one farthest from the homes so far, with a random factor so seeds differ.
    private func drawHomes(count: Int, _ random: inout SplitMix64) -> [Place] {
        let pool = Array(gazetteer.places.prefix(max(60, 3 * count)))   // most inhabitants first
        var chosen: [Int] = [random.below(min(pool.count, 15))]
        while chosen.count < count {
            var best: (score: Double, index: Int)?
            for (i, place) in pool.enumerated() where !chosen.contains(i) {
                let nearest = chosen.map { TravelCost.haversineKm(place.location, pool[$0].location) }.min()!
                let score = nearest * (0.5 + 0.5 * random.unit())
                if best == nil || score > best!.score { best = (score, i) }
            }
            guard let best else { break }
            chosen.append(best.index)
        }
        return chosen.map { pool[$0] }
    }

    /// Holidays (one 5–15-day block per five months of activity) and up to three single days.
    private func drawUnavailable(_ active: ClosedRange<Day>, _ random: inout SplitMix64) -> [ClosedRange<Day>] {
        let span = active.lowerBound.distance(to: active.upperBound)
        var ranges: [ClosedRange<Day>] = []
        for _ in 0..<max(1, span / 150) {
            let start = active.lowerBound.advanced(by: random.below(span - 14))
            ranges.append(start...start.advanced(by: random.int(in: 4...14)))
        }
        for _ in 0..<random.int(in: 0...3) {
            let day = active.lowerBound.advanced(by: random.below(span))
            ranges.append(day...day)
        }
        return Self.merged(ranges)
    }

    /// Sorted, overlapping or touching ranges joined.
    static func merged(_ ranges: [ClosedRange<Day>]) -> [ClosedRange<Day>] {
        var out: [ClosedRange<Day>] = []
        for r in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            if let last = out.last, r.lowerBound <= last.upperBound.advanced(by: 1) {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    // MARK: Pairs

    /// About one forbidden pair per five trainers and one preferred pair per four, never the same pair.
    private func drawPairs(_ ids: [String], _ random: inout SplitMix64) -> (forbidden: [TrainerPair], preferred: [TrainerPair]) {
        var all: [TrainerPair] = []
        for (i, a) in ids.enumerated() { for b in ids[(i + 1)...] { all.append(TrainerPair(a, b)!) } }
        let forbiddenCount = ids.count >= 4 ? max(1, ids.count / 5) : 0
        let preferredCount = ids.count >= 3 ? max(1, ids.count / 4) : 0
        let drawn = random.weightedSample(Array(repeating: 1.0, count: all.count), count: forbiddenCount + preferredCount)
        let forbidden = drawn.prefix(forbiddenCount).map { all[$0] }.sorted()
        let preferred = drawn.dropFirst(forbiddenCount).map { all[$0] }.sorted()
        return (forbidden, preferred)
    }

    // MARK: Requests

    private func drawRequests(_ parameters: Parameters, trainerIDs: [String], forbidden: [TrainerPair],
                              horizon: ClosedRange<Day>, activeDays: ClosedRange<Day>,
                              _ random: inout SplitMix64) -> [GeneratedScenario.Request] {
        let places = drawPlaces(count: parameters.requests, &random)
        var usedIDs: [String] = []
        var requests: [GeneratedScenario.Request] = []
        let horizonDays = horizon.lowerBound.distance(to: horizon.upperBound) + 1
        for place in places {
            var id = GenerationNames.slug(place.name)
            if usedIDs.contains(id) { id += "-" + place.state.rawValue.lowercased() }
            var n = 2
            while usedIDs.contains(id) { id = GenerationNames.slug(place.name) + "-\(n)"; n += 1 }
            usedIDs.append(id)

            // Windows: 70 % the whole horizon; the rest from, until, or within a stretch of at least four weeks.
            var earliest: Day?, latest: Day?
            if random.chance(0.3) {
                let length = max(28, Int(Double(horizonDays) * (0.3 + 0.4 * random.unit())))
                let start = horizon.lowerBound.advanced(by: random.below(max(1, horizonDays - length)))
                switch random.below(3) {
                case 0: earliest = start
                case 1: latest = start.advanced(by: length)
                default: earliest = start; latest = start.advanced(by: length)
                }
                if let l = latest, l >= horizon.upperBound { latest = nil }
                if let e = earliest, e <= horizon.lowerBound { earliest = nil }
            }
            // Blackouts: a quarter of the municipalities name 1–3 days or short stretches (council weeks, local fairs).
            var blackout: [ClosedRange<Day>] = []
            if random.chance(0.25) {
                for _ in 0..<random.int(in: 1...3) {
                    let day = horizon.lowerBound.advanced(by: random.below(horizonDays))
                    blackout.append(day...day.advanced(by: random.chance(0.6) ? 0 : random.int(in: 1...4)))
                }
            }
            // A few insist on a trainer they know (3 %) or do not want one (5 %).
            var requires: [String] = [], excludes: [String] = []
            if trainerIDs.count >= 3 && random.chance(0.03) { requires = [trainerIDs[random.below(trainerIDs.count)]] }
            if trainerIDs.count >= 4 && random.chance(0.05) {
                let t = trainerIDs[random.below(trainerIDs.count)]
                if !requires.contains(t) { excludes = [t] }
            }
            requests.append(GeneratedScenario.Request(
                id: id, name: Self.officeName(place), place: place, participants: random.int(in: 12...40),
                earliest: earliest, latest: latest, priority: random.chance(0.1) ? 2 : 1,
                blackout: Self.merged(blackout), requires: requires, excludes: excludes))
        }
        return requests
    }

    /// Distinct places: first one or two per state (so all 16 appear when there are requests
    /// enough), then the rest drawn by population across the country, in drawing order, which
    /// serves as the order of arrival.
    private func drawPlaces(count: Int, _ random: inout SplitMix64) -> [Place] {
        let pool = gazetteer.places.filter { $0.population >= Self.minimumPopulation }
        var weights = pool.map { Double($0.population) }
        var chosen: [Int] = []
        let perState = count >= 48 ? 2 : count >= 16 ? 1 : 0
        for _ in 0..<perState {
            for state in GermanState.allCases {
                let inState = weights.enumerated().map { pool[$0.offset].state == state ? $0.element : 0 }
                guard inState.contains(where: { $0 > 0 }) else { continue }
                let i = random.weightedIndex(inState)
                chosen.append(i)
                weights[i] = 0
            }
        }
        chosen += random.weightedSample(weights, count: count - chosen.count)
        // Arrival order mixes the states: a fixed shuffle by the same generator (Fisher–Yates).
        for i in stride(from: chosen.count - 1, to: 0, by: -1) { chosen.swapAt(i, random.below(i + 1)) }
        return chosen.map { pool[$0] }
    }

    /// How the office names the client: districts of the city states, towns and cities, smaller places.
    static func officeName(_ place: Place) -> String {
        if (place.state == .BE && place.name != "Berlin") || (place.state == .HH && place.name != "Hamburg") {
            return "Bezirk \(place.name)"
        }
        return place.population >= 20_000 ? "Stadt \(place.name)" : "Gemeinde \(place.name)"
    }
}
