/// Explains a request that has no candidate at all: nothing in its own rules leaves a package
/// (R1 pairs, R4/R6 days, R5 against unavailability and confirmed bookings, R2/R3 gaps).
///
/// Follows the stages of `CandidateBuilder` and reports the first stage that leaves nothing,
/// with the concrete days, holidays and trainers.
struct StructuralDiagnoser: Sendable {
    let scenario: Scenario
    let calendar: WorkingCalendar
    let builder: CandidateBuilder

    init(scenario: Scenario, calendar: WorkingCalendar, commitments: TrainerCommitments) {
        self.scenario = scenario
        self.calendar = calendar
        builder = CandidateBuilder(scenario: scenario, calendar: calendar, commitments: commitments)
    }

    func diagnose(_ m: Int) -> Diagnosis {
        let request = scenario.requests[m]
        var diagnosis = Diagnosis(request: m, municipality: request.id, name: request.name, kind: .structural, blockers: [])
        let pairs = builder.allowedPairs(for: request)
        if pairs.isEmpty { diagnosis.blockers.append(pairBlocker(request, &diagnosis.facts)) }
        let days = builder.workshopDays(for: request)
        if days.isEmpty { diagnosis.blockers.append(dayBlocker(request)) }
        if !pairs.isEmpty && !days.isEmpty { diagnosis.blockers += trainerAndGapBlockers(request, pairs: pairs, days: days, &diagnosis.facts) }
        if diagnosis.blockers.isEmpty {
            let (first, last) = window(request)
            diagnosis.blockers.append(Blocker(.noCompleteDates(window: first...last)))
        }
        return diagnosis
    }

    // MARK: R1

    private func pairBlocker(_ request: Request, _ facts: inout Diagnosis.Facts) -> Blocker {
        let ids = scenario.trainers.map(\.id)
        facts.requires = request.requires
        facts.excludes = request.excludes
        // Forbidden pairs that requires/excludes would allow: allowing one of them lets the request in.
        facts.forbiddenPairs = CostModel.forbiddenPairsAllowed(by: request, in: scenario)
        if ids.count < 2 { return Blocker(.tooFewTrainers) }
        let required = Set(request.requires)
        if required.count > 2 {
            return Blocker(.requiresMoreThanTwo(required: request.requires))
        }
        if let both = request.requires.first(where: request.excludes.contains) {
            return Blocker(.requiresAndExcludes(trainer: both))
        }
        let left = ids.filter { !request.excludes.contains($0) }
        if left.count < 2 {
            return Blocker(.excludesAllButOne(excluded: request.excludes, left: left.first))
        }
        let forbidden = facts.forbiddenPairs
        if required.count == 2 {
            return Blocker(.requiresForbiddenPair(required: request.requires.sorted()))
        }
        if let only = request.requires.first {
            let excluded = left.filter { $0 != only }.isEmpty ? [] : request.excludes
            return Blocker(.partnersForbidden(required: only, forbidden: forbidden, excluded: excluded))
        }
        return Blocker(.everyPairForbidden(left: left, forbidden: forbidden, excluded: request.excludes))
    }

    // MARK: R4 / R6

    private func window(_ request: Request) -> (first: Day, last: Day) { CostModel.windowBounds(request, scenario) }

    private func dayBlocker(_ request: Request) -> Blocker {
        let (first, last) = window(request)
        guard first <= last else {
            return Blocker(.windowOutsideHorizon(earliest: request.earliest, latest: request.latest, horizon: scenario.horizon,
                                                 start: scenario.planningStart > scenario.horizon.lowerBound ? scenario.planningStart : nil))
        }
        // Group the non-working days of the window (and the day after it) by what makes them so.
        var off: [DaysOff] = []
        var weekends = false
        var working: [Day] = []
        for day in first...last.advanced(by: 1) {
            guard let reason = calendar.reasonNotWorking(day, state: request.state, blackout: request.blackout) else {
                if day <= last { working.append(day) }
                continue
            }
            if reason.isWeekend { weekends = true; continue }
            if let i = off.firstIndex(where: { $0.reason == reason }) { off[i].days.append(day) } else { off.append(DaysOff(reason: reason, days: [day])) }
        }
        return Blocker(.noConsecutiveWorkingDays(window: first...last, state: request.state, off: off, weekends: weekends, stranded: working))
    }

