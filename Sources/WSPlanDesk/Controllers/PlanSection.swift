import Foundation
import Planning

/// The scenario page's plan box: the last plan written, the solve form, and the running solve's
/// progress (updated live by a small script listening to server-sent events).
struct PlanSection {
    let desk: Desk
    let id: String

    func render() -> String {
        let base = "/scenarios/\(HTML.escape(id))"
        var html = "<h2>Plan</h2><div class=\"box\">"
        if let plan = desk.scenarios.lastPlan(of: id) {
            html += "<p>Last plan in <code>\(HTML.escape(desk.scenarios.outputFolder(of: id)))</code>: <b>\(HTML.escape(plan.solver.status.rawValue))</b>, "
                + "objective \(HTML.escape(plan.solver.objective.map(Format.eur) ?? "–")) EUR, gap \(HTML.escape(plan.solver.gap.map(Format.percent) ?? "–")), "
                + "\(HTML.escape(Format.seconds(plan.solver.seconds))); \(plan.packages.count) package(s), \(plan.unscheduled.count) unscheduled.</p>"
            if !plan.unscheduled.isEmpty {
                html += "<p>Unscheduled: " + plan.unscheduled.map { item in
                    HTML.form("\(base)/explain", csrf: desk.csrf,
                              "<input type=\"hidden\" name=\"municipality\" value=\"\(HTML.escape(item.municipality))\"><button>Explain \(HTML.escape(item.municipality))</button>")
                }.joined() + "</p>"
            }
            html += "<p><a href=\"\(base)/files/report.html\">Open the report</a> · Files: "
                + ["plan.json", "calendar.csv", "costs.csv", "ics/all.ics"].map { "<a href=\"\(base)/files/\($0)\" download>\($0)</a>" }.joined(separator: " · ")
                + "</p><p><a href=\"\(base)/confirm\">Confirm this plan into the bookings file…</a> · <a href=\"/compare\">Compare with other scenarios</a></p>"
        } else {
            html += "<p>No plan yet.</p>"
        }
        let snapshot = desk.jobs.snapshot(id)
        let running = snapshot?.state == .running
        html += HTML.form("\(base)/solve", csrf: desk.csrf,
                          "<label>Time limit (s) <input name=\"time_limit\" size=\"5\" placeholder=\"scenario's\"></label> <button\(running ? " disabled" : "")>Plan</button>")
        html += HTML.form("\(base)/stop", csrf: desk.csrf, "<button id=\"stop\"\(running ? "" : " disabled")>Stop (keep the best plan)</button>")
        if let snapshot {
            html += "<p id=\"progress\" data-url=\"\(base)/progress\" data-running=\"\(running)\">" + Self.progressText(snapshot) + "</p>"
            if snapshot.state == .failed { html += "<pre class=\"error\">\(HTML.escape(snapshot.message))</pre>" }
            html += Self.script
        }
        return html + "</div>"
    }

    /// The progress line, the same text before and after the script updates it.
    static func progressText(_ snapshot: SolveJobs.Snapshot) -> String {
        let state = snapshot.state == .running ? (snapshot.stopRequested ? "stopping" : "running") : snapshot.state.rawValue
        return "Solve: <b id=\"p-state\">\(HTML.escape(state))</b> · phase <span id=\"p-phase\">\(HTML.escape(snapshot.phase))</span>"
            + " · best plan <span id=\"p-best\">\(HTML.escape(snapshot.incumbent.map(Format.eur) ?? "–"))</span> EUR"
            + " · bound <span id=\"p-bound\">\(HTML.escape(snapshot.bound.map(Format.eur) ?? "–"))</span>"
            + " · gap <span id=\"p-gap\">\(HTML.escape(snapshot.gap.map(Format.percent) ?? "–"))</span>"
            + " · <span id=\"p-elapsed\">\(HTML.escape(Format.seconds(snapshot.elapsed)))</span>"
    }

    /// Listens to `/progress` and fills in the line; reloads the page when the solve has ended.
    static let script = """
        <script>
        (function(){var p=document.getElementById('progress');if(!p||p.dataset.running!=='true')return;
        var s=new EventSource(p.dataset.url);function t(id,v){document.getElementById(id).textContent=v;}
        function eur(v){return v===null?'–':v.toFixed(2);}
        s.onmessage=function(e){var d=JSON.parse(e.data);t('p-state',d.state==='running'?(d.stopping?'stopping':'running'):d.state);
        t('p-phase',d.phase);t('p-best',eur(d.incumbent));t('p-bound',eur(d.bound));
        t('p-gap',d.gap===null?'–':(d.gap*100).toFixed(2)+' %');t('p-elapsed',d.elapsed.toFixed(1)+' s');
        if(d.state!=='running'){s.close();location.reload();}};})();
        </script>
        """
}
