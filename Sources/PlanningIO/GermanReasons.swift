import Planning

/// The German sentences of why a request is not scheduled and of the changes that would let it
/// in, for the office's papers (report.html, the excel-de costs.csv). Made from the typed reasons
/// of plan.json (`obstacles`, `changes`); trainers and municipalities by name.
public struct GermanReasons {
    public var trainerName: (String) -> String
    public var municipalityName: (String) -> String

    /// Names from the plan (its trainers, packages and unscheduled requests).
    public init(plan: Plan) { self.init(plan: plan, facts: nil) }

    /// Names from the plan (its trainers and packages), and from the scenario's facts when given.
    init(plan: Plan, facts: ReportFacts?) {
        var trainers: [String: String] = [:]
        for t in plan.trainers ?? [] { trainers[t.id] = t.name }
        for t in facts?.trainers ?? [] { trainers[t.id] = t.name }
        var municipalities: [String: String] = [:]
        for p in plan.packages { municipalities[p.municipality] = p.name }
        for u in plan.unscheduled { municipalities[u.municipality] = u.name }
        for (id, r) in facts?.requests ?? [:] where municipalities[id] == nil { municipalities[id] = r.name }
        trainerName = { trainers[$0] ?? $0 }
        municipalityName = { municipalities[$0] ?? $0 }
    }

    /// The German sentences of an unscheduled request's reasons, each with its rule code; the
    /// English ones (tagged) when the plan.json is older than the typed reasons.
    public func reasons(_ request: UnscheduledRequest) -> [(rule: String, text: String)] {
        if let obstacles = request.obstacles, !obstacles.isEmpty {
            return obstacles.map { ($0.rule.code, sentence($0)) }
        }
        return request.reasons.map { reason in
            let code = reason.prefix { $0 != ":" }
            guard code.count < reason.count, Rule(rawValue: String(code)) != nil else { return ("", reason) }
            return (String(code), String(reason.dropFirst(code.count + 1)).trimmingCharacters(in: .whitespaces))
        }
    }

    /// "R7: Müller (10 von 10 Paketen) hat …": the first reason as one line (costs.csv).
    func firstReason(_ request: UnscheduledRequest) -> String {
        guard let first = reasons(request).first else { return "" }
        return first.rule.isEmpty ? first.text : "\(first.rule): \(first.text)"
    }

    // MARK: Reasons

