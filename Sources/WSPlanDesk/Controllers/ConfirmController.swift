import Foundation
import Hummingbird
import Planning
import PlanningIO

/// `/scenarios/:id/confirm`: pins the last plan's packages into a bookings file, as
/// `wsplan confirm out/<name>/plan.json --bookings FILE` does; the GET page asks first.
struct ConfirmController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/scenarios/:id/confirm") { _, context in try ask(try Routes.scenario(context, desk)) }
        router.post("/scenarios/:id/confirm") { request, context in try await confirm(request, context) }
    }

    /// The scenario's own `bookings:` file when it names one, else `bookings.yaml` in the folder.
    func bookingsName(_ id: String) -> String {
        if let name = desk.scenarios.topLevelString(of: id, key: "bookings"), ScenarioFolder.isSafeName(name) { return name }
        return "bookings.yaml"
    }

    func ask(_ id: String) throws -> Response {
        guard let plan = desk.scenarios.lastPlan(of: id) else {
            return HTML.page("Bestätigen", "<p class=\"error\">Noch kein Plan: planen Sie das Szenario zuerst.</p>", status: .conflict)
        }
        let name = bookingsName(id)
        let body = "<p>Die \(plan.packages.count) \(plan.packages.count == 1 ? "Paket" : "Pakete") des letzten Plans (\(HTML.escape(plan.solver.status.germanWord))) "
            + "in <code>\(HTML.escape(name))</code> als gebucht übernehmen? Gebuchte Pakete bleiben in jedem Szenario, das diese Datei nennt, genau wie sie sind (R9).</p>"
            + HTML.form("/scenarios/\(id)/confirm", csrf: desk.csrf,
                        "<label>Buchungsdatei <input name=\"bookings\" value=\"\(HTML.escape(name))\"></label> <button>Ja, übernehmen</button>")
            + " <a href=\"/scenarios/\(HTML.escape(id))\">Abbrechen</a>"
        return HTML.page("Bestätigen", body)
    }

    func confirm(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try Routes.scenario(context, desk)
        var request = request
        let form = Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
        let name = form["bookings"] ?? bookingsName(id)
        guard ScenarioFolder.isSafeName(name), name.hasSuffix(".yaml") else {
            return HTML.page("Bestätigen", "<p class=\"error\">Buchungsdatei: geben Sie einen .yaml-Dateinamen im Szenario-Ordner an (\"\(HTML.escape(name))\")</p>",
                             status: .unprocessableContent)
        }
        guard let plan = desk.scenarios.lastPlan(of: id) else {
            return HTML.page("Bestätigen", "<p class=\"error\">Noch kein Plan: planen Sie das Szenario zuerst.</p>", status: .conflict)
        }
        do {
            // The scenario's gaps and office closure, which its plan keeps (R2–R4); SPEC's if it no longer loads.
            let rules = desk.scenarios.path(of: id).flatMap { try? ScenarioLoader.load(path: $0, warnings: { _ in }) }
                .map { BookingsFile.RuleSource(rules: $0.rules, origin: "the rules of \(id)") } ?? .defaults
            let added = try BookingsFile.confirm(plan, into: desk.scenarios.root.appendingPathComponent(name).path, rules: rules)
            return HTML.page("Bestätigt", "<p class=\"ok\">\(added.count) \(added.count == 1 ? "Paket" : "Pakete") in <code>\(HTML.escape(name))</code> übernommen"
                + (added.isEmpty ? " (alle standen schon darin)" : ": " + HTML.escape(added.joined(separator: ", "))) + ".</p>"
                + "<p><a href=\"/scenarios/\(HTML.escape(id))\">Zurück zum Szenario</a></p>")
        } catch {
            return HTML.page("Bestätigen", "<p class=\"error\">Nichts wurde geschrieben:</p><pre class=\"error\">\(HTML.escape(error.description))</pre>",
                             status: .unprocessableContent)
        }
    }
}