    // MARK: R5, R2, R3

    private func trainerAndGapBlockers(_ request: Request, pairs: [TrainerPair], days: [Day], _ facts: inout Diagnosis.Facts) -> [Blocker] {
        let rules = scenario.rules
        let free = { (pair: TrainerPair, day: Day) in builder.commitments.isFree(pair, on: day) }
        let isMeetingDay = { (day: Day) in day >= scenario.planningStart && builder.isWorking(day, request) }
        var freeWorkshops: [(TrainerPair, Day)] = []
        for pair in pairs { for w in days where free(pair, w) && free(pair, w.advanced(by: 1)) { freeWorkshops.append((pair, w)) } }
        let (first, last) = window(request)
        facts.requires = request.requires
        facts.excludes = request.excludes
        facts.forbiddenPairs = CostModel.forbiddenPairsAllowed(by: request, in: scenario)
        if freeWorkshops.isEmpty {
            let trainers = Set(pairs.flatMap(\.ids)).sorted()
            let needed = Set(days.flatMap { [$0, $0.advanced(by: 1)] })
            let who = trainers.map { occupation(of: $0, on: needed) }.filter { !$0.unavailable.isEmpty || !$0.bookings.isEmpty }
            return [Blocker(.trainersUnavailable(pairs: pairs.count, only: pairs.count == 1 ? pairs[0] : nil, days: days.count,
                                                 window: first...last, trainers: who))]
        }
        var prepMissing = 0, followMissing = 0
        var prepExample: Day?, followExample: Day?
        for (pair, w) in freeWorkshops {
            let preps = (w.advanced(by: -rules.prepGap.max)...w.advanced(by: -rules.prepGap.min)).filter { isMeetingDay($0) && free(pair, $0) }
            let follows = (w.advanced(by: rules.followupGap.min)...w.advanced(by: rules.followupGap.max)).filter { isMeetingDay($0) && free(pair, $0) }
            if preps.isEmpty { prepMissing += 1; prepExample = min(prepExample ?? w, w) }
            if follows.isEmpty { followMissing += 1; followExample = min(followExample ?? w, w) }
        }
        var blockers: [Blocker] = []
        let freeDays = Set(freeWorkshops.map(\.1)).sorted()
        if prepMissing > 0, let w = prepExample {
            facts.preparationGapBlocks = true
            let from = w.advanced(by: -rules.prepGap.max), to = w.advanced(by: -rules.prepGap.min)
            blockers.append(Blocker(.noMeetingDay(meeting: .preparation, gap: rules.prepGap.min...rules.prepGap.max, missing: prepMissing,
                                                  slots: freeWorkshops.count, free: freeDays, example: w, range: from...to,
                                                  start: from < scenario.planningStart ? scenario.planningStart : nil)))
        }
        if followMissing > 0, let w = followExample {
            facts.followupGapBlocks = true
            let from = w.advanced(by: rules.followupGap.min), to = w.advanced(by: rules.followupGap.max)
            blockers.append(Blocker(.noMeetingDay(meeting: .followup, gap: rules.followupGap.min...rules.followupGap.max, missing: followMissing,
                                                  slots: freeWorkshops.count, free: freeDays, example: w, range: from...to, start: nil)))
        }
        // Each slot lacks one of the two meetings, but possibly different ones: say both.
        return blockers
    }

    /// The trainer's unavailable periods and bookings, restricted to those that touch `days`.
    func occupation(of trainer: String, on days: Set<Day>) -> TrainerOccupation {
        // Whole unavailable periods as the scenario gives them, those that touch the days in question.
        let away = DayRanges.runs(scenario.trainer(trainer)?.unavailable ?? []).filter { run in days.contains { run.contains($0) } }
        var bookings: [Holding] = []
        for booking in scenario.bookings where booking.trainers.contains(trainer) {
            let taken = Set(booking.eventDays).intersection(days)
            if !taken.isEmpty { bookings.append(Holding(municipality: booking.municipality, days: taken.sorted())) }
        }
        return TrainerOccupation(trainer: trainer, unavailable: away.flatMap { Array($0) }, bookings: bookings)
    }
}
