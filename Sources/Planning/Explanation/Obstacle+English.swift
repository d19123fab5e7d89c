/// The English sentence of an obstacle, without its rule code: plan.json's `reasons`, `wsplan
/// explain` and the terminal. Stable: programs may read them.
extension Obstacle {
    public var text: String {
        switch self {
        case .tooFewTrainers:
            return "the scenario has fewer than two trainers"
        case .requiresMoreThanTwo(let required):
            return "the request requires \(DayRanges.list(required)), but a package has two trainers"
        case .requiresAndExcludes(let trainer):
            return "the request both requires and excludes \(trainer)"
        case .excludesAllButOne(let excluded, let left):
            return "the request excludes \(DayRanges.list(excluded)): only \(left ?? "no trainer") is left, and a package needs two"
        case .requiresForbiddenPair(let required):
            return "the request requires \(DayRanges.list(required)), a forbidden pair"
        case .partnersForbidden(let required, let forbidden, let excluded):
            var why = "every possible partner of \(required) is in a forbidden pair (\(forbidden.map(\.description).joined(separator: ", ")))"
            if !excluded.isEmpty { why += " or excluded (\(excluded.joined(separator: ", ")))" }
            return "the request requires \(required), but \(why)"
        case .everyPairForbidden(let left, let forbidden, let excluded):
            var text = "every pair of the trainers left (\(left.joined(separator: ", "))) is forbidden (\(forbidden.map(\.description).joined(separator: ", ")))"
            if !excluded.isEmpty { text += "; the request excludes \(excluded.joined(separator: ", "))" }
            return text
        case .windowOutsideHorizon(let earliest, let latest, let horizon, let start):
            return "the request's window \(earliest?.iso ?? "")..\(latest?.iso ?? "") does not meet the horizon \(Self.span(horizon))"
                + (start.map { " after the planning start \($0.iso)" } ?? "")
        case .noConsecutiveWorkingDays(let window, let state, let off, let weekends, let stranded):
            let named = off.map { "\($0.reason.text) \(DayRanges.text($0.days))" } + (weekends ? ["weekends"] : [])
            var text = "no two consecutive working days in \(Self.span(window)) in \(state.rawValue) (\(named.joined(separator: "; ")))"
            if !stranded.isEmpty { text += "; the working days \(DayRanges.text(stranded)) have no working day after them" }
            return text
        case .trainersUnavailable(let pairs, let only, let days, let window, let trainers):
            let pairText = only.map { "the only allowed pair (\($0))" } ?? "every allowed pair (\(pairs))"
            let who = trainers.map { "\($0.trainer) \(Self.occupation($0))" }
            return "\(pairText) has a trainer unavailable or booked on each of the \(days) possible workshop days in \(Self.span(window)): \(who.joined(separator: "; "))"
        case .noCompleteDates(let window):
            return "no allowed pair has a complete set of free dates in \(Self.span(window))"
        case .noMeetingDay(let meeting, let gap, let missing, let slots, let free, let example, let range, let start):
            let preparation = meeting == .preparation
            var text = preparation
                ? "no free working day for the preparation \(gap.lowerBound)–\(gap.upperBound) days before the workshop"
                : "no free working day for the follow-up \(gap.lowerBound)–\(gap.upperBound) days after the workshop"
            text += missing == slots
                ? " on any of the \(free.count) workshop day(s) with a free pair (\(DayRanges.text(free, limit: 3)))"
                : " for \(missing) of the \(slots) free workshop slots"
            text += "; for \(example.iso) that is \(Self.span(range))"
            if let start { text += ", which starts before the planning start \(start.iso)" }
            return text
        case .packageCap(let trainers, let blocked, let allowed):
            let who = DayRanges.list(trainers.map { "\($0.trainer) (\($0.packages) of \($0.cap))" })
            return blocked == allowed
                ? "trainers \(who) have reached max_packages, and every allowed pair (\(allowed)) includes one of them"
                : "trainers \(who) have reached max_packages, which rules out \(blocked) of the \(allowed) allowed pairs"
        case .workshopDaysTaken(let pairs, let other, let all, let slots, let window, let holders):
            let lead = other ? "the other allowed pairs (\(pairs))" : "every allowed pair (\(pairs))"
            let days = all.map { "on all \($0) possible workshop days in \(Self.span(window))" }
                ?? "on \(slots) of their possible workshop slots in \(Self.span(window))"
            return "\(lead) \(other ? "are" : "is") booked \(days): \(Self.holders(holders))"
        case .meetingDaysTaken(let slots, let holders):
            return "on \(slots) workshop slot(s) with both trainers free, every preparation or follow-up day within the gaps is taken: \(Self.holders(holders))"
        case .monthCap(let slots, let trainers):
            let who = trainers.map { t in
                "\(t.trainer) in " + t.months.map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month) (\($0.days) of \(t.cap) days)" }.joined(separator: ", ")
            }
            return "max_days_per_month is reached on \(slots) slot(s): \(who.joined(separator: "; "))"
        case .solverStopped(let pair, let preparation, let workshop, let followup):
            return "a package fits this plan (\(pair), workshop \(workshop.iso), preparation \(preparation.iso), follow-up \(followup.iso)); the solver stopped at its limit before finding it"
        }
    }

    static func span(_ days: ClosedRange<Day>) -> String { "\(days.lowerBound.iso)..\(days.upperBound.iso)" }

    /// "unavailable 2027-02-01..2027-02-14, booked for kassel 2027-02-16..2027-02-17".
    static func occupation(_ o: TrainerOccupation) -> String {
        var parts: [String] = []
        if !o.unavailable.isEmpty { parts.append("unavailable \(DayRanges.text(o.unavailable))") }
        parts += o.bookings.map { "booked for \($0.municipality) \(DayRanges.text($0.days))" }
        return parts.joined(separator: ", ")
    }

    /// "hansen by kiel 2027-02-09..2027-02-10, luebeck 2027-03-02; nowak by …", at most `limit` packages a trainer.
    static func holders(_ holders: [TrainerHoldings], limit: Int = 4) -> String {
        holders.map { t in
            var parts = t.holdings.prefix(limit).map { "\($0.municipality) \(DayRanges.text($0.days, limit: 2))" }
            if t.holdings.count > limit { parts.append("and \(t.holdings.count - limit) more") }
            return "\(t.trainer) by \(parts.joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}
