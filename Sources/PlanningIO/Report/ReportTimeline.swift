import Planning

/// One row per trainer over the months of the plan: preparation, workshop, follow-up, pinned
/// bookings and unavailable days, with the horizon shaded and a title on every bar.
struct ReportTimeline {
    let plan: Plan
    let facts: ReportFacts

    static let labelWidth = 190.0
    static let dayWidth = 4.0
    static let rowHeight = 40.0
    static let top = 30.0

    func render() -> String {
        let events = ReportEvent.events(of: plan).filter { $0.package != nil }
        let days = events.flatMap { [$0.first, $0.last] } + [facts.horizon.lowerBound, facts.horizon.upperBound]
        let start = days.min()!.firstOfMonth, end = days.max()!.lastOfMonth
        let trainers = trainerRows()
        let width = ReportTimeline.labelWidth + Double(start.distance(to: end) + 1) * ReportTimeline.dayWidth + 8
        let height = ReportTimeline.top + Double(trainers.count) * ReportTimeline.rowHeight + 6
        func x(_ day: Day) -> Double { ReportTimeline.labelWidth + Double(start.distance(to: day)) * ReportTimeline.dayWidth }

        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" role=\"img\" aria-label=\"Zeitleiste je Trainer/in\">\n"
        svg += "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"4\" class=\"hatch\"/></pattern></defs>\n"
        let hx = x(facts.horizon.lowerBound), hw = x(facts.horizon.upperBound.advanced(by: 1)) - hx
        svg += "<rect class=\"horizon\" x=\"\(svgNumber(hx))\" y=\"16\" width=\"\(svgNumber(hw))\" height=\"\(svgNumber(height - 16))\">"
            + HTML.title("Planungszeitraum \(GermanFormat.numericDate(facts.horizon.lowerBound))–\(GermanFormat.numericDate(facts.horizon.upperBound))") + "</rect>\n"
        var month = start
        while month <= end {
            let c = month.components
            svg += "<line class=\"month-line\" x1=\"\(svgNumber(x(month)))\" y1=\"16\" x2=\"\(svgNumber(x(month)))\" y2=\"\(svgNumber(height))\"/>"
            svg += "<text class=\"month-label\" x=\"\(svgNumber(x(month) + 3))\" y=\"14\">\(GermanFormat.monthsShort[c.month - 1]) \(c.year % 100 < 10 ? "0" : "")\(c.year % 100)</text>\n"
            month = month.lastOfMonth.advanced(by: 1)
        }
        if let exchange = plan.exchange, exchange.date >= start, exchange.date <= end {
            svg += "<line class=\"exchange-line\" x1=\"\(svgNumber(x(exchange.date) + 2))\" y1=\"16\" x2=\"\(svgNumber(x(exchange.date) + 2))\" y2=\"\(svgNumber(height))\">"
                + HTML.title("Erfahrungsaustausch \(GermanFormat.shortDate(exchange.date)), \(exchange.venue)") + "</line>\n"
        }
        for (row, trainer) in trainers.enumerated() {
            let y = ReportTimeline.top + Double(row) * ReportTimeline.rowHeight
            let own = events.filter { $0.package!.trainers.contains(trainer.id) }
            let packages = Set(own.map { $0.package!.municipality }).count
            svg += "<g class=\"trainer-row\" data-trainer=\"\(HTML.escape(trainer.id))\">"
            svg += "<line class=\"row-line\" x1=\"0\" y1=\"\(svgNumber(y + ReportTimeline.rowHeight - 2))\" x2=\"\(svgNumber(width))\" y2=\"\(svgNumber(y + ReportTimeline.rowHeight - 2))\"/>"
            svg += "<text class=\"row-label\" x=\"4\" y=\"\(svgNumber(y + 16))\">\(HTML.escape(trainer.name))</text>"
            svg += "<text class=\"row-sub\" x=\"4\" y=\"\(svgNumber(y + 31))\">\(packages) \(packages == 1 ? "Paket" : "Pakete"), \(own.reduce(0) { $0 + $1.days }) Tage</text>\n"
            for range in Self.ranges(of: trainer.unavailable.filter { $0 >= start && $0 <= end }) {
                let text = range.lowerBound == range.upperBound ? GermanFormat.shortDate(range.lowerBound)
                    : "\(GermanFormat.shortDate(range.lowerBound)) – \(GermanFormat.shortDate(range.upperBound))"
                svg += "<rect class=\"unavailable\" x=\"\(svgNumber(x(range.lowerBound)))\" y=\"\(svgNumber(y + 1))\" width=\"\(svgNumber(Double(range.count) * ReportTimeline.dayWidth))\" height=\"\(svgNumber(ReportTimeline.rowHeight - 4))\">"
                    + HTML.title("\(trainer.name) nicht verfügbar: \(text)") + "</rect>\n"
            }
            for event in own {
                let package = event.package!
                let partner = package.trainers.filter { $0 != trainer.id }.map { name(of: $0) }.joined(separator: ", ")
                let when = event.days == 1 ? GermanFormat.shortDate(event.first) : "\(GermanFormat.shortDate(event.first)) – \(GermanFormat.shortDate(event.last))"
                let tip = "\(event.germanName) – \(package.name) (\(package.state.rawValue)), \(when), mit \(partner)\(package.pinned ? " (fest gebucht)" : "")"
                svg += "<rect class=\"event \(event.cssClass)\" x=\"\(svgNumber(x(event.first)))\" y=\"\(svgNumber(y + 6))\" width=\"\(svgNumber(max(Double(event.days) * ReportTimeline.dayWidth, 4)))\" height=\"\(svgNumber(ReportTimeline.rowHeight - 12))\">"
                    + HTML.title(tip) + "</rect>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return legend() + "<div class=\"timeline-wrap\">\n" + svg + "</div>\n"
    }

    /// The scenario's trainers, then any the plan names that the scenario lacks.
    private func trainerRows() -> [ReportFacts.TrainerFacts] {
        var rows = facts.trainers
        for trainer in plan.trainers ?? [] where !rows.contains(where: { $0.id == trainer.id }) {
            rows.append(ReportFacts.TrainerFacts(id: trainer.id, name: trainer.name, homeLabel: "", home: Coordinate(lat: 0, lon: 0), unavailable: []))
        }
        return rows
    }

    private func name(of id: String) -> String {
        facts.trainer(id)?.name ?? plan.trainers?.first { $0.id == id }?.name ?? id
    }

    /// Consecutive days merged into inclusive ranges.
    static func ranges(of days: Set<Day>) -> [ClosedRange<Day>] {
        var result: [ClosedRange<Day>] = []
        for day in days.sorted() {
            if let last = result.last, last.upperBound.advanced(by: 1) == day {
                result[result.count - 1] = last.lowerBound...day
            } else {
                result.append(day...day)
            }
        }
        return result
    }

    private func legend() -> String {
        """
        <ul class="legend">
        <li><span class="swatch ev-preparation"></span> Vorbereitungsworkshop</li>
        <li><span class="swatch ev-workshop"></span> Integrationsworkshop (2 Tage)</li>
        <li><span class="swatch ev-followup"></span> Nachbereitungstreffen</li>
        <li><span class="swatch ev-pinned"></span> fest gebucht (bestätigt)</li>
        <li><span class="swatch unavailable-swatch"></span> nicht verfügbar</li>
        <li><span class="swatch horizon-swatch"></span> Planungszeitraum</li>
        \(plan.exchange == nil ? "" : "<li><span class=\"swatch ev-exchange\"></span> Erfahrungsaustausch</li>\n")</ul>

        """
    }
}
