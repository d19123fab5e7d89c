/// The changes of a scenario worth trying for one unscheduled request, chosen from its
/// diagnosis: the one list behind the report's smallest changes (`CheapChanges`, without a
/// solver) and `wsplan explain`'s re-solves (`WhatIfSearch`). Which changes can help is decided
/// here; how far a change in days goes, and whether it really helps, each of them finds out its
/// own way.
struct ChangeCatalog {
    /// The widest widening of a window tried, in days.
    static var widestWindowDays: Int { 60 }

    /// R6: the request has a window that a widening can open (not when every allowed pair is at
    /// `max_packages`: new dates cannot help then).
    var widenWindow = false
    /// R2/R3: shortening the minimum gap by these many days can give meeting days.
    var shorterPreparationGap: ClosedRange<Int>?
    var shorterFollowupGap: ClosedRange<Int>?
    /// R7: one more package, or one more day a month, for a trainer at the cap (three of each at most).
    var raisedCaps: [Relaxation] = []
    /// R1: a forbidden pair allowed (three at most, none with a trainer at `max_packages`, who
    /// has no room for it), or the request's own `requires`/`excludes` dropped.
    var pairChanges: [Relaxation] = []

    init(_ diagnosis: Diagnosis, in scenario: Scenario) {
        let request = scenario.requests[diagnosis.request]
        let facts = diagnosis.facts
        let everyPairCapped = diagnosis.blockers.contains { blocker in
            if case .packageCap(_, let blocked, let allowed) = blocker.obstacle { return blocked == allowed }
            return false
        }
        widenWindow = (request.earliest != nil || request.latest != nil) && !everyPairCapped
        if facts.preparationGapBlocks, scenario.rules.prepGap.min > 1 { shorterPreparationGap = 1...scenario.rules.prepGap.min - 1 }
        if facts.followupGapBlocks, scenario.rules.followupGap.min > 1 { shorterFollowupGap = 1...scenario.rules.followupGap.min - 1 }
        raisedCaps = facts.trainersAtPackageCap.prefix(3).compactMap { id in
            scenario.trainer(id)?.maxPackages.map { .raiseMaxPackages(trainer: id, to: $0 + 1) }
        }
        raisedCaps += facts.trainersAtMonthCap.prefix(3).compactMap { id in
            scenario.trainer(id)?.maxDaysPerMonth.map { .raiseMaxDaysPerMonth(trainer: id, to: $0 + 1) }
        }
        let capped = Set(facts.trainersAtPackageCap)
        pairChanges = facts.forbiddenPairs.filter { !$0.ids.contains(where: capped.contains) }.prefix(3).map { .allowPair($0) }
            + facts.requires.map { .dropRequires(trainer: $0) } + facts.excludes.map { .dropExcludes(trainer: $0) }
    }
}
