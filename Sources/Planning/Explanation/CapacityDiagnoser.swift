/// Explains a request that had candidates but no package in the plan: it lost the competition
/// for the trainers. Every candidate slot (pair, workshop day) is tried against the final plan
/// and the first thing that blocks it is recorded: a trainer at `max_packages` (R7), the workshop
/// days taken by another package (R5), no free preparation or follow-up day left (R5), or
/// `max_days_per_month` (R7). The sentences name the trainers and the packages that hold them.
struct CapacityDiagnoser {
    let scenario: Scenario
    let candidates: RequestCandidates
    let occupancy: Occupancy
    var taken: [String: [Day: String]] { occupancy.taken }
    var packages: [String: Int] { occupancy.packages }
    var monthDays: [String: [Int: Int]] { occupancy.monthDays }

    /// What a plan takes of each trainer, built once for every request it leaves out.
    struct Occupancy: Sendable {
        /// Trainer → day → municipality of the package (planned or confirmed) that takes that day.
        let taken: [String: [Day: String]]
        /// Packages with W in the horizon per trainer, confirmed ones included.
        let packages: [String: Int]
        /// Event days per trainer and month key, confirmed ones included.
        let monthDays: [String: [Int: Int]]
        /// The scenario's trainers by id (every slot of every request asks for their caps).
        private(set) var trainers: [String: Trainer]

