import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import PlanningIO
import Testing
@testable import WSPlanDesk

/// The explain page speaks German, like the rest of the desk (the command `wsplan explain` keeps
/// its English), and escapes everything a user supplied: ids in the URL and the form, names from
/// the scenario's files.
@Suite("Desk explain page")
struct DeskExplainTests {
    /// A plan of `2027-Q1` that leaves Dortmund out, written where `wsplan solve` writes it.
    static func writePlan(_ fixture: DeskFixture) throws -> Plan {
        var dortmund = UnscheduledRequest(municipality: "dortmund", name: "Stadt Dortmund", reasons: ["R6: outside the horizon"])
        dortmund.obstacles = [.windowOutsideHorizon(earliest: Day(iso: "2027-05-01")!, latest: Day(iso: "2027-05-31")!,
                                                    horizon: Day(iso: "2027-01-01")!...Day(iso: "2027-03-31")!, start: nil)]
        let plan = Plan(scenario: "Rollout 2027 Q1",
                        solver: SolverReport(name: "glpk", status: .optimal, objective: 50000, bound: 50000, gap: 0, seconds: 1),
                        objectiveTerms: ObjectiveTerms(), packages: [], unscheduled: [dortmund])
        let folder = fixture.root.appendingPathComponent("out/2027-Q1")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try PlanFile.encode(plan).write(to: folder.appendingPathComponent("plan.json"))
        return plan
    }

    @Test("without a plan, an unknown request, an unknown scenario: German answers, every id escaped")
    func refusals() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let token = try #require(try await client.get("/scenarios/2027-Q1").csrf)
            let noPlan = try await client.post("/scenarios/2027-Q1/explain", "csrf=\(token)&municipality=dortmund")
            #expect(noPlan.status == .conflict && noPlan.text.contains("Noch kein Plan: planen Sie das Szenario zuerst."))
            _ = try Self.writePlan(fixture)
            let unknown = try await client.post("/scenarios/2027-Q1/explain", "csrf=\(token)&municipality=dortmnd")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("<h1>Keine solche Anfrage</h1>"))
            #expect(unknown.text.contains("Das Szenario hat keine Anfrage mit der Kennung „dortmnd“; meinten Sie „dortmund“"))
            #expect(!unknown.text.contains("no request") && !unknown.text.contains("use an id"))
            // An id that is markup: shown as text, never as markup.
            let script = try await client.post("/scenarios/2027-Q1/explain",
                                               "csrf=\(token)&municipality=%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E%3Cb%20onclick%3D'y'%3E")
            #expect(script.status == .notFound)
            #expect(script.text.contains("„&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onclick=&#39;y&#39;&gt;“"))
            #expect(!script.text.contains("<script") && !script.text.contains("<b onclick"))
            // A scenario id that is markup, in the URL.
            let scenario = try await client.post("/scenarios/%3Cscript%3Ealert(1)%3C%2Fscript%3E/explain", "csrf=\(token)&municipality=dortmund")
            #expect(scenario.status == .notFound && scenario.text.contains("Kein solches Szenario im Ordner."))
            #expect(!scenario.text.contains("<script"))
        }
    }

    @Test("the page of a diagnosis: German sentences and the command for the terminal, names and ids escaped")
    func page() async throws {
        var plan = Plan(scenario: "Q1", solver: SolverReport(name: "glpk", status: .feasible, objective: 51234.5, bound: 50000, gap: 0.02, seconds: 3),
                        objectiveTerms: ObjectiveTerms(), packages: [], unscheduled: [])
        var item = UnscheduledRequest(municipality: "x<y", name: "Stadt <b>Fett</b> & Co", reasons: ["R6: outside"])
        item.obstacles = [.windowOutsideHorizon(earliest: Day(iso: "2027-05-01")!, latest: Day(iso: "2027-05-31")!,
                                                horizon: Day(iso: "2027-01-01")!...Day(iso: "2027-03-31")!, start: nil)]
        plan.unscheduled = [item]
        let response = ExplainPage(scenario: "2027-Q1", municipality: "x<y", plan: plan,
                                   result: .diagnosed(.structural, outcomes: [], seconds: 5),
                                   command: "wsplan explain Scenarios/2027-Q1.yaml 'x<y' --plan out/2027-Q1/plan.json").render()
        let text = WSPlanDesk.HTML.document(response.title, response.body)
        #expect(response.status == .ok)
        #expect(text.contains("<h1>Warum ist Stadt &lt;b&gt;Fett&lt;/b&gt; &amp; Co nicht eingeplant?</h1>"))
        #expect(text.contains("Stadt &lt;b&gt;Fett&lt;/b&gt; &amp; Co (<code>x&lt;y</code>) ist im letzten Plan (zulässig, Zielwert 51.234,50 €) nicht eingeplant."))
        #expect(text.contains(WSPlanDesk.HTML.escape(GermanReasons.diagnosis(.structural))))
        #expect(text.contains("<h2>Gründe</h2>") && text.contains("R6: Das Zeitfenster der Anfrage (01.05.2027–31.05.2027) liegt außerhalb des Planungszeitraums"))
        #expect(text.contains("<h2>Was sie hineinbrächte</h2><p>Keine Änderung in der Reichweite von wsplan hilft gegen dieses Hindernis.</p>"))
        #expect(text.contains("<summary>Dieselbe Frage im Terminal</summary>"))
        #expect(text.contains("wsplan explain Scenarios/2027-Q1.yaml &#39;x&lt;y&#39; --plan out/2027-Q1/plan.json"))
        #expect(!text.contains("<b>Fett") && !text.contains("x<y"))
        for english in ["is not scheduled", "Why (", "What would let it in", "structural:", "outside"] {
            #expect(!text.contains(english), "\(english)")
        }
    }

    @Test("a request that is in the plan after all: said so, with its package")
    func scheduled() {
        let costs = PackageCosts(fee: 6000, materials: 150, travel: 100, total: 6250, travelItems: [])
        let package = PlannedPackage(municipality: "kiel", name: "Kiel", state: .SH, place: "Kiel", trainers: ["hansen", "mueller"], pinned: false,
                                     preparation: Day(iso: "2027-01-29")!, workshop: [Day(iso: "2027-03-08")!, Day(iso: "2027-03-09")!],
                                     followup: Day(iso: "2027-09-06")!, participants: 30, costs: costs)
        let plan = Plan(scenario: "Q1", solver: SolverReport(name: "glpk", status: .optimal, objective: 6250, bound: 6250, gap: 0, seconds: 1),
                        objectiveTerms: ObjectiveTerms(), packages: [package], unscheduled: [])
        let response = ExplainPage(scenario: "2027-Q1", municipality: "kiel", plan: plan, result: .diagnosed(.scheduled, outcomes: [], seconds: 5),
                                   command: "wsplan explain Scenarios/2027-Q1.yaml kiel --plan out/2027-Q1/plan.json").render()
        let text = WSPlanDesk.HTML.document(response.title, response.body)
        #expect(text.contains("<h1>Kiel ist eingeplant</h1>") && text.contains("ist im letzten Plan (optimal, Zielwert 6.250,00 €) eingeplant."))
        #expect(text.contains("hansen und mueller: Vorbereitung 29.01.2027, Workshop 08.–09.03.2027, Nachbereitung 06.09.2027"))
        #expect(!text.contains("Was sie hineinbrächte"))
    }
}
