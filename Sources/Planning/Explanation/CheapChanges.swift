/// The changes of a scenario under which an unscheduled request gets a package that fits the
/// plan as it stands, no other event moved: found without a solver, so the report can name them
/// for every request. Each kind is tried at its smallest (the fewest days of widening or of gap
/// shortening, one more package or day for one trainer, one pair allowed). `wsplan explain`
/// searches further, by re-solving, when nothing fits this way.
struct CheapChanges {
    let planner: Planner
    /// The plan's new packages.
    let choices: [PackageChoice]

    /// Days of widening and of gap shortening tried at most (as `wsplan explain` does).
    static var widestDays: Int { 60 }

    func find(_ diagnosis: Diagnosis) -> [Relaxation] {
        guard diagnosis.kind == .structural || diagnosis.kind == .capacity, diagnosis.facts.freeSlot == nil else { return [] }
        let m = diagnosis.request
        let scenario = planner.scenario
        let request = scenario.requests[m]
        let facts = diagnosis.facts
        // Trainers at max_packages: new dates or a new pair with one of them cannot help.
        let capped = Set(facts.trainersAtPackageCap)
        let everyPairCapped = diagnosis.blockers.contains { blocker in
            if case .packageCap(_, let blocked, let allowed) = blocker.obstacle { return blocked == allowed }
            return false
        }
        var found: [Relaxation] = []
        if request.earliest != nil || request.latest != nil, !everyPairCapped,
           let n = smallest(in: 1...Self.widestDays, where: { fits(.widenWindow(days: $0), m) }) {
            found.append(.widenWindow(days: n))
        }
        if facts.preparationGapBlocks, scenario.rules.prepGap.min > 1,
           let k = smallest(in: 1...scenario.rules.prepGap.min - 1, where: { fits(.shorterPreparationGap(days: $0), m) }) {
            found.append(.shorterPreparationGap(days: k))
        }
        if facts.followupGapBlocks, scenario.rules.followupGap.min > 1,
           let k = smallest(in: 1...scenario.rules.followupGap.min - 1, where: { fits(.shorterFollowupGap(days: $0), m) }) {
            found.append(.shorterFollowupGap(days: k))
        }
        // Caps leave the candidates as they are: only the plan's load is tried again.
        var caps: [Relaxation] = facts.trainersAtPackageCap.prefix(3).compactMap { id in
            scenario.trainer(id)?.maxPackages.map { .raiseMaxPackages(trainer: id, to: $0 + 1) }
        }
        caps += facts.trainersAtMonthCap.prefix(3).compactMap { id in
            scenario.trainer(id)?.maxDaysPerMonth.map { .raiseMaxDaysPerMonth(trainer: id, to: $0 + 1) }
        }
        found += caps.filter { fits($0, m, candidates: planner.candidates[m]) }
        var pairs: [Relaxation] = facts.forbiddenPairs.filter { !$0.ids.contains(where: capped.contains) }.prefix(3).map { .allowPair($0) }
        pairs += facts.requires.map { .dropRequires(trainer: $0) } + facts.excludes.map { .dropExcludes(trainer: $0) }
        found += pairs.filter { fits($0, m) }
        return found
    }

    /// The least value of `range` for which `holds` is true, when `holds` is monotone (false, …, false, true, …).
    private func smallest(in range: ClosedRange<Int>, where holds: (Int) -> Bool) -> Int? {
        guard holds(range.upperBound) else { return nil }
        var (lo, hi) = (range.lowerBound, range.upperBound)
        while lo < hi {
            let mid = (lo + hi) / 2
            if holds(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// True when request `m` has a package that fits the plan in the changed scenario.
    /// `candidates`: the request's candidates when the change leaves them as they are.
    private func fits(_ relaxation: Relaxation, _ m: Int, candidates given: RequestCandidates? = nil) -> Bool {
        let changed = relaxation.applied(to: planner.scenario, request: m)
        let candidates = given ?? CandidateBuilder(scenario: changed, calendar: planner.calendar, commitments: planner.commitments,
                                                   workshopBudget: planner.options.workshopBudget).candidates(for: changed.requests[m])
        guard !candidates.options.isEmpty else { return false }
        // The occupancy of the changed scenario: a raised cap changes what its trainers may take.
        let occupancy = CapacityDiagnoser.Occupancy(scenario: changed, commitments: planner.commitments, choices: choices)
        return CapacityDiagnoser(scenario: changed, candidates: candidates, occupancy: occupancy).freeSlot(m) != nil
    }
}