        init(scenario: Scenario, commitments: TrainerCommitments, choices: [PackageChoice]) {
            trainers = Dictionary(scenario.trainers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var taken: [String: [Day: String]] = [:]
            var packages = commitments.pinnedPackages
            var monthDays = commitments.pinnedDaysPerMonth
            for booking in scenario.bookings {
                for t in booking.trainers.ids { for day in booking.eventDays { taken[t, default: [:]][day] = booking.municipality } }
            }
            for choice in choices {
                let id = scenario.requests[choice.request].id
                for t in choice.pair.ids {
                    packages[t, default: 0] += 1
                    for day in choice.eventDays {
                        taken[t, default: [:]][day] = id
                        monthDays[t, default: [:]][day.monthKey, default: 0] += 1
                    }
                }
            }
            self.taken = taken
            self.packages = packages
            self.monthDays = monthDays
        }

        /// The same packages under `scenario`'s trainers' caps (a what-if that raises one).
        func withCaps(of scenario: Scenario) -> Occupancy {
            var copy = self
            copy.trainers = Dictionary(scenario.trainers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return copy
        }
    }

    init(scenario: Scenario, candidates: RequestCandidates, occupancy: Occupancy) {
        self.scenario = scenario
        self.candidates = candidates
        self.occupancy = occupancy
    }

    private enum SlotBlock { case packageCap([String]), workshopTaken, meetingsTaken, monthCap([String: [Int]]), free(PackageChoice) }

    func diagnose(_ m: Int) -> Diagnosis {
        let request = scenario.requests[m]
        var diagnosis = Diagnosis(request: m, municipality: request.id, name: request.name, kind: .capacity, blockers: [])
        var capped = Set<String>(), capPairs = Set<TrainerPair>()
        // Trainers whose cap alone blocks some pair, cheapest pair first: one more package for them lets that pair in.
        var soleCapped: [String] = []
        var workshopSlots = 0, meetingSlots = 0, monthSlots = 0, total = 0
        var workshopHolders: [String: [String: Set<Day>]] = [:]   // trainer → municipality → days
        var meetingHolders: [String: [String: Set<Day>]] = [:]
        var monthCaps: [String: Set<Int>] = [:]
        var workshopDays = Set<Day>()
        for option in candidates.options {
            for workshop in option.workshops {
                total += 1
                workshopDays.insert(workshop.day)
                switch block(option.pair, workshop, m) {
                case .packageCap(let ids):
                    capped.formUnion(ids); capPairs.insert(option.pair)
                    if ids.count == 1, !soleCapped.contains(ids[0]) { soleCapped.append(ids[0]) }
                case .workshopTaken:
                    workshopSlots += 1
                    for t in option.pair.ids { for d in [workshop.day, workshop.day.advanced(by: 1)] {
                        if let holder = taken[t]?[d] { workshopHolders[t, default: [:]][holder, default: []].insert(d) }
                    } }
                case .meetingsTaken:
                    meetingSlots += 1
                    for t in option.pair.ids { for d in workshop.preparations + workshop.followups {
                        if let holder = taken[t]?[d] { meetingHolders[t, default: [:]][holder, default: []].insert(d) }
                    } }
                case .monthCap(let months):
                    monthSlots += 1
                    for (t, keys) in months { monthCaps[t, default: []].formUnion(keys) }
                case .free(let choice):
                    if diagnosis.facts.freeSlot == nil { diagnosis.facts.freeSlot = choice }
                }
            }
        }
        let (first, last) = CostModel.windowBounds(request, scenario)
        let window = first...max(first, last)
        let pairCount = candidates.options.count
        if !capped.isEmpty {
            let who = capped.sorted().map { TrainerLoad(trainer: $0, packages: packages[$0] ?? 0, cap: scenario.trainer($0)?.maxPackages ?? 0) }
            diagnosis.blockers.append(Blocker(.packageCap(trainers: who, blocked: capPairs.count, allowed: pairCount)))
        }
        if workshopSlots > 0 {
            let all = workshopSlots + meetingSlots + monthSlots == total - slotsOf(capPairs)
            diagnosis.blockers.append(Blocker(.workshopDaysTaken(
                pairs: capPairs.isEmpty ? pairCount : pairCount - capPairs.count, other: !capPairs.isEmpty,
                all: all && meetingSlots == 0 && monthSlots == 0 ? workshopDays.count : nil, slots: workshopSlots,
                window: window, holders: holdings(workshopHolders))))
        }
        if meetingSlots > 0 {
            diagnosis.blockers.append(Blocker(.meetingDaysTaken(slots: meetingSlots, holders: holdings(meetingHolders))))
        }
        if !monthCaps.isEmpty {
            let who = monthCaps.keys.sorted().map { t in
                TrainerMonths(trainer: t, cap: scenario.trainer(t)?.maxDaysPerMonth ?? 0, months: monthCaps[t]!.sorted().map {
                    MonthDays(year: $0 / 12, month: $0 % 12 + 1, days: monthDays[t]?[$0] ?? 0)
                })
            }
            diagnosis.blockers.append(Blocker(.monthCap(slots: monthSlots, trainers: who)))
        }
        if let free = diagnosis.facts.freeSlot {
            diagnosis.blockers.append(Blocker(.solverStopped(pair: free.pair, preparation: free.preparation, workshop: free.workshop,
                                                             followup: free.followup)))
        }
        diagnosis.facts.trainersAtPackageCap = soleCapped + capped.subtracting(soleCapped).sorted()
        diagnosis.facts.trainersAtMonthCap = monthCaps.keys.sorted()
        diagnosis.facts.trainersBusy = Set(workshopHolders.keys).union(meetingHolders.keys).sorted()
        diagnosis.facts.requires = request.requires
        diagnosis.facts.excludes = request.excludes
        diagnosis.facts.forbiddenPairs = CostModel.forbiddenPairsAllowed(by: request, in: scenario)
        return diagnosis
    }

    /// The first candidate slot of request `m` that fits the plan as it stands.
    func freeSlot(_ m: Int) -> PackageChoice? {
        for option in candidates.options {
            for workshop in option.workshops {
                if case .free(let choice) = block(option.pair, workshop, m) { return choice }
            }
        }
        return nil
    }

    private func slotsOf(_ pairs: Set<TrainerPair>) -> Int {
        candidates.options.filter { pairs.contains($0.pair) }.reduce(0) { $0 + $1.workshops.count }
    }

    private func isFree(_ t: String, _ day: Day) -> Bool { taken[t]?[day] == nil }

    private func block(_ pair: TrainerPair, _ workshop: WorkshopOption, _ m: Int) -> SlotBlock {
        let capped = pair.ids.filter { t in occupancy.trainers[t]?.maxPackages.map { (packages[t] ?? 0) >= $0 } ?? false }
        if !capped.isEmpty { return .packageCap(capped) }
        let w = workshop.day
        if !pair.ids.allSatisfy({ isFree($0, w) && isFree($0, w.advanced(by: 1)) }) { return .workshopTaken }
        let preps = workshop.preparations.filter { p in pair.ids.allSatisfy { isFree($0, p) } }
        let follows = workshop.followups.filter { f in pair.ids.allSatisfy { isFree($0, f) } }
        if preps.isEmpty || follows.isEmpty { return .meetingsTaken }
        var over: [String: [Int]] = [:]
        for p in preps {
            for f in follows {
                let days = [p, w, w.advanced(by: 1), f]
                let exceeded = monthsOverCap(pair, days)
                if exceeded.isEmpty { return .free(PackageChoice(request: m, pair: pair, preparation: p, workshop: w, followup: f)) }
                for (t, keys) in exceeded { over[t, default: []] += keys }
            }
        }
        return .monthCap(over)
    }

    /// Trainer → months whose `max_days_per_month` adding `days` would exceed.
    private func monthsOverCap(_ pair: TrainerPair, _ days: [Day]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for t in pair.ids {
            guard let cap = occupancy.trainers[t]?.maxDaysPerMonth else { continue }
            var extra: [Int: Int] = [:]
            for day in days { extra[day.monthKey, default: 0] += 1 }
            let over = extra.filter { (monthDays[t]?[$0.key] ?? 0) + $0.value > cap }.map(\.key)
            if !over.isEmpty { result[t] = over }
        }
        return result
    }


    /// Trainer → package → days, as trainers sorted and each one's packages by their first day.
    private func holdings(_ holders: [String: [String: Set<Day>]]) -> [TrainerHoldings] {
        holders.keys.sorted().map { t in
            let byPackage = holders[t]!.sorted { ($0.value.min()!, $0.key) < ($1.value.min()!, $1.key) }
            return TrainerHoldings(trainer: t, holdings: byPackage.map { Holding(municipality: $0.key, days: $0.value.sorted()) })
        }
    }
}