    func sentence(_ obstacle: Obstacle) -> String {
        switch obstacle {
        case .tooFewTrainers:
            return "Das Szenario hat weniger als zwei Trainer/innen; ein Paket braucht zwei."
        case .requiresMoreThanTwo(let required):
            return "Die Anfrage verlangt \(names(required)), ein Paket hat aber nur zwei Trainer/innen."
        case .requiresAndExcludes(let trainer):
            return "Die Anfrage verlangt \(trainerName(trainer)) und schließt \(trainerName(trainer)) zugleich aus."
        case .excludesAllButOne(let excluded, let left):
            return "Die Anfrage schließt \(names(excluded)) aus; übrig \(left.map { "bleibt nur \(trainerName($0))" } ?? "bleibt niemand"), ein Paket braucht aber zwei Trainer/innen."
        case .requiresForbiddenPair(let required):
            return "Die Anfrage verlangt \(names(required)), die nicht als Paar eingesetzt werden dürfen."
        case .partnersForbidden(let required, let forbidden, let excluded):
            var text = "Die Anfrage verlangt \(trainerName(required)), aber jede mögliche Partnerin und jeder mögliche Partner bildet mit \(trainerName(required)) ein nicht zugelassenes Paar (\(pairs(forbidden)))"
            if !excluded.isEmpty { text += " oder ist von der Anfrage ausgeschlossen (\(names(excluded)))" }
            return text + "."
        case .everyPairForbidden(let left, let forbidden, let excluded):
            var text = "Jedes Paar aus den verbleibenden Trainer/innen (\(names(left))) ist nicht zugelassen (\(pairs(forbidden)))"
            if !excluded.isEmpty { text += "; die Anfrage schließt \(names(excluded)) aus" }
            return text + "."
        case .windowOutsideHorizon(let earliest, let latest, let horizon, let start):
            let own = "\(earliest.map(GermanFormat.numericDate) ?? "…")–\(latest.map(GermanFormat.numericDate) ?? "…")"
            return "Das Zeitfenster der Anfrage (\(own)) liegt außerhalb des Planungszeitraums \(Self.span(horizon))"
                + (start.map { " ab dem Planungsbeginn \(GermanFormat.numericDate($0))" } ?? "") + "."
        case .noConsecutiveWorkingDays(let window, let state, let off, let weekends, let stranded):
            let named = off.map { "\(Self.dayOff($0.reason)) \(Self.days($0.days))" } + (weekends ? ["Wochenenden"] : [])
            var text = "Im Zeitfenster \(Self.span(window)) gibt es in \(state.germanName) keine zwei aufeinanderfolgenden Arbeitstage (\(named.joined(separator: "; ")))."
            if !stranded.isEmpty { text += " Auf die Arbeitstage \(Self.days(stranded)) folgt kein Arbeitstag." }
            return text
        case .trainersUnavailable(let pairs, let only, let days, let window, let trainers):
            let lead = only.map { "Im einzigen zugelassenen Paar (\(pair($0)))" } ?? "In jedem der \(pairs) zugelassenen Paare"
            let who = trainers.map(occupation).joined(separator: "; ")
            return "\(lead) ist an jedem der \(days) möglichen Workshoptage im Zeitfenster \(Self.span(window)) jemand abwesend oder schon gebucht: \(who)."
        case .noCompleteDates(let window):
            return "Kein zugelassenes Paar hat im Zeitfenster \(Self.span(window)) freie Tage für Vorbereitung, Workshop und Nachbereitung zugleich."
        case .noMeetingDay(let meeting, let gap, let missing, let slots, let free, let example, let range, let start):
            let preparation = meeting == .preparation
            var text = preparation
                ? "Für die Vorbereitung \(gap.lowerBound)–\(gap.upperBound) Tage vor dem Workshop gibt es keinen freien Arbeitstag"
                : "Für die Nachbereitung \(gap.lowerBound)–\(gap.upperBound) Tage nach dem Workshop gibt es keinen freien Arbeitstag"
            text += missing == slots
                ? ", an keinem der \(free.count) Workshoptage mit freiem Paar (\(Self.days(free, limit: 3)))"
                : ", bei \(missing) von \(slots) freien Workshopterminen"
            text += "; für den Workshop am \(GermanFormat.numericDate(example)) wäre das \(Self.span(range))"
            if let start { text += ", also vor dem Planungsbeginn \(GermanFormat.numericDate(start))" }
            return text + "."
        case .packageCap(let trainers, let blocked, let allowed):
            let who = Self.list(trainers.map { "\(trainerName($0.trainer)) (\($0.packages) von \($0.cap))" })
            let lead = trainers.count == 1
                ? "\(who) hat die Höchstzahl an Paketen erreicht"
                : "Die Trainer/innen \(who) haben ihre Höchstzahl an Paketen erreicht"
            return lead + (blocked == allowed
                ? "; jedes der \(allowed) zugelassenen Paare enthält \(trainers.count == 1 ? "diese Person" : "eine von ihnen")."
                : "; das schließt \(blocked) der \(allowed) zugelassenen Paare aus.")
        case .workshopDaysTaken(let pairs, let other, let all, let slots, let window, let holders):
            let lead = pairs == 1
                ? (other ? "Das übrige zugelassene Paar ist" : "Das zugelassene Paar ist")
                : (other ? "Die übrigen \(pairs) zugelassenen Paare sind" : "Alle \(pairs) zugelassenen Paare sind")
            let days = all.map { "an allen \($0) möglichen Workshoptagen" } ?? "an \(slots) ihrer möglichen Workshoptermine"
            return "\(lead) \(days) im Zeitfenster \(Self.span(window)) schon verplant: \(self.holders(holders))."
        case .meetingDaysTaken(let slots, let holders):
            return "Bei \(slots) Workshopterminen, an denen beide Trainer/innen frei sind, ist jeder mögliche Tag für Vorbereitung oder Nachbereitung schon belegt: \(self.holders(holders))."
        case .monthCap(let slots, let trainers):
            let who = trainers.map { t in
                "\(trainerName(t.trainer)) im " + t.months.map { "\(GermanFormat.monthTitle(year: $0.year, month: $0.month)) (\($0.days) von \(t.cap) Tagen)" }.joined(separator: ", ")
            }
            return "Bei \(slots) Terminen ist die Höchstzahl an Einsatztagen im Monat erreicht: \(who.joined(separator: "; "))."
        case .solverStopped(let pair, let preparation, let workshop, let followup):
            return "Ein Paket passt in diesen Plan (\(self.pair(pair)), Vorbereitung \(GermanFormat.numericDate(preparation)), Workshop \(GermanFormat.numericDate(workshop)), Nachbereitung \(GermanFormat.numericDate(followup))); der Solver hat es bis zu seinem Zeitlimit nicht gefunden."
        }
    }

    static func dayOff(_ reason: DayOff) -> String {
        switch reason {
        case .saturday: "Samstag"
        case .sunday: "Sonntag"
        case .publicHoliday(let name, _): "Feiertag \(name)"
        case .officeClosure: "Schließzeit des Büros"
        case .blackout: "Sperrtage der Kommune"
        case .schoolHoliday(let name, let state): "Schulferien (\(name)) in \(state.germanName)"
        }
    }

