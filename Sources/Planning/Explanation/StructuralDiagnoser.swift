/// Explains a request that has no candidate at all: nothing in its own rules leaves a package
/// (R1 pairs, R4/R6 days, R5 against unavailability and confirmed bookings, R2/R3 gaps).
///
/// Follows the stages of `CandidateBuilder` and reports the first stage that leaves nothing,
/// with the concrete days, holidays and trainers.
struct StructuralDiagnoser {
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
            diagnosis.blockers.append(Blocker(rule: "R5", "no allowed pair has a complete set of free dates in \(builder.window(request))"))
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
        if ids.count < 2 { return Blocker(rule: "R1", "the scenario has fewer than two trainers") }
        let required = Set(request.requires)
        if required.count > 2 {
            return Blocker(rule: "R1", "the request requires \(DayRanges.list(request.requires)), but a package has two trainers")
        }
        if let both = request.requires.first(where: request.excludes.contains) {
            return Blocker(rule: "R1", "the request both requires and excludes \(both)")
        }
        let left = ids.filter { !request.excludes.contains($0) }
        if left.count < 2 {
            return Blocker(rule: "R1", "the request excludes \(DayRanges.list(request.excludes)): only \(left.isEmpty ? "no trainer" : left[0]) is left, and a package needs two")
        }
        let forbidden = facts.forbiddenPairs.map(\.description)
        if required.count == 2 {
            return Blocker(rule: "R1", "the request requires \(DayRanges.list(request.requires.sorted())), a forbidden pair")
        }
        if let only = request.requires.first {
            let excluded = left.filter { $0 != only }.isEmpty ? [] : request.excludes
            var why = "every possible partner of \(only) is in a forbidden pair (\(forbidden.joined(separator: ", ")))"
            if !excluded.isEmpty { why += " or excluded (\(excluded.joined(separator: ", ")))" }
            return Blocker(rule: "R1", "the request requires \(only), but \(why)")
        }
        var text = "every pair of the trainers left (\(left.joined(separator: ", "))) is forbidden (\(forbidden.joined(separator: ", ")))"
        if !request.excludes.isEmpty { text += "; the request excludes \(request.excludes.joined(separator: ", "))" }
        return Blocker(rule: "R1", text)
    }

    // MARK: R4 / R6

    private func window(_ request: Request) -> (first: Day, last: Day) { CostModel.windowBounds(request, scenario) }

    private func dayBlocker(_ request: Request) -> Blocker {
        let (first, last) = window(request)
        guard first <= last else {
            let own = "\(request.earliest?.iso ?? "")..\(request.latest?.iso ?? "")"
            return Blocker(rule: "R6", "the request's window \(own) does not meet the horizon \(scenario.horizon.lowerBound.iso)..\(scenario.horizon.upperBound.iso)"
                + (scenario.planningStart > scenario.horizon.lowerBound ? " after the planning start \(scenario.planningStart.iso)" : ""))
        }
        // Group the non-working days of the window (and the day after it) by what makes them so.
        var byReason: [String: [Day]] = [:]
        var order: [String] = []
        var working: [Day] = []
        for day in first...last.advanced(by: 1) {
            guard let reason = calendar.reasonNotWorking(day, state: request.state, blackout: request.blackout) else {
                if day <= last { working.append(day) }
                continue
            }
            let key = reason == "Saturday" || reason == "Sunday" ? "weekends" : reason
            if byReason[key] == nil { order.append(key) }
            byReason[key, default: []].append(day)
        }
        let named = order.filter { $0 != "weekends" }.map { "\($0) \(DayRanges.text(byReason[$0]!))" }
            + (byReason["weekends"] == nil ? [] : ["weekends"])
        var text = "no two consecutive working days in \(first.iso)..\(last.iso) in \(request.state.rawValue) (\(named.joined(separator: "; ")))"
        if !working.isEmpty { text += "; the working days \(DayRanges.text(working)) have no working day after them" }
        return Blocker(rule: "R4", text)
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
            let who = trainers.compactMap { id -> String? in
                let text = occupation(of: id, on: needed)
                return text.isEmpty ? nil : "\(id) \(text)"
            }
            let pairText = pairs.count == 1 ? "the only allowed pair (\(pairs[0]))" : "every allowed pair (\(pairs.count))"
            return [Blocker(rule: "R5", "\(pairText) has a trainer unavailable or booked on each of the \(days.count) possible workshop days in \(first.iso)..\(last.iso): \(who.joined(separator: "; "))")]
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
        let freeDays = freeWorkshops.map(\.1)
        let freeText = "\(Set(freeDays).count) workshop day(s) with a free pair (\(DayRanges.text(freeDays, limit: 3)))"
        if prepMissing > 0, let w = prepExample {
            facts.preparationGapBlocks = true
            let from = w.advanced(by: -rules.prepGap.max), to = w.advanced(by: -rules.prepGap.min)
            var text = "no free working day for the preparation \(rules.prepGap.min)–\(rules.prepGap.max) days before the workshop"
            text += prepMissing == freeWorkshops.count ? " on any of the \(freeText)" : " for \(prepMissing) of the \(freeWorkshops.count) free workshop slots"
            text += "; for \(w.iso) that is \(from.iso)..\(to.iso)"
            if from < scenario.planningStart { text += ", which starts before the planning start \(scenario.planningStart.iso)" }
            blockers.append(Blocker(rule: "R2", text))
        }
        if followMissing > 0, let w = followExample {
            facts.followupGapBlocks = true
            let from = w.advanced(by: rules.followupGap.min), to = w.advanced(by: rules.followupGap.max)
            var text = "no free working day for the follow-up \(rules.followupGap.min)–\(rules.followupGap.max) days after the workshop"
            text += followMissing == freeWorkshops.count ? " on any of the \(freeText)" : " for \(followMissing) of the \(freeWorkshops.count) free workshop slots"
            text += "; for \(w.iso) that is \(from.iso)..\(to.iso)"
            blockers.append(Blocker(rule: "R3", text))
        }
        // Each slot lacks one of the two meetings, but possibly different ones: say both.
        return blockers
    }

    /// "unavailable 2027-02-01..2027-02-14, booked for kassel 2027-02-16..2027-02-17", restricted to `days`.
    func occupation(of trainer: String, on days: Set<Day>) -> String {
        var parts: [String] = []
        // Whole unavailable periods as the scenario gives them, those that touch the days in question.
        let away = DayRanges.runs(scenario.trainer(trainer)?.unavailable ?? []).filter { run in days.contains { run.contains($0) } }
        if !away.isEmpty { parts.append("unavailable \(DayRanges.text(away.flatMap { Array($0) }))") }
        for booking in scenario.bookings where booking.trainers.contains(trainer) {
            let taken = Set(booking.eventDays).intersection(days)
            if !taken.isEmpty { parts.append("booked for \(booking.municipality) \(DayRanges.text(taken))") }
        }
        return parts.joined(separator: ", ")
    }
}
