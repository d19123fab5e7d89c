import Planning

/// The trainers' rosters (Einsatzpläne): for each trainer every event she works, with weekday,
/// date, time, municipality and place, her partner, hotel nights and the travel reimbursed to her
/// (her trips in plan.json), and a total that is the sum of the amounts shown, to the cent.
/// One print page per trainer in report.html; `wsplan roster` writes each as its own file.
public struct ReportRosters {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    /// One line of a roster: one event (the workshop's two days as one line, as its trip).
    struct Line {
        var package: PlannedPackage
        var kind: EventKind
        var days: [Day]
        var trip: TravelItem?
    }

    /// The trainers who have at least one event, in plan order.
    public var trainerIDs: [String] {
        let listed = (plan.trainers ?? []).map(\.id)
        let working = Set(plan.packages.flatMap(\.trainers))
        return listed.filter(working.contains) + working.subtracting(listed).sorted()
    }

    func lines(of trainer: String) -> [Line] {
        var lines: [Line] = []
        for package in plan.packages where package.trainers.contains(trainer) {
            for (kind, days) in [(EventKind.preparation, [package.preparation]), (.workshop, package.workshop), (.followup, [package.followup])] {
                let trip = package.costs.travelItems.first { $0.trainer == trainer && $0.event == kind }
                lines.append(Line(package: package, kind: kind, days: days, trip: trip))
            }
        }
        return lines.sorted { ($0.days[0], $0.package.municipality) < ($1.days[0], $1.package.municipality) }
    }

    /// The roster sections of report.html, each on its own printed page.
    func render() -> String {
        let ids = trainerIDs
        return ids.isEmpty ? "<p>Keine Einsätze.</p>\n" : ids.map { section($0) }.joined()
    }

    /// A self-contained page with one trainer's roster, ready to send.
    public func page(for trainer: String) -> String {
        ReportStyle.documentStart(title: "Einsatzplan \(HTML.escape(name(trainer))): \(HTML.escape(plan.scenario))") + """
        <header><h1>Einsatzplan: \(HTML.escape(plan.scenario))</h1></header>
        \(section(trainer))<footer><p>Erstellt mit wsplan.</p></footer>
        </body>
        </html>

        """
    }

    private func section(_ trainer: String) -> String {
        let lines = lines(of: trainer)
        var html = "<section class=\"sheet roster\" id=\"einsatzplan-\(HTML.escape(trainer))\">\n"
        html += "<h3>Einsatzplan \(HTML.escape(name(trainer))) <small>\(lines.count) Termine in \(Set(lines.map(\.package.municipality)).count) Kommunen</small></h3>\n"
        html += "<table class=\"costs roster-table\">\n<thead><tr><th>Tag</th><th>Datum</th><th>Uhrzeit</th><th>Termin</th><th>Kommune und Ort</th>"
        html += "<th>mit</th><th class=\"num\">Hotelnächte</th><th class=\"num\">Reisekosten</th></tr></thead>\n<tbody>\n"
        var cents = 0, nights = 0
        for line in lines {
            let times = self.times(line.kind)
            let partner = line.package.trainers.filter { $0 != trainer }.map(name).joined(separator: ", ")
            let amount = line.trip.map { Int(($0.cost * 100).rounded()) } ?? 0
            cents += amount
            nights += line.trip?.hotelNights ?? 0
            html += "<tr><td>\(line.days.map { GermanFormat.weekdaysShort[$0.weekday - 1] }.joined(separator: "/"))</td>"
            html += "<td>\(line.days.map(GermanFormat.numericDate).joined(separator: " und "))</td>"
            html += "<td>\(times[0])–\(times[1]) Uhr</td><td>\(line.kind.germanName)\(line.package.pinned ? " (fest gebucht)" : "")</td>"
            html += "<td>\(HTML.escape(line.package.name))<br><span class=\"small\">\(HTML.escape(line.package.place)), \(line.package.state.germanName)</span></td>"
            html += "<td>\(HTML.escape(partner))</td><td class=\"num\">\(line.trip?.hotelNights ?? 0)</td>"
            html += "<td class=\"num\">\(GermanFormat.euro(Double(amount) / 100))</td></tr>\n"
        }
        html += "</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"6\">Summe der erstatteten Reisekosten</td><td class=\"num\">\(nights)</td>"
        html += "<td class=\"num\">\(GermanFormat.euro(Double(cents) / 100))</td></tr></tfoot>\n</table>\n"
        html += "<p class=\"note\">Reisekosten nach Aufwand (Kilometer × Pauschale, Hotelnächte), wie im Kostenblatt der Kommune. Das Honorar ist nicht enthalten.</p>\n"
        return html + "</section>\n"
    }

    private func times(_ kind: EventKind) -> [String] {
        let settings = plan.calendar ?? PlanCalendarSettings(CalendarSettings())
        return kind == .workshop ? settings.workshop : settings.meeting
    }

    private func name(_ id: String) -> String { plan.trainers?.first { $0.id == id }?.name ?? id }

    /// `roster-ID.html` for every trainer with events: the files `wsplan roster` and `solve` write.
    public func files() -> [String: String] {
        Dictionary(uniqueKeysWithValues: trainerIDs.map { ("roster-\($0).html", page(for: $0)) })
    }
}
