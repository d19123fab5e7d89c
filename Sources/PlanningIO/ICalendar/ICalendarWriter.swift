import Foundation
import Planning

/// Writes the calendar files of a plan (SPEC §6): `all.ics`, one `trainer-ID.ics` per trainer and
/// one `municipality-ID.ics` per municipality, RFC 5545 with `METHOD:PUBLISH`.
public struct ICalendarWriter {
    public let plan: Plan
    /// DTSTAMP of every event, UTC `YYYYMMDDTHHMMSSZ`: when the files were made.
    public let stamp: String
    /// The plan's facts by id, looked up once: a plan of 1,762 requests has 7,000 events, each
    /// written into three calendars.
    private let lookup: Lookup

    public init(plan: Plan, stamp: String) {
        self.plan = plan
        self.stamp = stamp
        lookup = Lookup(plan)
    }

    /// The plan's events: its ledger, or (for a plan written without one) derived from its packages.
    var events: [CalendarEvent] {
        plan.events ?? CalendarEventLedger.events(for: plan.packages, previous: nil, now: stamp)
    }

    /// Relative paths (`ics/…`) to file contents.
    public func files() -> [String: Data] {
        let events = self.events
        // Each event's VEVENT is folded once without costs (all.ics, the trainers') and once with
        // them (its municipality's calendar).
        let plain = events.map { ContentLines.render(vevent($0, status: $0.status, withCosts: false)) }
        var files: [String: Data] = [:]
        let exchange = plan.exchange.map(exchangeEvent) ?? []
        files["ics/all.ics"] = calendar(name: "Integrationsworkshops – \(plan.scenario)", events: plain, extra: exchange)
        var own: [String: [Int]] = [:], removed: [String: [Int]] = [:]
        for (index, event) in events.enumerated() {
            for trainer in Set(event.trainers) { own[trainer, default: []].append(index) }
            for trainer in Set(event.formerTrainers) where !event.trainers.contains(trainer) { removed[trainer, default: []].append(index) }
        }
        for trainer in trainerList(events) {
            files["ics/trainer-\(trainer.id).ics"] = calendar(name: "Einsätze \(trainer.name)", events: (own[trainer.id] ?? []).map { plain[$0] },
                                                              extra: (removed[trainer.id] ?? []).flatMap { withdrawal(events[$0], from: trainer.id) })
        }
        var byMunicipality: [String: [Int]] = [:]
        for (index, event) in events.enumerated() { byMunicipality[event.municipality, default: []].append(index) }
        for (municipality, indices) in byMunicipality.sorted(by: { $0.key < $1.key }) {
            let own = indices.map { ContentLines.render(vevent(events[$0], status: events[$0].status, withCosts: true)) }
            var extra: [String] = []
            if let day = plan.exchange, day.municipalities.contains(municipality) { extra += exchange }
            if plan.exchange != nil, let package = lookup.packages[municipality], !package.pinned { extra += councilMilestone(package) }
            files["ics/municipality-\(municipality).ics"] = calendar(name: "Integrationsworkshop \(displayName(municipality))",
                                                                     events: own, extra: extra)
        }
        return files
    }

    private func trainerList(_ events: [CalendarEvent]) -> [PlanTrainer] {
        var list = plan.trainers ?? []
        let known = Set(list.map(\.id))
        let mentioned = Set(events.flatMap { $0.trainers + $0.formerTrainers }).subtracting(known)
        list += mentioned.sorted().map { PlanTrainer(id: $0, name: $0) }
        return list
    }

    /// The first package, name and trainer name the plan gives for each id, as the calendars use them.
    private struct Lookup {
        var packages: [String: PlannedPackage] = [:]
        var names: [String: String] = [:]
        var trainerNames: [String: String] = [:]
        /// What every event of a municipality's package says alike.
        var packageTexts: [String: PackageTexts] = [:]
        var settings: PlanCalendarSettings
        /// The ORGANIZER line of every event.
        var organizer: String

        struct PackageTexts {
            /// The cost estimate of the municipality's calendar.
            var costs: String
            /// The LOCATION value, escaped.
            var location: String
            /// The GEO line, when the package has coordinates.
            var geo: String?
        }

