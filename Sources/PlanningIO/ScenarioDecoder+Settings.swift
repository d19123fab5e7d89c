import Planning

/// `rules:`, `costs:`, `weights:`, `solver:` and `calendar:`; every key optional, the domain's
/// defaults (SPEC §2–§4) for what is not given.
extension ScenarioDecoder {
    mutating func readRules(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        node.checkKeys(["prep_gap_days", "followup_gap_days", "max_participants", "avoid_school_holidays", "office_closure"], &log)
        if let gap = node.optional("prep_gap_days") {
            rules.prepGap = readGapRule(gap, default: rules.prepGap, smallestMin: 1,
                                        why: "the preparation must come before the workshop")
        }
        if let gap = node.optional("followup_gap_days") {
            rules.followupGap = readGapRule(gap, default: rules.followupGap, smallestMin: 2,
                                            why: "the follow-up must come after the workshop's second day")
        }
        if let value = node.optional("max_participants")?.integer(&log, atLeast: 1, atMost: 100_000) { rules.maxParticipants = value }
        if let value = node.optional("avoid_school_holidays")?.boolean(&log) { rules.avoidSchoolHolidays = value }
        if let closure = node["office_closure"] { readOfficeClosure(closure) }
    }

    /// `{min, max, target}` in days; missing keys keep the default.
    private mutating func readGapRule(_ node: SourceNode, default rule: GapRule, smallestMin: Int, why: String) -> GapRule {
        guard node.mappingEntries(&log, what: "a mapping {min: …, max: …, target: …}") != nil else { return rule }
        node.checkKeys(["min", "max", "target"], &log)
        var result = rule
        var valid = true
        for (key, keyPath) in [("min", \GapRule.min), ("max", \GapRule.max), ("target", \GapRule.target)] {
            guard let value = node.optional(key) else { continue }
            // Gaps beyond ten years are typos, and would push dates out of any calendar.
            if let number = value.integer(&log, atLeast: 0, atMost: 3660) { result[keyPath: keyPath] = number } else { valid = false }
        }
        guard valid else { return rule }
        if result.min < smallestMin {
            log.add("min is \(result.min), but \(why), so it must be at least \(smallestMin) days", at: node.location)
        } else if result.min > result.max {
            log.add("min (\(result.min)) is greater than max (\(result.max)), so no date would fit; swap them or change one",
                    at: node.location)
        } else if !(result.min...result.max).contains(result.target) {
            log.add("target (\(result.target)) lies outside min..max (\(result.min)..\(result.max)); choose a target in that range",
                    at: node.location)
        }
        return result
    }

    /// `["12-24", "01-01"]` (start and end, inclusive, may wrap over New Year); `null` or `[]` for none.
    private mutating func readOfficeClosure(_ node: SourceNode) {
        if node.isNull {
            rules.officeClosure = nil
            return
        }
        guard let items = node.list(&log, what: "a list of two days [\"12-24\", \"01-01\"] (month-day)") else { return }
        if items.isEmpty {
            rules.officeClosure = nil
            return
        }
        guard items.count == 2 else {
            log.add("give two month-days, the first and the last day of the closure, e.g. [\"12-24\", \"01-01\"]", at: node.location)
            return
        }
        let days = items.map { item -> MonthDay? in
            guard let text = item.text(&log, what: "a month-day such as \"12-24\"") else { return nil }
            guard text.count == 5, let monthDay = MonthDay(text: text) else {
                log.add("'\(text)' is not a month-day; write it as MM-DD in quotes, e.g. \"12-24\"", at: item.location)
                return nil
            }
            return monthDay
        }
        if let start = days[0], let end = days[1] { rules.officeClosure = (start, end) }
    }

