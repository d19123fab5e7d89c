import Planning

/// One cost sheet per municipality (SPEC §1): fee, materials, travel per trainer and event with
/// km, round trips and hotel nights, and the total; each prints on its own A4 page.
struct ReportCostSheets {
    let plan: Plan
    let facts: ReportFacts

    func render() -> String {
        ShortName.sorted(plan.packages).map(sheet).joined()
    }

    private func sheet(_ package: PlannedPackage) -> String {
        let costs = package.costs
        var html = "<section class=\"sheet\" id=\"kosten-\(HTML.escape(package.municipality))\">\n"
        html += "<h3>\(HTML.escape(package.name)) <small>\(HTML.escape(package.place)), \(package.state.germanName)\(package.pinned ? " · fest gebucht" : "")</small></h3>\n"
        html += "<table class=\"facts\">"
        html += "<tr><th>Trainer/innen</th><td>\(package.trainers.map { HTML.escape(name(of: $0)) }.joined(separator: " und "))</td></tr>"
        html += "<tr><th>Vorbereitungsworkshop</th><td>\(GermanFormat.date(package.preparation)), \(time(.preparation))</td></tr>"
        html += "<tr><th>Integrationsworkshop</th><td>\(package.workshop.map(GermanFormat.date).joined(separator: " und ")), je \(time(.workshop))</td></tr>"
        html += "<tr><th>Nachbereitungstreffen</th><td>\(GermanFormat.date(package.followup)), \(time(.followup))</td></tr>"
        html += "<tr><th>Teilnehmende</th><td>\(package.participants)</td></tr></table>\n"

        html += "<table class=\"costs\">\n<thead><tr><th>Posten</th><th class=\"num\">km (einfach)</th><th class=\"num\">Fahrten</th><th class=\"num\">Hotelnächte</th><th class=\"num\">Betrag</th></tr></thead>\n<tbody>\n"
        html += "<tr><td>Honorar (Paket mit zwei Trainer/innen)</td><td></td><td></td><td></td><td class=\"num\">\(GermanFormat.euro(costs.fee))</td></tr>\n"
        html += "<tr><td>Schulungsmaterial (\(package.participants) Teilnehmende)</td><td></td><td></td><td></td><td class=\"num\">\(GermanFormat.euro(costs.materials))</td></tr>\n"
        let order = EventKind.allCases
        let items = costs.travelItems.sorted {
            (package.trainers.firstIndex(of: $0.trainer) ?? 9, order.firstIndex(of: $0.event)!) < (package.trainers.firstIndex(of: $1.trainer) ?? 9, order.firstIndex(of: $1.event)!)
        }
        for item in items {
            html += "<tr class=\"travel-item\"><td>Reise \(HTML.escape(name(of: item.trainer))) – \(item.event.germanName) (\(eventDates(package, item.event)))</td>"
            html += "<td class=\"num\">\(GermanFormat.number(item.km, decimals: 1))</td><td class=\"num\">\(item.roundTrips)</td><td class=\"num\">\(item.hotelNights)</td>"
            html += "<td class=\"num\">\(GermanFormat.euro(item.cost))</td></tr>\n"
        }
        let nights = costs.travelItems.reduce(0) { $0 + $1.hotelNights }
        html += "<tr class=\"subtotal\"><td>Reisekosten gesamt (zum Selbstkostenpreis)</td><td></td><td></td><td class=\"num\">\(nights)</td><td class=\"num\">\(GermanFormat.euro(costs.travel))</td></tr>\n"
        html += "</tbody>\n<tfoot><tr class=\"total\"><td>Gesamtbetrag</td><td></td><td></td><td></td><td class=\"num\">\(GermanFormat.euro(costs.total))</td></tr></tfoot>\n</table>\n"
        html += "<p class=\"note\">Honorar inkl. MwSt.; Reisekosten nach Aufwand (Kilometer × Pauschale, Hotelnächte); Schulungsmaterial je teilnehmender Person.</p>\n"
        return html + "</section>\n"
    }

    /// 09:30–13:00 Uhr, from the plan's calendar settings.
    private func time(_ kind: EventKind) -> String {
        let settings = plan.calendar ?? PlanCalendarSettings(CalendarSettings())
        let times = kind == .workshop ? settings.workshop : settings.meeting
        return "\(times[0])–\(times[1]) Uhr"
    }

    private func eventDates(_ package: PlannedPackage, _ kind: EventKind) -> String {
        switch kind {
        case .preparation: GermanFormat.numericDate(package.preparation)
        case .workshop: package.workshop.map(GermanFormat.numericDate).joined(separator: "–")
        case .followup: GermanFormat.numericDate(package.followup)
        }
    }

    private func name(of id: String) -> String {
        facts.trainer(id)?.name ?? plan.trainers?.first { $0.id == id }?.name ?? id
    }
}