    private func occupation(_ o: TrainerOccupation) -> String {
        var parts: [String] = []
        if !o.unavailable.isEmpty { parts.append("abwesend \(Self.days(o.unavailable))") }
        parts += o.bookings.map { "gebucht für \(municipalityName($0.municipality)) \(Self.days($0.days))" }
        return "\(trainerName(o.trainer)) \(parts.joined(separator: ", "))"
    }

    /// "Müller durch Kassel 09.–10.02.2027, Lübeck 02.03.2027; Schmidt durch …", at most four packages a trainer.
    private func holders(_ holders: [TrainerHoldings], limit: Int = 4) -> String {
        holders.map { t in
            var parts = t.holdings.prefix(limit).map { "\(municipalityName($0.municipality)) \(Self.days($0.days, limit: 2))" }
            if t.holdings.count > limit { parts.append("\(t.holdings.count - limit) weitere") }
            return "\(trainerName(t.trainer)) durch \(Self.list(parts))"
        }.joined(separator: "; ")
    }

    private func names(_ ids: [String]) -> String { Self.list(ids.map(trainerName)) }
    private func pair(_ p: TrainerPair) -> String { "\(trainerName(p.first)) + \(trainerName(p.second))" }
    private func pairs(_ ps: [TrainerPair]) -> String { ps.map(pair).joined(separator: ", ") }

    // MARK: Changes

    /// "das Zeitfenster um 7 Tage erweitern (01.03.–09.04.2027)": what the office would change.
    /// `window` is the request's own earliest/latest, when known.
    public func change(_ relaxation: Relaxation, window: (earliest: Day?, latest: Day?)? = nil) -> String {
        switch relaxation {
        case .widenWindow(let n):
            var text = "das Zeitfenster der Anfrage um \(Self.count(n, "Tag", "Tage")) nach vorn und hinten erweitern"
            if let window {
                if let earliest = window.earliest, let latest = window.latest {
                    text += " (auf \(Self.span(earliest.advanced(by: -n)...latest.advanced(by: n))))"
                } else if let earliest = window.earliest {
                    text += " (frühestens \(GermanFormat.numericDate(earliest.advanced(by: -n))))"
                } else if let latest = window.latest {
                    text += " (spätestens \(GermanFormat.numericDate(latest.advanced(by: n))))"
                }
            }
            return text
        case .raiseMaxPackages(let id, let cap):
            return "die Höchstzahl an Paketen für \(trainerName(id)) von \(cap - 1) auf \(cap) erhöhen"
        case .raiseMaxDaysPerMonth(let id, let cap):
            return "die Höchstzahl an Einsatztagen im Monat für \(trainerName(id)) von \(cap - 1) auf \(cap) erhöhen"
        case .allowPair(let pair):
            return "das Paar \(self.pair(pair)) zulassen"
        case .shorterPreparationGap(let k):
            return "den Mindestabstand der Vorbereitung zum Workshop um \(Self.count(k, "Tag", "Tage")) verkürzen"
        case .shorterFollowupGap(let k):
            return "den Mindestabstand der Nachbereitung zum Workshop um \(Self.count(k, "Tag", "Tage")) verkürzen"
        case .dropRequires(let id):
            return "auf die Vorgabe verzichten, dass \(trainerName(id)) dabei ist"
        case .dropExcludes(let id):
            return "den Ausschluss von \(trainerName(id)) aufheben"
        }
    }

    // MARK: Days and lists

    /// "01.–14.02.2027, 03.03.2027", at most `limit` runs, then "und N weitere".
    static func days(_ days: [Day], limit: Int = 6) -> String {
        var runs: [ClosedRange<Day>] = []
        for day in Set(days).sorted() {
            if let last = runs.last, last.upperBound.advanced(by: 1) == day { runs[runs.count - 1] = last.lowerBound...day } else { runs.append(day...day) }
        }
        var parts = runs.prefix(limit).map(span)
        if runs.count > limit { parts.append("\(runs.count - limit) weitere") }
        return list(parts)
    }

    /// "09.02.2027", "09.–10.02.2027", "28.02.–03.03.2027", "30.12.2027–02.01.2028".
    static func span(_ days: ClosedRange<Day>) -> String {
        let (a, b) = (days.lowerBound.components, days.upperBound.components)
        let last = GermanFormat.numericDate(days.upperBound)
        if days.lowerBound == days.upperBound { return last }
        let first = GermanFormat.numericDate(days.lowerBound)
        if a.year != b.year { return "\(first)–\(last)" }
        if a.month != b.month { return "\(first.prefix(6))–\(last)" }
        return "\(first.prefix(3))–\(last)"
    }

    /// "a, b und c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " und " + items.last!
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
