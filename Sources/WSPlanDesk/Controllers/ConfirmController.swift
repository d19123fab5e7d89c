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
            return HTML.page("Bestätigen", "<p class=\"error\">No plan yet: plan the scenario first.</p>", status: .conflict)
        }
        let name = bookingsName(id)
        let body = "<p>Confirm the \(plan.packages.count) package(s) of the last plan (\(HTML.escape(plan.solver.status.rawValue))) "
            + "into <code>\(HTML.escape(name))</code>? Confirmed packages stay exactly as they are in every scenario that names this file (R9).</p>"
            + HTML.form("/scenarios/\(id)/confirm", csrf: desk.csrf,
                        "<label>Bookings file <input name=\"bookings\" value=\"\(HTML.escape(name))\"></label> <button>Yes, confirm</button>")
            + " <a href=\"/scenarios/\(HTML.escape(id))\">Cancel</a>"
        return HTML.page("Bestätigen", body)
    }

    func confirm(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try Routes.scenario(context, desk)
        var request = request
        let form = Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
        let name = form["bookings"] ?? bookingsName(id)
        guard ScenarioFolder.isSafeName(name), name.hasSuffix(".yaml") else {
            return HTML.page("Bestätigen", "<p class=\"error\">bookings: give a .yaml file name inside the scenario folder (\"\(HTML.escape(name))\")</p>",
                             status: .unprocessableContent)
        }
        guard let plan = desk.scenarios.lastPlan(of: id) else {
            return HTML.page("Bestätigen", "<p class=\"error\">No plan yet: plan the scenario first.</p>", status: .conflict)
        }
        do {
            // The scenario's gaps and office closure, which its plan keeps (R2–R4); SPEC's if it no longer loads.
            let rules = desk.scenarios.path(of: id).flatMap { try? ScenarioLoader.load(path: $0, warnings: { _ in }) }
                .map { BookingsFile.RuleSource(rules: $0.rules, origin: "the rules of \(id)") } ?? .defaults
            let added = try BookingsFile.confirm(plan, into: desk.scenarios.root.appendingPathComponent(name).path, rules: rules)
            return HTML.page("Bestätigt", "<p class=\"ok\">\(added.count) package(s) added to <code>\(HTML.escape(name))</code>"
                + (added.isEmpty ? " (all were there already)" : ": " + HTML.escape(added.joined(separator: ", "))) + ".</p>"
                + "<p><a href=\"/scenarios/\(HTML.escape(id))\">Back to the scenario</a></p>")
        } catch {
            return HTML.page("Bestätigen", "<p class=\"error\">Nothing was written:</p><pre class=\"error\">\(HTML.escape(error.description))</pre>",
                             status: .unprocessableContent)
        }
    }
}
