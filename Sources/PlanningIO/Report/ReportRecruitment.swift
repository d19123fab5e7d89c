import Planning

/// "Wo fehlen Trainer?": when the plan leaves requests out, where one more trainer would serve
/// the most of them and how many more would serve all, from the last `wsplan recruit` run
/// (recruit.json beside the plan). Shown only when it belongs to this plan's state.
struct ReportRecruitment {
    let plan: Plan
    let facts: ReportFacts
    let recruitment: RecruitmentResult?

    static let anchor = "trainer-fehlen"
    static let title = "Wo fehlen Trainer?"

    /// Nil when nothing is left out.
    func render() -> String? {
        guard !plan.unscheduled.isEmpty else { return nil }
        guard let recruitment else {
            return "<p>Noch keine Auswertung. <code>wsplan recruit SZENARIO --plan …/plan.json</code> ermittelt, an welchem Wohnort "
                + "eine zusätzliche Trainerin oder ein zusätzlicher Trainer die meisten offenen Anfragen einplanbar macht.</p>\n"
        }
        guard Set(recruitment.base.unscheduled) == Set(plan.unscheduled.map(\.municipality)) else {
            return "<p class=\"note\">Die letzte Auswertung von <code>wsplan recruit</code> gehört zu einem anderen Planstand "
                + "(andere offene Anfragen). Bitte erneut ausführen.</p>\n"
        }
        var html = "<p>\(count(plan.unscheduled.count, "Anfrage ist", "Anfragen sind")) nicht eingeplant. Angenommen wird eine zusätzliche "
            + "Person im Trainerpool (\(caps(recruitment))), durchgehend verfügbar. Jede Empfehlung ist mit einer Neuplanung gegen den "
            + "aktuellen Plan geprüft (möglichst wenige Terminänderungen).</p>\n"
        let replanned = recruitment.candidates.filter { $0.replan != nil }
        if replanned.isEmpty {
            html += "<p class=\"note\">Im Zeitlimit wurde kein Wohnort durchgerechnet; bitte <code>wsplan recruit</code> mit längerem <code>--time-limit</code> ausführen.</p>\n"
        } else {
            html += "<table class=\"unscheduled recruitment\"><thead><tr><th>Rang</th><th>Wohnort</th><th>Zusätzlich eingeplant</th>"
                + "<th class=\"num\">Reisekosten (Änderung)</th><th>Einsätze mit</th><th>Geänderte Termine</th><th>Ergebnis</th></tr></thead><tbody>\n"
            for (rank, candidate) in replanned.enumerated() {
                let replan = candidate.replan!
                let newly = replan.newlyServed.map(municipality)
                html += "<tr><td>\(rank + 1)</td><td><b>\(HTML.escape(candidate.trainer.home))</b> <small>\(candidate.trainer.state.germanName)</small></td>"
                html += "<td>\(replan.newlyServed.count)\(newly.isEmpty ? "" : ": " + newly.map(HTML.escape).joined(separator: ", "))"
                if !replan.dropped.isEmpty {
                    html += "<br><small>dafür nicht mehr: \(replan.dropped.map(municipality).map(HTML.escape).joined(separator: ", "))</small>"
                }
                html += "</td><td class=\"num\">\(signedEuro(replan.travelDelta))</td><td>\(pairs(replan.pairs))</td>"
                html += "<td>\(replan.eventsMoved)</td><td>\(status(replan.plan.status, replan.plan.gap))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "<p>\(greedy(recruitment))</p>\n"
        html += "<p class=\"small\">Geprüft wurden \(recruitment.candidates.count) Wohnorte (große Städte über das Land verteilt und Orte bei den offenen Anfragen), "
            + "zuerst mit einer schnellen Abschätzung, die besten mit einer vollständigen Neuplanung. Zum Nachrechnen: "
            + "<code>recruit-scenario.yaml</code> und <code>recruit-plan.json</code> im Planordner.</p>\n"
        return html
    }

    private func greedy(_ recruitment: RecruitmentResult) -> String {
        let steps = recruitment.greedy.steps
        let homes = steps.map { HTML.escape($0.trainer.home) }.joined(separator: ", ")
        let travel = steps.last.map { " Reisekosten gegenüber dem aktuellen Plan: \(signedEuro($0.travelDelta))." } ?? ""
        switch recruitment.greedy.stopped {
        case "all_served":
            return "<b>Damit alle Anfragen eingeplant werden, braucht es \(count(steps.count, "zusätzliche Person", "zusätzliche Personen"))</b> "
                + "(nacheinander jeweils am besten Wohnort: \(homes)).\(travel)"
        case "not_counted":
            return "Wie viele zusätzliche Personen alle Anfragen einplanbar machen, wurde nicht berechnet (<code>--max-added 0</code>)."
        default:
            let why = ["limit": "die gesetzte Obergrenze (<code>--max-added</code>) ist erreicht",
                       "no_gain": "eine weitere Person würde keine weitere Anfrage einplanbar machen",
                       "time": "das Zeitlimit ist erreicht"][recruitment.greedy.stopped] ?? recruitment.greedy.stopped
            let left = recruitment.greedy.leftOut.map(municipality).map(HTML.escape).joined(separator: ", ")
            let added = steps.isEmpty ? "Ohne zusätzliche Person" : "Mit \(count(steps.count, "zusätzlichen Person", "zusätzlichen Personen")) (\(homes))"
            let unproven = recruitment.greedy.stopped == "no_gain" && recruitment.candidates.contains { $0.replan.map { $0.plan.status != .optimal } ?? false }
                ? " Nicht alle Neuplanungen sind im Zeitlimit als optimal bewiesen; mit mehr Zeit (<code>--time-limit</code>) kann mehr gehen." : ""
            return "\(added) bleiben offen: \(left) – \(why).\(travel)\(unproven)"
        }
    }

    private func municipality(_ id: String) -> String { facts.requests[id]?.name ?? id }

    private func pairs(_ pairs: [PairUse]) -> String {
        guard !pairs.isEmpty else { return "–" }
        return pairs.map { pair in
            "<b>\(HTML.escape(facts.trainer(pair.partner)?.name ?? pair.partner))</b>: \(pair.municipalities.map(municipality).map(HTML.escape).joined(separator: ", "))"
        }.joined(separator: "<br>")
    }

    private func caps(_ recruitment: RecruitmentResult) -> String {
        let packages = recruitment.maxPackages.map { "höchstens \($0) Pakete" } ?? "ohne Paketgrenze"
        let days = recruitment.maxDaysPerMonth.map { "höchstens \($0) Einsatztage im Monat" } ?? "ohne Monatsgrenze"
        return "\(packages), \(days)"
    }

    private func status(_ status: PlanStatus, _ gap: Double?) -> String {
        switch status {
        case .optimal: return "optimal"
        case .feasible: return "zulässig" + (gap.map { ", Abstand zur Schranke \(GermanFormat.percent($0))" } ?? "")
        case .infeasible: return "unlösbar"
        case .noPlan: return "kein Plan im Zeitlimit"
        }
    }

    private func signedEuro(_ value: Double) -> String { (value > 0 ? "+" : "") + GermanFormat.euro(value) }

    private func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
}
