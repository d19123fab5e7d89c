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
        }.joined() + "<button>Compare</button></form>"
        var body = "<p>Pick two or more scenarios; each shows its last plan from <code>out/</code>.</p>" + picker
        guard chosen.count >= 2 else { return HTML.page("Vergleich", body) }
        var plans: [(title: String, plan: Plan)] = []
        var missing: [String] = []
        for id in chosen {
            guard desk.scenarios.path(of: id) != nil, let plan = desk.scenarios.lastPlan(of: id) else { missing.append(id); continue }
            plans.append((title: id + ".yaml", plan: plan))
        }
        if !missing.isEmpty {
            body += "<p class=\"error\">No plan yet (or no such scenario): \(HTML.escape(missing.joined(separator: ", "))); plan them first.</p>"
        }
        if plans.count >= 2 {
            let comparison = PlanComparison(plans)
            body += HTML.table(["metric"] + comparison.columns,
                               comparison.rows.map { row in [HTML.escape(row.metric)] + row.values.map { HTML.number($0.display) } })
        }
        return HTML.page("Vergleich", body, status: missing.isEmpty ? .ok : .unprocessableContent)
    }
}
