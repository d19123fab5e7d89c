import Foundation
import Planning
@testable import PlanningIO
import Testing

/// "Wo fehlen Trainer?" in report.html: from recruit.json when it belongs to this plan, a hint
/// without one, a note when it belongs to another plan, nothing when everything is served.
struct ReportRecruitmentTests {
    typealias F = ReportFixture

    /// A recruit.json as `wsplan recruit` writes it (snake_case keys).
    static func result(unscheduled: [String]) -> RecruitmentResult {
        let trainer = """
            {"id": "new-stralsund", "name": "Neue Trainerin/neuer Trainer (Stralsund)", "home": "Stralsund <i>", "state": "MV",
             "lat": 54.3, "lon": 13.08, "max_packages": 4, "max_days_per_month": 10}
            """
        let summary = """
            {"status": "feasible", "gap": 0.0123, "served": 3, "weighted_served": 3, "unscheduled": [], "travel": 1200, "objective": 1300}
            """
        let json = """
            {"format": "wsplan-recruit/1", "scenario": "x", "max_packages": 4, "max_days_per_month": 10, "time_limit_seconds": 60, "seconds": 12,
             "base": {"status": "optimal", "gap": 0, "served": 2, "weighted_served": 2, "unscheduled": [\(unscheduled.map { "\"\($0)\"" }.joined(separator: ", "))],
                      "travel": 387.6, "objective": 50387.6},
             "candidates": [{"trainer": \(trainer), "source": "region", "screening_bound": 1200,
                             "replan": {"plan": \(summary), "seconds": 4, "newly_served": ["hro"], "dropped": [], "travel_delta": 812.4,
                                        "objective_delta": -49187.6, "events_moved": 2, "pairs": [{"partner": "yilmaz", "municipalities": ["hro"]}]}}],
             "greedy": {"steps": [{"trainer": \(trainer), "plan": \(summary), "travel_delta": 812.4}], "stopped": "all_served", "left_out": []}}
            """
        return try! RecruitmentFile.decode(Data(json.utf8))
    }

    func render(_ recruitment: RecruitmentResult?, plan: Plan = F.plan) -> String {
        var page = ReportPage(plan: plan, facts: ReportFacts(scenario: F.scenario))
        page.recruitment = recruitment
        return page.render()
    }

    @Test func showsTheRecommendationOfThisPlan() throws {
        let html = render(Self.result(unscheduled: ["hro"]))
        #expect(html.contains("<h2>Wo fehlen Trainer?</h2>"))
        #expect(html.contains("<b>Stralsund &lt;i&gt;</b>"), "escaped home")
        #expect(html.contains("1: Hansestadt Rostock"))
        #expect(html.contains("+812,40 €"))
        #expect(html.contains("<b>Deniz &quot;D&quot; Yılmaz &amp; Co</b>: Hansestadt Rostock"))
        #expect(html.contains("zulässig, Abstand zur Schranke 1,23 %"))
        #expect(html.contains("braucht es 1 zusätzliche Person"))
        // The section follows the unscheduled requests.
        let offen = try #require(html.range(of: "<section id=\"offen\">")), section = try #require(html.range(of: "<section id=\"trainer-fehlen\">"))
        #expect(offen.lowerBound < section.lowerBound)
    }

    @Test func hintWithoutARunAndNoteForAnotherPlan() {
        #expect(render(nil).contains("Noch keine Auswertung"))
        let stale = render(Self.result(unscheduled: ["hro", "ka"]))
        #expect(stale.contains("gehört zu einem anderen Planstand") && !stale.contains("Stralsund"))
    }

    @Test func noSectionWhenEverythingIsServed() {
        var plan = F.plan
        plan.unscheduled = []
        #expect(!render(Self.result(unscheduled: []), plan: plan).contains("Wo fehlen Trainer?"))
    }

    @Test func recruitJSONRoundTrips() throws {
        let result = Self.result(unscheduled: ["hro"])
        let data = try RecruitmentFile.encode(result)
        #expect(String(decoding: data, as: UTF8.self).contains("\"weighted_served\" : 2"))
        #expect(try RecruitmentFile.decode(data) == result)
    }

    @Test func whatIfScenarioExtendsTheBaseRelatively() {
        let text = RecruitmentFile.whatIfScenario(extending: "/a/b/Scenarios/q1.yaml", from: "/a/b/out/q1", name: "Q1 + \"neu\"",
                                                  trainers: Self.result(unscheduled: []).greedy.steps.map(\.trainer))
        #expect(text.contains("extends: \"../../Scenarios/q1.yaml\"\n"))
        #expect(text.contains("name: \"Q1 + \\\"neu\\\"\"\n"))
        #expect(text.contains("home: {lat: 54.3, lon: 13.08}, max_packages: 4, max_days_per_month: 10}"))
    }
}