    mutating func readCosts(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        node.checkKeys(["fee_eur", "materials_eur_per_participant", "travel"], &log)
        if let value = amount(node, "fee_eur") { costs.feeEur = value }
        if let value = amount(node, "materials_eur_per_participant") { costs.materialsEurPerParticipant = value }
        guard let travel = node.optional("travel"), travel.mappingEntries(&log) != nil else { return }
        travel.checkKeys(["eur_per_km", "detour_factor", "commute_km", "evening_before_km", "hotel_eur"], &log)
        if let value = amount(travel, "eur_per_km") { costs.travel.eurPerKm = value }
        if let value = travel.optional("detour_factor") {
            // Roads are never shorter than the straight line.
            if let factor = value.number(&log, atLeast: 1, atMost: 10) { costs.travel.detourFactor = factor }
        }
        if let value = amount(travel, "commute_km") { costs.travel.commuteKm = value }
        if let value = amount(travel, "evening_before_km") { costs.travel.eveningBeforeKm = value }
        if let value = amount(travel, "hotel_eur") { costs.travel.hotelEur = value }
    }

    mutating func readWeights(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        let keys: [(String, WritableKeyPath<Weights, Double>)] = [
            ("unscheduled_eur", \.unscheduledEur), ("prep_gap_eur", \.prepGapEur), ("followup_gap_eur", \.followupGapEur),
            ("preferred_pair_eur", \.preferredPairEur), ("max_load_eur", \.maxLoadEur), ("move_eur", \.moveEur),
        ]
        node.checkKeys(keys.map(\.0), &log)
        for (key, keyPath) in keys {
            if let value = amount(node, key, atMost: 1e9) { weights[keyPath: keyPath] = value }
        }
    }

    mutating func readSolver(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        node.checkKeys(["time_limit_s", "mip_gap"], &log)
        if let value = node.optional("time_limit_s")?.number(&log, above: 0, atMost: Self.longestTimeLimit) { solver.timeLimitSeconds = value }
        if let value = node.optional("mip_gap")?.number(&log, atLeast: 0, atMost: 1) { solver.mipGap = value }
    }

    mutating func readCalendar(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        node.checkKeys(["organizer", "times"], &log)
        if let organizer = node.optional("organizer"), organizer.mappingEntries(&log) != nil {
            organizer.checkKeys(["name", "email"], &log)
            if let name = organizer.optional("name")?.text(&log) {
                if let problem = TextLimits.nameProblem(name, what: "organizer's name") {
                    log.add(problem, at: organizer["name"]!.location)
                } else {
                    calendar.organizerName = name
                }
            }
            if let email = organizer.optional("email")?.text(&log) {
                if let problem = TextLimits.emailProblem(email) {
                    log.add(problem, at: organizer["email"]!.location)
                } else {
                    calendar.organizerEmail = email
                }
            }
        }
        if let times = node.optional("times"), times.mappingEntries(&log) != nil {
            times.checkKeys(["meeting", "workshop"], &log)
            if let value = times.optional("meeting"), let span = readTimeSpan(value) { calendar.meetingTimes = span }
            if let value = times.optional("workshop"), let span = readTimeSpan(value) { calendar.workshopTimes = span }
        }
    }

    /// `["09:30", "13:00"]`: start and end, the start first.
    private mutating func readTimeSpan(_ node: SourceNode) -> (String, String)? {
        let what = "a list of two times [\"09:00\", \"17:00\"]"
        guard let items = node.list(&log, what: what) else { return nil }
        guard items.count == 2 else {
            log.add("expected \(what)", at: node.location)
            return nil
        }
        var minutes: [Int] = []
        for item in items {
            guard let text = item.text(&log, what: "a time such as \"09:00\"") else { continue }
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                  let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
            else {
                log.add("'\(text)' is not a time; write HH:MM in quotes, e.g. \"09:30\"", at: item.location)
                continue
            }
            minutes.append(hour * 60 + minute)
        }
        guard minutes.count == 2 else { return nil }
        guard minutes[0] < minutes[1] else {
            log.add("the end time comes before the start time; write the start first", at: node.location)
            return nil
        }
        return (items[0].scalarText!, items[1].scalarText!)
    }

    /// A non-negative amount (EUR, km, a weight) under `key`, when given; larger than `maximum`
    /// (ten million by default) is a typo and would swamp every other term of the objective.
    private mutating func amount(_ node: SourceNode, _ key: String, atMost maximum: Double = 1e7) -> Double? {
        node.optional(key)?.number(&log, atLeast: 0, atMost: maximum)
    }

    /// The longest solver time limit taken (about eleven days): more is a typo.
    static let longestTimeLimit = 1e6
}
