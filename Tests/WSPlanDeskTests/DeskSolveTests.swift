import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import PlanningIO
import Testing
@testable import WSPlanDesk

@Suite("Desk solving", .serialized)
struct DeskSolveTests {
    @Test("a solve runs in the background, a second one is refused, progress streams, the plan lands in out/<name>")
    func solve() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page0 = try await client.get("/scenarios/2027-Q1")
            let token = try #require(page0.csrf)
            // Long enough to be still running when the stream is opened (Q1 is proven in seconds).
            let started = try await client.post("/scenarios/2027-Q1/solve", "csrf=\(token)&time_limit=30")
            #expect(started.status == .seeOther)
            let second = try await client.post("/scenarios/2027-Q1/solve", "csrf=\(token)&time_limit=30")
            #expect(second.status == .conflict && second.text.contains("läuft schon"))
            let events = try await client.get("/scenarios/2027-Q1/progress")  // streams until the solve ends
            #expect(events.headers[.contentType] == "text/event-stream")
            let lines = events.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }
            // One event per half second while it runs: on a loaded machine the 1 s solve may have
            // ended before the stream is opened, so only the last (finished) event is certain.
            #expect(lines.count >= 1)
            #expect(lines.last!.contains("\"state\":\"finished\""))
            let plan = try PlanFile.read(path: fixture.root.path + "/out/2027-Q1/plan.json")
            #expect(plan.scenario == "Rollout 2027 Q1" && !plan.packages.isEmpty)
            #expect(lines.last!.contains(String(format: "\"incumbent\":%.2f", plan.solver.objective!)))
            let page = try await client.get("/scenarios/2027-Q1")
            #expect(page.text.contains(plan.solver.status.germanText) && page.text.contains("/files/report.html"))
            let r1 = try await client.get("/scenarios/2027-Q1/files/report.html")
            #expect(r1.status == .ok)
            let json = try await client.get("/scenarios/2027-Q1/files/plan.json")
            #expect(Data(buffer: json.body) == FileManager.default.contents(atPath: fixture.root.path + "/out/2027-Q1/plan.json"))
            let r2 = try await client.get("/")
            #expect(r2.text.contains(GermanFormat.euro(plan.solver.objective!)))  // 28.003,15 €
            try await checkFeeds(client, fixture, token: token)
            // A what-if is planned as a re-plan of its base's plan: plan.json counts the moves against it.
            let variant = try await client.post("/scenarios/2027-Q1-hansen-part-time/solve", "csrf=\(token)&time_limit=1")
            #expect(variant.status == .seeOther)
            _ = try await client.get("/scenarios/2027-Q1-hansen-part-time/progress")
            let replan = try PlanFile.read(path: fixture.root.path + "/out/2027-Q1-hansen-part-time/plan.json")
            #expect(replan.moves != nil)
            // Explain: a button per unscheduled request; the answer names the request and a rule.
            let out = try #require(replan.unscheduled.first)
            let variantPage = try await client.get("/scenarios/2027-Q1-hansen-part-time")
            #expect(variantPage.text.contains("value=\"\(out.municipality)\"><button>Erklären</button>"))
            let explained = try await client.post("/scenarios/2027-Q1-hansen-part-time/explain", "csrf=\(token)&municipality=\(out.municipality)")
            #expect(explained.status == .ok && explained.text.contains(out.municipality) && explained.text.contains("R"))
            // In German, as the report says it; the command's English stays in the terminal.
            let german = GermanReasons(plan: replan)
            #expect(explained.text.contains("<h1>Warum ist \(WSPlanDesk.HTML.escape(out.name)) nicht eingeplant?</h1>"))
            #expect(explained.text.contains("<h2>Gründe</h2>") && explained.text.contains("<h2>Was sie hineinbrächte</h2>"))
            for reason in german.reasons(out) { #expect(explained.text.contains(WSPlanDesk.HTML.escape(reason.text))) }
            #expect(explained.text.contains("wsplan explain ") && explained.text.contains("Dieselbe Frage im Terminal"))
            for english in ["is not scheduled", "Why (", "What would let it in", "re-solve", "served (", "objective"] {
                #expect(!explained.text.contains(english), "\(english)")
            }
            let unknown = try await client.post("/scenarios/2027-Q1-hansen-part-time/explain", "csrf=\(token)&municipality=nowhere")
            #expect(unknown.status == .notFound && unknown.text.contains("Das Szenario hat keine Anfrage mit der Kennung „nowhere“"))
        }
    }

    /// The trainer's feed: served with ETag/Last-Modified, 304 when unchanged, 404 for a guessed
    /// token or another calendar's name, and a renewed token revokes the old URL.
    func checkFeeds(_ client: some TestClientProtocol, _ fixture: DeskFixture, token csrf: String) async throws {
        let page = try await client.get("/scenarios/2027-Q1").text
        let pattern = try Regex("/feeds/([0-9a-f]{40})/trainer-mueller\\.ics")
        let match = try #require(page.firstMatch(of: pattern))
        let url = String(page[match.range]), token = String(match.output[1].substring!)
        let feed = try await client.get(url)
        #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
        #expect(feed.text == String(decoding: FileManager.default.contents(atPath: fixture.root.path + "/out/2027-Q1/ics/trainer-mueller.ics")!, as: UTF8.self))
        let etag = try #require(feed.headers[.eTag]), modified = try #require(feed.headers[.lastModified])
        let again = try await client.get(url, headers: [.ifNoneMatch: etag])
        #expect(again.status == .notModified && again.body.readableBytes == 0)
        let since = try await client.get(url, headers: [.ifModifiedSince: modified])
        #expect(since.status == .notModified)
        let stale = try await client.get(url, headers: [.ifNoneMatch: "\"0-0\""])
        #expect(stale.status == .ok)
        let guessed = try await client.get("/feeds/\(String(repeating: "0", count: 40))/trainer-mueller.ics")
        #expect(guessed.status == .notFound)
        let otherName = try await client.get("/feeds/\(token)/trainer-nowak.ics")
        #expect(otherName.status == .notFound)
        let stored = try String(contentsOf: fixture.scenarios.appendingPathComponent("wsplan-feeds.json"), encoding: .utf8)
        #expect(stored.contains(token))
        let renewed = try await client.post("/scenarios/2027-Q1/feeds/renew", "csrf=\(csrf)&calendar=trainer-mueller.ics")
        #expect(renewed.status == .seeOther)
        let revoked = try await client.get(url)
        #expect(revoked.status == .notFound)
        let newPage = try await client.get("/scenarios/2027-Q1").text
        let newMatch = try #require(newPage.firstMatch(of: pattern))
        let fresh = try await client.get(String(newPage[newMatch.range]))
        #expect(fresh.status == .ok && !newPage.contains(token))
    }

    @Test("Stop ends the solve early and keeps the best plan, as Ctrl-C does")
    func stop() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page0 = try await client.get("/scenarios/2027-Q1")
            let token = try #require(page0.csrf)
            let r3 = try await client.post("/scenarios/2027-Q1/stop", "csrf=\(token)")
            #expect(r3.status == .conflict)  // nothing runs
            let clock = ContinuousClock(), begin = clock.now
            let r4 = try await client.post("/scenarios/2027-Q1/solve", "csrf=\(token)&time_limit=120")
            #expect(r4.status == .seeOther)
            try await Task.sleep(for: .seconds(3))
            let r5 = try await client.post("/scenarios/2027-Q1/stop", "csrf=\(token)")
            #expect(r5.status == .seeOther)
            let events = try await client.get("/scenarios/2027-Q1/progress")
            #expect(events.text.contains("\"state\":\"finished\""))
            #expect(clock.now - begin < .seconds(60))
            let plan = try PlanFile.read(path: fixture.root.path + "/out/2027-Q1/plan.json")
            #expect(plan.solver.status == .feasible || plan.solver.status == .optimal)
            #expect(!plan.packages.isEmpty)
            try await checkConfirm(client, fixture, plan: plan, token: token)
            try await checkCompare(client, fixture, plan: plan)
        }
    }

    /// Confirm asks first, needs the CSRF token, writes the bookings file as `wsplan confirm` does
    /// and is idempotent.
    func checkConfirm(_ client: some TestClientProtocol, _ fixture: DeskFixture, plan: Plan, token: String) async throws {
        let ask = try await client.get("/scenarios/2027-Q1/confirm")
        #expect(ask.status == .ok && ask.text.contains("Ja, übernehmen") && ask.text.contains("bookings.yaml"))
        let bookings = fixture.scenarios.appendingPathComponent("bookings.yaml").path
        #expect(!FileManager.default.fileExists(atPath: bookings))  // asking writes nothing
        let forged = try await client.post("/scenarios/2027-Q1/confirm", "bookings=bookings.yaml")
        #expect(forged.status == .forbidden && !FileManager.default.fileExists(atPath: bookings))
        let outside = try await client.post("/scenarios/2027-Q1/confirm", "csrf=\(token)&bookings=..%2Fevil.yaml")
        #expect(outside.status == .unprocessableContent)
        let done = try await client.post("/scenarios/2027-Q1/confirm", "csrf=\(token)&bookings=bookings.yaml")
        #expect(done.status == .ok && done.text.contains("\(plan.packages.count) Pakete in <code>bookings.yaml</code> übernommen"))
        let written = try String(contentsOfFile: bookings, encoding: .utf8)
        for package in plan.packages { #expect(written.contains("municipality: \(package.municipality),"), "\(package.municipality)") }
        let again = try await client.post("/scenarios/2027-Q1/confirm", "csrf=\(token)&bookings=bookings.yaml")
        #expect(again.text.contains("0 Pakete in") && again.text.contains("alle standen schon darin"))
    }

    /// Compare shows `PlanComparison`'s rows for the chosen scenarios' last plans and says which have none.
    func checkCompare(_ client: some TestClientProtocol, _ fixture: DeskFixture, plan: Plan) async throws {
        let lacking = try await client.get("/compare?s=2027-Q1&s=2027-Q2")
        #expect(lacking.status == .unprocessableContent && lacking.text.contains("Noch kein Plan (oder kein solches Szenario): 2027-Q2"))
        // A second column: the same plan under the what-if's output folder.
        let out = fixture.root.appendingPathComponent("out")
        try FileManager.default.copyItem(at: out.appendingPathComponent("2027-Q1"), to: out.appendingPathComponent("2027-Q1-mueller-on-leave"))
        let page = try await client.get("/compare?s=2027-Q1&s=2027-Q1-mueller-on-leave")
        #expect(page.status == .ok)
        let comparison = PlanComparison([(title: "2027-Q1.yaml", plan: plan), (title: "2027-Q1-mueller-on-leave.yaml", plan: plan)])
        for row in comparison.rows {
            #expect(page.text.contains(WSPlanDesk.HTML.escape(row.germanMetric)), "\(row.key)")
            for value in row.values { #expect(page.text.contains(WSPlanDesk.HTML.escape(value.germanDisplay)), "\(row.key)") }
        }
        #expect(page.text.contains("2027-Q1-mueller-on-leave.yaml"))
    }
}
