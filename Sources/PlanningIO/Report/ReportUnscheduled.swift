import Planning

/// Requests the plan leaves out, with their reasons, and the cohort's exchange day.
struct ReportUnscheduled {
    let plan: Plan
    let facts: ReportFacts

    func unscheduled() -> String {
        guard !plan.unscheduled.isEmpty else { return "<p>Alle Anfragen sind eingeplant.</p>\n" }
        let german = GermanReasons(plan: plan, facts: facts)
        var html = "<p class=\"small\">Kleinste Änderung: eine Änderung des Szenarios, unter der für diese Anfrage allein ein Paket "
            + "in den Plan passt, wie er ist, ohne einen anderen Termin zu verschieben (ohne Solver geprüft, jede Art in ihrem kleinsten Schritt). "
            + "Was die Änderung am ganzen Plan bewirkt, rechnet <code>wsplan explain</code> nach.</p>\n"
        html += "<table class=\"unscheduled\"><thead><tr><th>Kommune</th><th>Gründe</th><th>Kleinste Änderung</th></tr></thead><tbody>\n"
        for request in plan.unscheduled.sorted(by: { $0.name < $1.name }) {
            let where_ = facts.requests[request.municipality].map { " <small>\(HTML.escape($0.place)), \($0.state.germanName)</small>" } ?? ""
            html += "<tr><td>\(HTML.escape(request.name))\(where_)</td><td><ul>"
            html += german.reasons(request).map { reason in
                (reason.rule.isEmpty ? "<li>" : "<li><span class=\"rule\">\(HTML.escape(reason.rule))</span> ") + HTML.escape(reason.text) + "</li>"
            }.joined()
            html += "</ul></td><td>\(changes(request, german))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The changes under which a package fits the plan as it stands (plan.json's `changes`), or
    /// the pointer to `wsplan explain`, which also tries changes that move other events.
    private func changes(_ request: UnscheduledRequest, _ german: GermanReasons) -> String {
        let explain = "<code>wsplan explain \(HTML.escape(ShellWord.quoted(facts.scenarioFile ?? "SZENARIO.yaml"))) \(HTML.escape(request.municipality))</code>"
        guard let changes = request.changes else {
            // Not looked for: the time limit, which is the whole command's, left no time for it.
            return "<span class=\"small\">Die kleinste Änderung wurde in der Zeitgrenze nicht gesucht. "
                + "Welche Änderungen reichen, prüft \(explain) durch Neuberechnung.</span>"
        }
        guard !changes.isEmpty else {
            return "<span class=\"small\">Keine Änderung bekannt, die ohne Verschieben anderer Termine reicht. "
                + "Änderungen, die andere Termine verschieben, prüft \(explain) durch Neuberechnung.</span>"
        }
        let window = facts.requests[request.municipality].map { (earliest: $0.earliest, latest: $0.latest) }
        let items = changes.map { "<li><span class=\"rule\">\($0.rule.code)</span> \(HTML.escape(german.change($0, window: window)))</li>" }
        return "Passt in diesen Plan, ohne andere Termine zu verschieben, mit \(changes.count == 1 ? "dieser Änderung" : "einer dieser Änderungen"):"
            + "<ul class=\"changes\">\(items.joined())</ul><span class=\"small\">Mehr dazu: \(explain)</span>"
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