        init(_ plan: Plan) {
            settings = plan.calendar ?? PlanCalendarSettings(CalendarSettings())
            organizer = "ORGANIZER;CN=\(ContentLines.quotedParameter(settings.organizerName)):" + ContentLines.mailto(settings.organizerEmail)
            for package in plan.packages where packages[package.municipality] == nil {
                packages[package.municipality] = package
                let c = package.costs
                packageTexts[package.municipality] = PackageTexts(
                    costs: "Kostenschätzung des Pakets: Honorar \(GermanFormat.euro(c.fee)), Material \(GermanFormat.euro(c.materials)), "
                        + "Reisekosten \(GermanFormat.euro(c.travel)), gesamt \(GermanFormat.euro(c.total))",
                    location: ContentLines.escapeText("\(package.place), \(package.state.germanName)"),
                    geo: package.lat.flatMap { lat in package.lon.map { "GEO:" + String(format: "%.5f;%.5f", lat, $0) } })
            }
            // A municipality's name: its package's, else its unscheduled request's, else the first event's that has one.
            for event in (plan.events ?? []).reversed() { if let name = event.name { names[event.municipality] = name } }
            for request in plan.unscheduled.reversed() { names[request.municipality] = request.name }
            for (id, package) in packages { names[id] = package.name }
            for trainer in (plan.trainers ?? []).reversed() { trainerNames[trainer.id] = trainer.name }
        }
    }

    private var settings: PlanCalendarSettings { lookup.settings }

    private func package(_ municipality: String) -> PlannedPackage? { lookup.packages[municipality] }

    private func displayName(_ municipality: String) -> String { lookup.names[municipality] ?? municipality }

    private func trainerName(_ id: String) -> String { lookup.trainerNames[id] ?? id }

    private func calendar(name: String, events: [Data], extra: [String] = []) -> Data {
        var data = ContentLines.render([
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stiftung Programmbuero//wsplan 1.0//DE",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + ContentLines.escapeText(name),
            "X-WR-CALNAME:" + ContentLines.escapeText(name),
            "X-WR-TIMEZONE:" + EuropeBerlin.tzid,
        ])
        data.reserveCapacity(events.reduce(data.count + 1024) { $0 + $1.count })
        data.append(Self.vtimezone)
        for event in events { data.append(event) }
        data.append(ContentLines.render(extra + ["END:VCALENDAR"]))
        return data
    }

    private static let vtimezone = ContentLines.render(EuropeBerlin.vtimezone)

    private func vevent(_ event: CalendarEvent, status: CalendarEvent.Status, withCosts: Bool) -> [String] {
        let times = event.kind == .workshop ? settings.workshop : settings.meeting
        let package = package(event.municipality)
        let facts = package.flatMap { lookup.packageTexts[$0.municipality] }
        let municipality = displayName(event.municipality)
        let title = title(event)
        let trainers = event.trainers.map(trainerName).joined(separator: " und ")
        var description = [
            "\(title) – \(municipality)\(package.map { " (\($0.state.germanName))" } ?? "")",
            GermanFormat.date(event.date) + ", \(times[0])–\(times[1]) Uhr",
            "Trainer:innen: \(trainers)",
        ]
        if let package {
            description.append("Teilnehmende: bis zu \(package.participants)")
            if withCosts, let facts { description.append(facts.costs) }
        }
        if status == .cancelled { description.insert("Dieser Termin entfällt.", at: 0) }
        if event.status != .confirmed && status != .cancelled { description.append("Vorläufig: noch nicht bestätigt.") }

        var lines = [
            "BEGIN:VEVENT",
            "UID:" + event.uid,
            "DTSTAMP:" + stamp,
            "LAST-MODIFIED:" + event.modified,
            "SEQUENCE:\(event.sequence)",
            "DTSTART;TZID=\(EuropeBerlin.tzid):\(localTime(event.date, times[0]))",
            "DTEND;TZID=\(EuropeBerlin.tzid):\(localTime(event.date, times[1]))",
            "SUMMARY:" + ContentLines.escapeText("\(status == .cancelled ? "Abgesagt: " : "")\(title) – \(municipality)"),
            "DESCRIPTION:" + ContentLines.escapeText(description.joined(separator: "\n")),
            "LOCATION:" + (facts?.location ?? ContentLines.escapeText(event.place ?? municipality)),
        ]
        if let geo = facts?.geo { lines.append(geo) }
        lines += [
            "CATEGORIES:" + ["Integrationsworkshop", category(event.kind)].map(ContentLines.escapeText).joined(separator: ","),
            "STATUS:" + status.rawValue.uppercased(),
            "TRANSP:OPAQUE",
            lookup.organizer,
            "END:VEVENT",
        ]
        return lines
    }

    /// What a trainer taken off an event finds in her calendar: the event as she knew it, on her
    /// own last date, cancelled, with a sentence that she is no longer on it. Same UID and the
    /// event's SEQUENCE (raised when she was taken off), so her calendar replaces her copy; the
    /// event itself stays as it is in everyone else's calendars.
    private func withdrawal(_ event: CalendarEvent, from trainer: String) -> [String] {
        var own = event
        own.date = event.formerDates?[trainer] ?? event.date
        var lines = vevent(own, status: .cancelled, withCosts: false)
        let times = event.kind == .workshop ? settings.workshop : settings.meeting
        let description = [
            "Sie sind für diesen Termin nicht mehr eingeteilt; er entfällt für Sie.",
            "\(title(event)) – \(displayName(event.municipality))",
            "Ihr bisheriger Termin: " + GermanFormat.date(own.date) + ", \(times[0])–\(times[1]) Uhr",
        ]
        if let index = lines.firstIndex(where: { $0.hasPrefix("DESCRIPTION:") }) {
            lines[index] = "DESCRIPTION:" + ContentLines.escapeText(description.joined(separator: "\n"))
        }
        return lines
    }

