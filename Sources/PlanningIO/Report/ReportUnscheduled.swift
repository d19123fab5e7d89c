import Planning

/// Requests the plan leaves out, with their reasons, and the cohort's exchange day.
struct ReportUnscheduled {
    let plan: Plan
    let facts: ReportFacts

    func unscheduled() -> String {
        guard !plan.unscheduled.isEmpty else { return "<p>Alle Anfragen sind eingeplant.</p>\n" }
        var html = "<table class=\"unscheduled\"><thead><tr><th>Kommune</th><th>Gründe</th></tr></thead><tbody>\n"
        for request in plan.unscheduled.sorted(by: { $0.name < $1.name }) {
            let where_ = facts.requests[request.municipality].map { " <small>\(HTML.escape($0.place)), \($0.state.germanName)</small>" } ?? ""
            html += "<tr><td>\(HTML.escape(request.name))\(where_)</td><td><ul>"
            html += request.reasons.map { "<li>\(HTML.escape($0))</li>" }.joined()
            html += "</ul></td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// Nil when the plan has no exchange day.
    func exchange() -> String? {
        guard let exchange = plan.exchange else { return nil }
        let names = exchange.municipalities.map { id in plan.packages.first { $0.municipality == id }?.name ?? id }
        var html = "<p><b>\(GermanFormat.date(exchange.date))</b> in <b>\(HTML.escape(exchange.venue))</b> (\(exchange.state.germanName)) – "
        html += "\(exchange.municipalities.count) \(exchange.municipalities.count == 1 ? "Kommune" : "Kommunen"), zusammen \(GermanFormat.number(exchange.km, decimals: 0)) km Anreise (einfach). "
        html += "Die Kommunen tragen ihre Reisekosten selbst.</p>\n"
        html += "<p class=\"small\">Eingeladen: \(names.map(HTML.escape).joined(separator: ", "))</p>\n"
        return html
    }
}
