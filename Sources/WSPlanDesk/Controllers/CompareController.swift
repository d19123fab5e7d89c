import Foundation
import Hummingbird
import Planning
import PlanningIO

/// `/compare?s=A&s=B…`: the last plans of two or more scenarios side by side, the same
/// `PlanComparison` that `wsplan compare --plans` prints (the first column is the reference).
struct CompareController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/compare") { request, _ in compare(Form(request.uri.query ?? "").values("s")) }
    }

    func compare(_ chosen: [String]) -> Response {
        let ids = desk.scenarios.ids()
        let picker = "<form method=\"get\" action=\"/compare\">" + ids.map { id in
            "<label><input type=\"checkbox\" name=\"s\" value=\"\(HTML.escape(id))\"\(chosen.contains(id) ? " checked" : "")> \(HTML.escape(id))</label> "
        }.joined() + "<button>Vergleichen</button></form>"
        var body = "<p>Wählen Sie zwei oder mehr Szenarien; jedes zeigt seinen letzten Plan aus <code>out/</code>.</p>" + picker
        guard chosen.count >= 2 else { return HTML.page("Vergleich", body) }
        var plans: [(title: String, plan: Plan)] = []
        var missing: [String] = []
        for id in chosen {
            guard desk.scenarios.path(of: id) != nil, let plan = desk.scenarios.lastPlan(of: id) else { missing.append(id); continue }
            plans.append((title: id + ".yaml", plan: plan))
        }
        if !missing.isEmpty {
            body += "<p class=\"error\">Noch kein Plan (oder kein solches Szenario): \(HTML.escape(missing.joined(separator: ", "))); planen Sie sie zuerst.</p>"
        }
        if plans.count >= 2 {
            let comparison = PlanComparison(plans)
            body += HTML.table(["Kennzahl"] + comparison.columns,
                               comparison.rows.map { row in [HTML.escape(row.germanMetric)] + row.values.map { HTML.number($0.germanDisplay) } })
        }
        return HTML.page("Vergleich", body, status: missing.isEmpty ? .ok : .unprocessableContent)
    }
}
