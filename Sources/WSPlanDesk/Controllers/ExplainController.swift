import Foundation
import GLPKBackend
import Hummingbird
import Planning
import PlanningIO

/// `POST /scenarios/:id/explain`: why an unscheduled request of the last plan is left out and which
/// single change would let it in – the steps of `wsplan explain SCENARIO ID --plan out/<name>/plan.json`
/// (diagnosis, then re-solves of the relevant relaxations), shown as its text.
struct ExplainController {
    let desk: Desk
    /// Fewer and shorter re-solves than the command's defaults (6 × 15 s): a page should answer soon.
    static let maxResolves = 3
    static let resolveSeconds = 5.0

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/scenarios/:id/explain") { request, context in try await explain(request, context) }
    }

    func explain(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try Routes.scenario(context, desk)
        var request = request
        let form = Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
        let municipality = form["municipality"] ?? ""
        guard let plan = desk.scenarios.lastPlan(of: id) else {
            return HTML.page("Erklären", "<p class=\"error\">Noch kein Plan: planen Sie das Szenario zuerst.</p>", status: .conflict)
        }
        let path = desk.scenarios.path(of: id)!
        // GLPK blocks: run on a thread of its own, not on the server's few concurrency threads.
        let result: Explanation = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: Self.explanation(path: path, municipality: municipality, plan: plan))
            }.start()
        }
        let german = GermanReasons(plan: plan)
        var body = ""
        if let item = plan.unscheduled.first(where: { $0.municipality == municipality }) {
            body += "<h2>Gründe</h2><ul id=\"reasons\">" + german.reasons(item).map { "<li>\(HTML.escape($0.rule.isEmpty ? $0.text : "\($0.rule): \($0.text)"))</li>" }.joined() + "</ul>"
        }
        if let outcomes = result.outcomes {
            body += "<h2>Was sie hineinbrächte</h2>"
            if outcomes.isEmpty {
                body += "<p>Keine Änderung in der Reichweite von wsplan hilft gegen dieses Hindernis.</p>"
            } else {
                body += "<p>Jede Änderung wurde nachgerechnet (bis zu \(HTML.escape(GermanFormat.number(result.seconds, decimals: 0))) s je Rechnung), die beste zuerst.</p>"
                    + HTML.table(["Regel", "Änderung", "eingeplant?", "Zielwert", "davon Kosten", "fällt heraus", "kommt hinzu", "andere Termine verschoben"],
                                 outcomes.map { outcome in
                                     [HTML.escape(outcome.relaxation.rule.code), HTML.escape(german.change(outcome.relaxation)),
                                      outcome.served ? "ja" : (outcome.status == .optimal ? "nein (bewiesen)" : "nicht in der Zeitgrenze"),
                                      HTML.number(Format.signedEur(outcome.objectiveDelta)), HTML.number(outcome.served ? Format.signedEur(outcome.costDelta) : ""),
                                      HTML.escape(outcome.dropped.map(german.municipalityName).joined(separator: ", ")),
                                      HTML.escape(outcome.added.map(german.municipalityName).joined(separator: ", ")), HTML.number("\(outcome.eventsMoved)")]
                                 })
            }
        }
        body += "<details class=\"box\"\(result.outcomes == nil ? " open" : "")><summary>Ausgabe von <code>wsplan explain</code></summary><pre>\(HTML.escape(result.text))</pre></details>"
            + "<p><a href=\"/scenarios/\(HTML.escape(id))\">Zurück zum Szenario</a></p>"
        return HTML.page("Warum ist \(german.municipalityName(municipality)) nicht eingeplant?", body)
    }

    /// The CLI's text, and the re-solves' outcomes (nil when the scenario or the id could not be used).
    struct Explanation {
        var text: String
        var outcomes: [WhatIfOutcome]?
        var seconds = 0.0
    }

    static func explanation(path: String, municipality: String, plan: Plan) -> Explanation {
        do {
            let scenario = try ScenarioLoader.load(path: path, warnings: { _ in })
            guard let m = scenario.requests.firstIndex(where: { $0.id == municipality }) else {
                return Explanation(text: "municipality: no request with the id \"\(municipality)\"; use an id from the requests")
            }
            let diagnosis = UnscheduledDiagnoser(planner: Planner(scenario: scenario))
                .diagnose(m, choices: UnscheduledDiagnoser.choices(from: plan, scenario: scenario))
            var outcomes: [WhatIfOutcome] = []
            let seconds = min(resolveSeconds, scenario.solver.timeLimitSeconds)
            if diagnosis.kind == .structural || diagnosis.kind == .capacity {
                outcomes = try WhatIfSearch(scenario: scenario, base: plan, solver: GLPKSolver(), timeLimitSeconds: seconds,
                                            maxResolves: maxResolves).run(diagnosis) { _ in }
            }
            let text = ExplanationReport(scenario: scenario, diagnosis: diagnosis, plan: plan, planSource: "the last plan",
                                         outcomes: outcomes, resolveSeconds: outcomes.isEmpty ? nil : seconds).text()
            return Explanation(text: text, outcomes: outcomes, seconds: seconds)
        } catch let error as InputErrors {
            return Explanation(text: error.description)
        } catch {
            return Explanation(text: String(describing: error))
        }
    }
}
