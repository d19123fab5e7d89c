import Hummingbird
import Planning
import PlanningIO

/// The explain page: built from the diagnosis's kind, the plan's reasons and the re-solves'
/// outcomes, every value escaped here.
struct ExplainPage {
    let scenario: String
    let municipality: String
    let plan: Plan
    let result: ExplainController.Explanation
    /// The same question as a command line, for the terminal.
    let command: String

    func response() -> Response {
        let page = render()
        return HTML.page(page.title, page.body, status: page.status)
    }

    /// The page's title (escaped by `HTML.page`), its body (HTML) and status.
    func render() -> (title: String, body: String, status: HTTPResponse.Status) {
        let german = GermanReasons(plan: plan)
        let back = "<p><a href=\"/scenarios/\(HTML.escape(scenario))\">Zurück zum Szenario</a></p>"
        switch result {
        case .unknownRequest(let suggestions):
            var text = "Das Szenario hat keine Anfrage mit der Kennung „\(municipality)“"
            text += suggestions.isEmpty ? "." : "; meinten Sie \(suggestions.map { "„\($0)“" }.joined(separator: ", "))?"
            return ("Keine solche Anfrage", "<p class=\"error\">\(HTML.escape(text))</p>" + back, .notFound)
        case .unreadable(let problems):
            return ("Erklären", "<p class=\"error\">Das Szenario lässt sich nicht lesen (Meldungen wie bei <code>wsplan check</code>):</p>"
                + "<pre class=\"error\">\(HTML.escape(problems))</pre>" + back, .unprocessableContent)
        case .diagnosed(let kind, let outcomes, let seconds):
            let name = german.municipalityName(municipality)
            let objective = plan.solver.objective.map { ", Zielwert \(Format.eur($0))" } ?? ""
            let served = kind == .scheduled || kind == .booked
            var body = "<p>\(HTML.escape(name)) (<code>\(HTML.escape(municipality))</code>) ist im letzten Plan "
                + "(\(HTML.escape(plan.solver.status.germanWord + objective))) \(served ? "eingeplant" : "nicht eingeplant").</p>"
                + "<p id=\"diagnosis\">\(HTML.escape(GermanReasons.diagnosis(kind)))</p>"
            if served, let package = plan.packages.first(where: { $0.municipality == municipality }) {
                body += "<p>\(HTML.escape(german.package(package)))</p>"
            }
            if let item = plan.unscheduled.first(where: { $0.municipality == municipality }) {
                body += "<h2>Gründe</h2><ul id=\"reasons\">"
                    + german.reasons(item).map { "<li>\(HTML.escape($0.rule.isEmpty ? $0.text : "\($0.rule): \($0.text)"))</li>" }.joined() + "</ul>"
            }
            if !served { body += changes(outcomes, seconds: seconds, german) }
            body += "<details class=\"box\"><summary>Dieselbe Frage im Terminal</summary>"
                + "<p>Die Kommandozeile rechnet mit mehr Neuberechnungen und längerer Zeitgrenze und antwortet auf Englisch:</p>"
                + "<pre>\(HTML.escape(command))</pre></details>" + back
            return (served ? "\(name) ist eingeplant" : "Warum ist \(name) nicht eingeplant?", body, .ok)
        }
    }

    /// The re-solves' outcomes as a table, the best first.
    private func changes(_ outcomes: [WhatIfOutcome], seconds: Double, _ german: GermanReasons) -> String {
        var html = "<h2>Was sie hineinbrächte</h2>"
        guard !outcomes.isEmpty else {
            return html + "<p>Keine Änderung in der Reichweite von wsplan hilft gegen dieses Hindernis.</p>"
        }
        html += "<p>Jede Änderung wurde nachgerechnet (bis zu \(HTML.escape(GermanFormat.number(seconds, decimals: 0))) s je Rechnung), die beste zuerst.</p>"
        return html + HTML.table(["Regel", "Änderung", "eingeplant?", "Zielwert (Änderung)", "davon Kosten", "Paket", "fällt heraus", "kommt hinzu",
                                  "andere Termine verschoben"],
                                 outcomes.map { outcome in
                                     [HTML.escape(outcome.relaxation.rule.code), HTML.escape(german.change(outcome.relaxation)),
                                      outcome.served ? "ja" : (outcome.status == .optimal ? "nein (bewiesen)" : "nicht in der Zeitgrenze"),
                                      HTML.number(Format.signedEur(outcome.objectiveDelta)), HTML.number(outcome.served ? Format.signedEur(outcome.costDelta) : ""),
                                      HTML.escape(outcome.served ? outcome.package.map(german.package) ?? "" : ""),
                                      HTML.escape(outcome.dropped.map(german.municipalityName).joined(separator: ", ")),
                                      HTML.escape(outcome.added.map(german.municipalityName).joined(separator: ", ")), HTML.number("\(outcome.eventsMoved)")]
                                 })
    }
}