    private func title(_ event: CalendarEvent) -> String {
        switch event.kind {
        case .preparation: "Vorbereitungsworkshop"
        case .workshop: "Integrationsworkshop, Tag \(event.workshopDay ?? 1) von 2"
        case .followup: "Nachbereitungstreffen"
        }
    }

    /// The cohort's exchange day (Erfahrungsaustausch), at the workshop times, at the venue.
    private func exchangeEvent(_ day: ExchangeDay) -> [String] {
        let times = settings.workshop
        let slug = plan.scenario.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }.joined()
        let names = day.municipalities.map(displayName).joined(separator: ", ")
        return [
            "BEGIN:VEVENT",
            "UID:exchange-\(slug)@wsplan",
            "DTSTAMP:" + stamp,
            "SEQUENCE:0",
            "DTSTART;TZID=\(EuropeBerlin.tzid):\(localTime(day.date, times[0]))",
            "DTEND;TZID=\(EuropeBerlin.tzid):\(localTime(day.date, times[1]))",
            "SUMMARY:" + ContentLines.escapeText("Erfahrungsaustausch in \(day.venue)"),
            "DESCRIPTION:" + ContentLines.escapeText("Erfahrungsaustausch der Kommunen des Programms in \(day.venue) (\(day.state.germanName))\n"
                + GermanFormat.date(day.date) + "\nEingeladen: \(names)\nDie Kommunen tragen ihre Reisekosten selbst."),
            "LOCATION:" + ContentLines.escapeText("\(day.venue), \(day.state.germanName)"),
            "CATEGORIES:Integrationsworkshop,Erfahrungsaustausch",
            "STATUS:TENTATIVE",
            "TRANSP:OPAQUE",
            "ORGANIZER;CN=\(ContentLines.quotedParameter(settings.organizerName)):" + ContentLines.mailto(settings.organizerEmail),
            "END:VEVENT",
        ]
    }

    /// The expected council decision (workshop + 12 months): an all-day milestone, not an event the foundation staffs.
    private func councilMilestone(_ package: PlannedPackage) -> [String] {
        let day = package.workshop[0].addingMonths(12)
        let date = Self.compact
        return [
            "BEGIN:VEVENT",
            "UID:\(package.municipality)-council-decision@wsplan",
            "DTSTAMP:" + stamp,
            "SEQUENCE:0",
            "DTSTART;VALUE=DATE:" + date(day),
            "DTEND;VALUE=DATE:" + date(day.advanced(by: 1)),
            "SUMMARY:" + ContentLines.escapeText("Erwarteter Ratsbeschluss zum Integrationskonzept – \(package.name)"),
            "DESCRIPTION:" + ContentLines.escapeText("Meilenstein: etwa ein Jahr nach dem Integrationsworkshop (\(GermanFormat.date(package.workshop[0]))) "
                + "beschließt der Rat üblicherweise das Integrationskonzept. Kein Termin der Stiftung."),
            "CATEGORIES:Integrationsworkshop,Meilenstein",
            "STATUS:TENTATIVE",
            "TRANSP:TRANSPARENT",
            "ORGANIZER;CN=\(ContentLines.quotedParameter(settings.organizerName)):" + ContentLines.mailto(settings.organizerEmail),
            "END:VEVENT",
        ]
    }

    private func category(_ kind: EventKind) -> String {
        switch kind {
        case .preparation: "Vorbereitung"
        case .workshop: "Workshop"
        case .followup: "Nachbereitung"
        }
    }

    /// `YYYYMMDDTHHMMSS` local time from a day and "HH:MM".
    private func localTime(_ day: Day, _ time: String) -> String {
        Self.compact(day) + "T" + time.filter { $0 != ":" } + "00"
    }

    /// `YYYYMMDD`: the ISO date without its dashes.
    private static func compact(_ day: Day) -> String { day.iso.filter { $0 != "-" } }

    /// The current time as a UTC DATE-TIME, `YYYYMMDDTHHMMSSZ`.
    public static func utcStamp(_ date: Date = OutputClock.now) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
        let rest = seconds - day.ordinal * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso.replacingOccurrences(of: "-", with: "") + "T" + two(rest / 3600) + two(rest / 60 % 60) + two(rest % 60) + "Z"
    }
}
