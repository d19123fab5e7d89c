/// The changes of a scenario under which an unscheduled request gets a package that fits the
/// plan as it stands, no other event moved: found without a solver, so the report can name them
/// for every request. Each kind is tried at its smallest (the fewest days of widening or of gap
/// shortening, one more package or day for one trainer, one pair allowed). `wsplan explain`
/// searches further, by re-solving, when nothing fits this way.
struct CheapChanges: Sendable {
    let planner: Planner
    /// The plan's new packages.
    let choices: [PackageChoice]
    /// What the plan takes of each trainer: built once, as no change tried here moves a package.
    let occupancy: CapacityDiagnoser.Occupancy

    init(planner: Planner, choices: [PackageChoice]) {
        self.planner = planner
        self.choices = choices
        occupancy = CapacityDiagnoser.Occupancy(scenario: planner.scenario, commitments: planner.commitments, choices: choices)
    }

    func find(_ diagnosis: Diagnosis) -> [Relaxation] {
        guard diagnosis.kind == .structural || diagnosis.kind == .capacity, diagnosis.facts.freeSlot == nil else { return [] }
        let m = diagnosis.request
        let catalog = ChangeCatalog(diagnosis, in: planner.scenario)
        var found: [Relaxation] = []
        if catalog.widenWindow, let n = smallest(in: 1...ChangeCatalog.widestWindowDays, where: { fits(.widenWindow(days: $0), m) }) {
            found.append(.widenWindow(days: n))
        }
        if let range = catalog.shorterPreparationGap, let k = smallest(in: range, where: { fits(.shorterPreparationGap(days: $0), m) }) {
            found.append(.shorterPreparationGap(days: k))
        }
        if let range = catalog.shorterFollowupGap, let k = smallest(in: range, where: { fits(.shorterFollowupGap(days: $0), m) }) {
            found.append(.shorterFollowupGap(days: k))
        }
        // Caps leave the candidates as they are: only the plan's load is tried again.
        found += catalog.raisedCaps.filter { fits($0, m, candidates: planner.candidates[m]) }
        found += catalog.pairChanges.filter { fits($0, m) }
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
        // A raised cap changes what its trainers may take; the plan's packages stay where they are.
        return CapacityDiagnoser(scenario: changed, candidates: candidates, occupancy: occupancy.withCaps(of: changed)).freeSlot(m) != nil
    }
}
