import Planning

/// The report's head: the solver's verdict in German, the counts and the objective's terms.
struct ReportSummary {
    let plan: Plan

    static func statusText(_ status: PlanStatus) -> String { status.germanText }

    func render() -> String {
        let s = plan.solver
        let planned = plan.packages.filter { !$0.pinned }.count
        let pinned = plan.packages.count - planned
        var html = "<div class=\"summary\">\n<div class=\"cards\">\n"
        html += card("geplant", "\(planned)", "Pakete neu eingeplant")
        html += card("fest gebucht", "\(pinned)", "bestätigte Pakete")
        html += card("nicht eingeplant", "\(plan.unscheduled.count)", "Anfragen ohne Termin", warn: !plan.unscheduled.isEmpty)
        html += card("Reisekosten", GermanFormat.euro(plan.packages.reduce(0) { $0 + $1.costs.travel }), "alle Pakete")
        html += card("Gesamtbetrag", GermanFormat.euro(plan.packages.reduce(0) { $0 + $1.costs.total }), "Honorar, Material, Reisen")
        html += "</div>\n<table class=\"solver\">\n"
        html += row("Status", "<span class=\"status status-\(s.status.rawValue)\">\(Self.statusText(s.status))</span>")
        html += row("Zielfunktion", s.objective.map { GermanFormat.euro($0) } ?? "–")
        html += row("Untere Schranke", s.bound.map { GermanFormat.euro($0) } ?? "–")
        html += row("Lücke", s.gap.map { GermanFormat.percent($0) } ?? "–")
        html += row("Rechenzeit", GermanFormat.number(s.seconds, decimals: 1) + " s (\(HTML.escape(s.name)))")
        html += "</table>\n" + terms() + "</div>\n"
        return html
    }

    private func terms() -> String {
        let t = plan.objectiveTerms
        var rows: [(String, Double)] = [
            ("Nicht eingeplante Anfragen", t.unscheduled), ("Reisekosten", t.travel),
            ("Abweichung vom Vorbereitungsabstand", t.prepGap), ("Abweichung vom Nachbereitungsabstand", t.followupGap),
            ("Bonus bevorzugte Paare", t.preferredPairs), ("Höchstlast einer Person", t.maxLoad),
        ]
        if let move = t.move { rows.append(("Verschobene Termine", move)) }
        var html = "<table class=\"terms\"><caption>Zielfunktion nach Termen</caption>\n"
        for (label, value) in rows { html += "<tr><th>\(label)</th><td class=\"num\">\(GermanFormat.euro(value))</td></tr>\n" }
        html += "<tr class=\"total\"><th>Summe</th><td class=\"num\">\(GermanFormat.euro(t.total))</td></tr>\n"
        return html + "</table>\n"
    }

    private func card(_ title: String, _ value: String, _ sub: String, warn: Bool = false) -> String {
        "<div class=\"card\(warn ? " warn" : "")\"><div class=\"card-title\">\(title)</div><div class=\"card-value\">\(value)</div><div class=\"card-sub\">\(sub)</div></div>\n"
    }

    private func row(_ label: String, _ value: String) -> String { "<tr><th>\(label)</th><td>\(value)</td></tr>\n" }
}
