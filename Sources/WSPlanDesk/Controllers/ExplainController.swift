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
            return HTML.page("Explain", "<p class=\"error\">No plan yet: plan the scenario first.</p>", status: .conflict)
        }
        let path = desk.scenarios.path(of: id)!
        // GLPK blocks: run on a thread of its own, not on the server's few concurrency threads.
        let text: String = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: Self.explanation(path: path, municipality: municipality, plan: plan))
            }.start()
        }
        return HTML.page("Explain \(municipality)", "<pre>\(HTML.escape(text))</pre><p><a href=\"/scenarios/\(HTML.escape(id))\">Back to the scenario</a></p>")
    }

    static func explanation(path: String, municipality: String, plan: Plan) -> String {
        do {
            let scenario = try ScenarioLoader.load(path: path)
            guard let m = scenario.requests.firstIndex(where: { $0.id == municipality }) else {
                return "municipality: no request with the id \"\(municipality)\"; use an id from the requests"
            }
            let diagnosis = UnscheduledDiagnoser(planner: Planner(scenario: scenario))
                .diagnose(m, choices: UnscheduledDiagnoser.choices(from: plan, scenario: scenario))
            var outcomes: [WhatIfOutcome] = []
            let seconds = min(resolveSeconds, scenario.solver.timeLimitSeconds)
            if diagnosis.kind == .structural || diagnosis.kind == .capacity {
                outcomes = try WhatIfSearch(scenario: scenario, base: plan, solver: GLPKSolver(), timeLimitSeconds: seconds,
                                            maxResolves: maxResolves).run(diagnosis) { _ in }
            }
            return ExplanationReport(scenario: scenario, diagnosis: diagnosis, plan: plan, planSource: "the last plan",
                                     outcomes: outcomes, resolveSeconds: outcomes.isEmpty ? nil : seconds).text()
        } catch let error as InputErrors {
            return error.description
        } catch {
            return String(describing: error)
        }
    }
}
