import Foundation
import Planning

/// Writes the calendar files of a plan (SPEC §6): `all.ics`, one `trainer-ID.ics` per trainer and
/// one `municipality-ID.ics` per municipality, RFC 5545 with `METHOD:PUBLISH`.
public struct ICalendarWriter {
    public let plan: Plan
    /// DTSTAMP of every event, UTC `YYYYMMDDTHHMMSSZ`: when the files were made.
    public let stamp: String

    public init(plan: Plan, stamp: String) {
        self.plan = plan
        self.stamp = stamp
    }

    /// The plan's events: its ledger, or (for a plan written without one) derived from its packages.
    var events: [CalendarEvent] {
        plan.events ?? CalendarEventLedger.events(for: plan.packages, previous: nil, now: stamp)
    }

    /// Relative paths (`ics/…`) to file contents.
    public func files() -> [String: Data] {
        let events = self.events
        var files: [String: Data] = [:]
        let exchange = plan.exchange.map(exchangeEvent) ?? []
        files["ics/all.ics"] = calendar(name: "Integrationsworkshops – \(plan.scenario)", events: events.map { ($0, $0.status) },
                                        withCosts: false, extra: exchange)
        for trainer in trainerList(events) {
            var own: [(CalendarEvent, CalendarEvent.Status)] = []
            var removed: [CalendarEvent] = []
            for event in events {
                if event.trainers.contains(trainer.id) { own.append((event, event.status)) }
                else if event.formerTrainers.contains(trainer.id) { removed.append(event) }
            }
            files["ics/trainer-\(trainer.id).ics"] = calendar(name: "Einsätze \(trainer.name)", events: own, withCosts: false,
                                                              extra: removed.flatMap { withdrawal($0, from: trainer.id) })
        }
        for municipality in Set(events.map(\.municipality)).sorted() {
            let own = events.filter { $0.municipality == municipality }.map { ($0, $0.status) }
            var extra: [String] = []
            if let day = plan.exchange, day.municipalities.contains(municipality) { extra += exchange }
            if plan.exchange != nil, let package = package(municipality), !package.pinned { extra += councilMilestone(package) }
            files["ics/municipality-\(municipality).ics"] = calendar(name: "Integrationsworkshop \(displayName(municipality))",
                                                                     events: own, withCosts: true, extra: extra)
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

    private var settings: PlanCalendarSettings {
        plan.calendar ?? PlanCalendarSettings(CalendarSettings())
    }

    private func package(_ municipality: String) -> PlannedPackage? {
        plan.packages.first { $0.municipality == municipality }
    }

    private func displayName(_ municipality: String) -> String {
        package(municipality)?.name ?? plan.unscheduled.first { $0.municipality == municipality }?.name
            ?? plan.events?.first { $0.municipality == municipality && $0.name != nil }?.name ?? municipality
    }

    private func trainerName(_ id: String) -> String {
        plan.trainers?.first { $0.id == id }?.name ?? id
    }

    private func calendar(name: String, events: [(CalendarEvent, CalendarEvent.Status)], withCosts: Bool, extra: [String] = []) -> Data {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stiftung Programmbuero//wsplan 1.0//DE",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + ContentLines.escapeText(name),
            "X-WR-CALNAME:" + ContentLines.escapeText(name),
            "X-WR-TIMEZONE:" + EuropeBerlin.tzid,
        ]
        lines += EuropeBerlin.vtimezone
        for (event, status) in events { lines += vevent(event, status: status, withCosts: withCosts) }
        lines += extra
        lines.append("END:VCALENDAR")
        return ContentLines.render(lines)
    }

    private func vevent(_ event: CalendarEvent, status: CalendarEvent.Status, withCosts: Bool) -> [String] {
        let times = event.kind == .workshop ? settings.workshop : settings.meeting
        let package = package(event.municipality)
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
            if withCosts {
                let c = package.costs
                description.append("Kostenschätzung des Pakets: Honorar \(GermanFormat.euro(c.fee)), Material \(GermanFormat.euro(c.materials)), "
                                   + "Reisekosten \(GermanFormat.euro(c.travel)), gesamt \(GermanFormat.euro(c.total))")
            }
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
            "LOCATION:" + ContentLines.escapeText(package.map { "\($0.place), \($0.state.germanName)" } ?? event.place ?? municipality),
        ]
        if let lat = package?.lat, let lon = package?.lon {
            lines.append("GEO:" + String(format: "%.5f;%.5f", lat, lon))
        }
        lines += [
            "CATEGORIES:" + ["Integrationsworkshop", category(event.kind)].map(ContentLines.escapeText).joined(separator: ","),
            "STATUS:" + status.rawValue.uppercased(),
            "TRANSP:OPAQUE",
            "ORGANIZER;CN=\(ContentLines.quotedParameter(settings.organizerName)):" + ContentLines.mailto(settings.organizerEmail),
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
        let date = { (d: Day) in d.iso.replacingOccurrences(of: "-", with: "") }
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
        day.iso.replacingOccurrences(of: "-", with: "") + "T" + time.replacingOccurrences(of: ":", with: "") + "00"
    }

    /// The current time as a UTC DATE-TIME, `YYYYMMDDTHHMMSSZ`.
    public static func utcStamp(_ date: Date = OutputClock.now) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
        let rest = seconds - day.ordinal * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.iso.replacingOccurrences(of: "-", with: "") + "T" + two(rest / 3600) + two(rest / 60 % 60) + two(rest % 60) + "Z"
    }
}
