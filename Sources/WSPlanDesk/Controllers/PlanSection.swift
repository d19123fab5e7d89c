import Foundation
import Planning
import PlanningIO

/// The scenario page's plan box: the last plan written, the solve form, and the running solve's
/// progress (updated live by a small script listening to server-sent events).
struct PlanSection {
    let desk: Desk
    let id: String

    func render() -> String {
        let base = "/scenarios/\(HTML.escape(id))"
        var html = "<h2>Plan</h2><div class=\"box\">"
        if let plan = desk.scenarios.lastPlan(of: id) {
            html += "<p>Letzter Plan in <code>\(HTML.escape(desk.scenarios.outputFolder(of: id)))</code>: <b>\(HTML.escape(plan.solver.status.germanText))</b>, "
                + "Zielwert \(HTML.escape(plan.solver.objective.map(Format.eur) ?? "–")), Lücke \(HTML.escape(plan.solver.gap.map(Format.percent) ?? "–")), "
                + "\(HTML.escape(Format.seconds(plan.solver.seconds))); \(plan.packages.count) \(plan.packages.count == 1 ? "Paket" : "Pakete"), "
                + "\(plan.unscheduled.count) nicht eingeplant.</p>"
            if !plan.unscheduled.isEmpty {
                let german = GermanReasons(plan: plan)
                html += "<table id=\"unscheduled\"><tr><th>nicht eingeplant</th><th>Gründe</th><th></th></tr>" + plan.unscheduled.map { item in
                    let reasons = german.reasons(item).map { $0.rule.isEmpty ? $0.text : "\($0.rule): \($0.text)" }
                    return "<tr><td>\(HTML.escape(item.name))</td><td>"
                        + reasons.map { "<div>\(HTML.escape($0))</div>" }.joined() + "</td><td>"
                        + HTML.form("\(base)/explain", csrf: desk.csrf,
                                    "<input type=\"hidden\" name=\"municipality\" value=\"\(HTML.escape(item.municipality))\"><button>Erklären</button>")
                        + "</td></tr>"
                }.joined() + "</table>"
            }
            html += "<p><a href=\"\(base)/files/report.html\">Bericht öffnen</a> · Dateien: "
                + ["plan.json", "calendar.csv", "costs.csv", "ics/all.ics"].map { "<a href=\"\(base)/files/\($0)\" download>\($0)</a>" }.joined(separator: " · ")
                + "</p><p><a href=\"\(base)/confirm\">Diesen Plan in die Buchungsdatei übernehmen …</a> · <a href=\"/compare\">Mit anderen Szenarien vergleichen</a></p>"
        } else {
            html += "<p>Noch kein Plan.</p>"
        }
        let snapshot = desk.jobs.snapshot(id)
        let running = snapshot?.state == .running
        html += HTML.form("\(base)/solve", csrf: desk.csrf,
                          "<label>Zeitgrenze (s) <input name=\"time_limit\" size=\"5\" placeholder=\"des Szenarios\"></label> <button\(running ? " disabled" : "")>Planen</button>")
        html += HTML.form("\(base)/stop", csrf: desk.csrf, "<button id=\"stop\"\(running ? "" : " disabled")>Anhalten (besten Plan behalten)</button>")
        if let snapshot {
            html += "<p id=\"progress\" data-url=\"\(base)/progress\" data-running=\"\(running)\">" + Self.progressText(snapshot) + "</p>"
            if snapshot.state == .failed { html += "<pre class=\"error\">\(HTML.escape(snapshot.message))</pre>" }
            html += Self.script
        }
        return html + "</div>"
    }

    /// The state of a solve as the page says it (the server-sent events carry the same words).
    static func stateWord(_ snapshot: SolveJobs.Snapshot) -> String {
        switch snapshot.state {
        case .running: snapshot.stopRequested ? "wird angehalten" : "läuft"
        case .finished: "fertig"
        case .failed: "fehlgeschlagen"
        }
    }

    /// The progress line, the same text before and after the script updates it.
    static func progressText(_ snapshot: SolveJobs.Snapshot) -> String {
        "Planung: <b id=\"p-state\">\(HTML.escape(stateWord(snapshot)))</b> · Schritt <span id=\"p-phase\">\(HTML.escape(snapshot.phase))</span>"
            + " · bester Plan <span id=\"p-best\">\(HTML.escape(snapshot.incumbent.map(Format.eur) ?? "–"))</span>"
            + " · Schranke <span id=\"p-bound\">\(HTML.escape(snapshot.bound.map(Format.eur) ?? "–"))</span>"
            + " · Lücke <span id=\"p-gap\">\(HTML.escape(snapshot.gap.map(Format.percent) ?? "–"))</span>"
            + " · <span id=\"p-elapsed\">\(HTML.escape(Format.seconds(snapshot.elapsed)))</span>"
    }

    /// Listens to `/progress` and fills in the line; reloads the page when the solve has ended.
    static let script = """
        <script>
        (function(){var p=document.getElementById('progress');if(!p||p.dataset.running!=='true')return;
        var s=new EventSource(p.dataset.url);function t(id,v){document.getElementById(id).textContent=v;}
        s.onmessage=function(e){var d=JSON.parse(e.data),w=d.words;t('p-state',w.state);t('p-phase',d.phase);
        t('p-best',w.incumbent);t('p-bound',w.bound);t('p-gap',w.gap);t('p-elapsed',w.elapsed);
        if(d.state!=='running'){s.close();location.reload();}};})();
        </script>
        """
}
