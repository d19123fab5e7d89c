import Planning

/// One small month sheet (Mo–So) for every month that holds an event, each day listing its
/// events by municipality (names wrapped, never cut) and the trainers who go.
struct ReportMonthCalendar {
    let plan: Plan

    func render() -> String {
        let events = ReportEvent.events(of: plan)
        var byDay: [Day: [ReportEvent]] = [:]
        for event in events {
            for offset in 0..<event.days { byDay[event.first.advanced(by: offset), default: []].append(event) }
        }
        guard let first = byDay.keys.min(), let last = byDay.keys.max() else {
            return "<p>Keine Termine.</p>\n"
        }
        var html = "<div class=\"months\">\n"
        var month = first.firstOfMonth
        while month <= last {
            let end = month.lastOfMonth
            if byDay.keys.contains(where: { $0 >= month && $0 <= end }) { html += sheet(month, end, byDay) }
            month = end.advanced(by: 1)
        }
        return html + "</div>\n"
    }

    private func sheet(_ month: Day, _ end: Day, _ byDay: [Day: [ReportEvent]]) -> String {
        let c = month.components
        var html = "<table class=\"month\"><caption>\(GermanFormat.monthTitle(year: c.year, month: c.month))</caption>\n<tr>"
        html += GermanFormat.weekdaysShort.map { "<th>\($0)</th>" }.joined() + "</tr>\n<tr>"
        html += String(repeating: "<td class=\"empty\"></td>", count: month.weekday - 1)
        var day = month
        while day <= end {
            if day.weekday == 1 && day != month { html += "</tr>\n<tr>" }
            let entries = byDay[day] ?? []
            html += "<td class=\"\(day.isWeekend ? "weekend" : "")\(entries.isEmpty ? "" : " busy")\"><span class=\"dom\">\(day.components.day)</span>"
            for event in entries { html += chip(event, day) }
            html += "</td>"
            day = day.advanced(by: 1)
        }
        html += String(repeating: "<td class=\"empty\"></td>", count: 7 - end.weekday)
        return html + "</tr>\n</table>\n"
    }

    private func chip(_ event: ReportEvent, _ day: Day) -> String {
        let letter: String
        switch event.kind {
        case .preparation: letter = "V"
        case .workshop: letter = "W\(event.first.distance(to: day) + 1)"
        case .followup: letter = "N"
        case .exchange: letter = "EA"
        }
        let name: String
        if let package = event.package {
            name = package.name
        } else {
            name = plan.exchange.map { "Erfahrungsaustausch \($0.venue)" } ?? "Erfahrungsaustausch"
        }
        let tip = "\(event.germanName): \(name), \(GermanFormat.shortDate(day))" + (event.package.map { " – " + trainerNames($0) } ?? "")
        // The whole short name, wrapped (never cut), and the pair by surname, so the printed sheet says who goes.
        let who = event.package.map { "<span class=\"who\">\(HTML.escape(surnames($0)))</span>" } ?? ""
        return "<div class=\"chip \(event.cssClass)\" title=\"\(HTML.escape(tip))\"><b>\(letter)</b> \(HTML.escape(ShortName.of(name)))\(who)</div>"
    }

    private func surnames(_ package: PlannedPackage) -> String {
        package.trainers.map { id in (plan.trainers?.first { $0.id == id }?.name ?? id).split(separator: " ").last.map(String.init) ?? id }
            .joined(separator: "/")
    }

    private func trainerNames(_ package: PlannedPackage) -> String {
        package.trainers.map { id in plan.trainers?.first { $0.id == id }?.name ?? id }.joined(separator: " & ")
    }
}
