import Foundation
import GLPKBackend
import Hummingbird
import Planning
import PlanningIO

/// `POST /scenarios/:id/explain`: why an unscheduled request of the last plan is left out and which
/// single change would let it in – the steps of `wsplan explain SCENARIO ID --plan out/<name>/plan.json`
/// (diagnosis, then re-solves of the relevant relaxations), in the office's words: the reasons and
/// changes as `GermanReasons` writes them for the report, never the command's English text.
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
        let command = "wsplan explain " + [Edits.shown(desk, id + ".yaml"), municipality, "--plan", desk.scenarios.outputFolder(of: id) + "/plan.json"]
            .map(ShellWord.quoted).joined(separator: " ")
        return ExplainPage(scenario: id, municipality: municipality, plan: plan, result: result, command: command).response()
    }

    /// What the diagnosis and the re-solves found, or why there is nothing to explain.
    enum Explanation {
        /// The diagnosis's kind and the re-solves' outcomes (each given `seconds`).
        case diagnosed(Diagnosis.Kind, outcomes: [WhatIfOutcome], seconds: Double)
        /// The scenario has no request with the id; the closest ids it has.
        case unknownRequest(suggestions: [String])
        /// The scenario does not read: its problems in `wsplan check`'s words.
        case unreadable(String)
    }

    static func explanation(path: String, municipality: String, plan: Plan) -> Explanation {
        do {
            let scenario = try ScenarioLoader.load(path: path, warnings: { _ in })
            guard let m = scenario.requests.firstIndex(where: { $0.id == municipality }) else {
                return .unknownRequest(suggestions: IdSuggestions.closest(to: municipality, among: scenario.requests.map(\.id)))
            }
            let diagnosis = UnscheduledDiagnoser(planner: Planner(scenario: scenario))
                .diagnose(m, choices: UnscheduledDiagnoser.choices(from: plan, scenario: scenario))
            var outcomes: [WhatIfOutcome] = []
            let seconds = min(resolveSeconds, scenario.solver.timeLimitSeconds)
            if diagnosis.kind == .structural || diagnosis.kind == .capacity {
                outcomes = try WhatIfSearch(scenario: scenario, base: plan, solver: GLPKSolver(), timeLimitSeconds: seconds,
                                            maxResolves: maxResolves).run(diagnosis) { _ in }
            }
            return .diagnosed(diagnosis.kind, outcomes: outcomes, seconds: seconds)
        } catch let error as InputErrors {
            return .unreadable(error.description)
        } catch {
            return .unreadable(String(describing: error))
        }
    }
}
