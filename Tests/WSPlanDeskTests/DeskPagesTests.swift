import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WSPlanDesk

@Suite("Desk pages and safety")
struct DeskPagesTests {
    @Test("the scenarios page lists every scenario of the folder, not the bookings file")
    func scenariosPage() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            for id in ["2027-Q1", "2027-Q1-hansen-part-time", "2027-Q1-mueller-on-leave", "2027-Q2"] {
                #expect(page.text.contains("href=\"/scenarios/\(id)\""))
            }
            #expect(!page.text.contains("bookings-2027"))
            #expect(page.text.contains("Rollout 2027 Q1") && page.text.contains("2027-Q1.yaml"))
        }
    }

    @Test("the scenario page shows requests, trainers, pairs and rules from the files")
    func scenarioPage() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Anfragen (22)") && page.text.contains("Trainer/innen (5)"))
            #expect(page.text.contains("01.02.2027–14.02.2027, 05.03.2027"))  // Müller's unavailable days as runs, in German dates
            #expect(page.text.contains("mueller+schmidt"))
            #expect(page.csrf?.count == 40)
        }
    }

    @Test("names and values are HTML-escaped")
    func escaping() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try "extends: 2027-Q1.yaml\nname: \"<script>alert(1)</script> & co\"\n"
            .write(to: fixture.scenarios.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            for uri in ["/", "/scenarios/evil"] {
                let page = try await client.get(uri)
                #expect(!page.text.contains("<script>alert"))
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
            }
        }
    }

    @Test("no path leaves the folder: traversal, hidden and unknown names are 404")
    func pathTraversal() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            for uri in ["/scenarios/..%2F..%2Fetc%2Fpasswd", "/scenarios/../Scenarios/2027-Q1", "/scenarios/.hidden",
                        "/scenarios/bookings-2027", "/scenarios/nope", "/scenarios/2027-Q1/files/..%2F..%2FScenarios%2F2027-Q1.yaml",
                        "/scenarios/2027-Q1/files/plan.json", "/scenarios/2027-Q1/files/ics/..%2Fplan.json"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
            }
        }
    }

    @Test("a POST without the page's CSRF token is refused, and nothing starts")
    func csrf() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let r1 = try await client.post("/scenarios/2027-Q1/solve", "time_limit=1")
            #expect(r1.status == .forbidden)
            let r2 = try await client.post("/scenarios/2027-Q1/solve", "csrf=0123456789012345678901234567890123456789")
            #expect(r2.status == .forbidden)
            let r3 = try await client.get("/scenarios/2027-Q1/progress")
            #expect(r3.status == .notFound)  // no solve was started
        }
    }

    @Test("a body over the upload limit is refused with 413")
    func oversizedUpload() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration(uploadLimit: 1024)).test(.router) { client in
            let page0 = try await client.get("/scenarios/2027-Q1")
            let token = try #require(page0.csrf)
            let response = try await client.post("/scenarios/2027-Q1/solve", "csrf=\(token)&x=" + String(repeating: "a", count: 4096))
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test("with a password the office pages need it; a wrong one is refused")
    func password() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration(password: "correct horse")).test(.router) { client in
            let r4 = try await client.get("/")
            #expect(r4.status == .unauthorized)
            let wrong = "Basic " + Data("office:wrong".utf8).base64EncodedString()
            let r5 = try await client.get("/", headers: [.authorization: wrong])
            #expect(r5.status == .unauthorized)
            let right = "Basic " + Data("office:correct horse".utf8).base64EncodedString()
            let r6 = try await client.get("/", headers: [.authorization: right])
            #expect(r6.status == .ok)
        }
    }

    @Test("only loopback hosts go without a password")
    func loopback() {
        #expect(DeskConfiguration.isLoopback("127.0.0.1") && DeskConfiguration.isLoopback("::1") && DeskConfiguration.isLoopback("localhost"))
        #expect(!DeskConfiguration.isLoopback("0.0.0.0") && !DeskConfiguration.isLoopback("192.168.1.5"))
    }
}
