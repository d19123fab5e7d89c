import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import PlanningIO
import Testing
@testable import WSPlanDesk

/// The edit forms: every change is written to the scenario's own files after the CLI's reader
/// accepts it, never when it does not, and never over a change made since the form was shown.
@Suite("Desk edits")
struct DeskEditTests {
    /// The version the edit form carries.
    static func version(_ page: TestResponse) throws -> String {
        let range = try #require(page.text.range(of: "name=\"version\" value=\""))
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> String {
        fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    /// The trainer form as the page fills it in, with `changes`.
    static func trainerForm(_ client: some TestClientProtocol, _ scenario: String, _ trainer: String, _ changes: [String: String]) async throws -> String {
        let page = try await client.get("/scenarios/\(scenario)/trainers/edit?t=\(trainer)")
        #expect(page.status == .ok)
        var fields = ["csrf": try #require(page.csrf), "version": try Self.version(page), "original": trainer, "do": "save"]
        for field in TrainerChange.fields {
            let marker = "name=\"\(field.name)\" size=\"40\" value=\""
            let range = try #require(page.text.range(of: marker))
            fields[field.name] = String(page.text[range.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
        }
        return Self.form(fields.merging(changes) { $1 })
    }

    @Test("a trainer's cap is changed in the YAML; comments and the other trainers stay as written")
    func editTrainer() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        let before = try String(contentsOfFile: path, encoding: .utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1/trainers/edit?t=mueller")
            #expect(page.text.contains("value=\"2027-02-01..2027-02-14, 2027-03-05\""))
            let saved = try await client.post("/scenarios/2027-Q1/trainers/save", try await Self.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "7"]))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/scenarios/2027-Q1?saved=2027-Q1.yaml#trainers")
            let back = try await client.get("/scenarios/2027-Q1?saved=2027-Q1.yaml,..%2F..%2Fetc%2Fpasswd,nope.csv")
            #expect(back.text.contains("Gespeichert: <code>2027-Q1.yaml</code>. Das Szenario liest sich") && !back.text.contains("passwd") && !back.text.contains("nope"))
        }
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.trainers.first { $0.id == "mueller" }?.maxPackages == 7)
        #expect(scenario.trainers.first { $0.id == "mueller" }?.unavailable.count == 15)
        // Müller's item (two lines) becomes one line; everything around it is as it was.
        #expect(after.hasPrefix("# The foundation's first quarter of 2027"))
        #expect(after.contains("  - {id: yilmaz, name: Deniz Yılmaz, home: {lat: 52.52, lon: 13.40}, max_packages: 10, max_days_per_month: 12}\n"))
        #expect(after.contains("municipalities: requests.csv\n") && after.contains("pairs:\n  forbidden: [[mueller, schmidt]]"))
        #expect(before.replacingOccurrences(of: "max_packages: 10, max_days_per_month: 12,\n     unavailable: [\"2027-02-01..2027-02-14\", \"2027-03-05\"]}", with: "")
            == after.replacingOccurrences(of: "max_packages: 7, max_days_per_month: 12, unavailable: [\"2027-02-01..2027-02-14\", \"2027-03-05\"]}", with: ""))
    }

    @Test("an invalid change is not saved, and the CLI's message stands beside the field")
    func invalidTrainer() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // What the CLI says about the same value.
        let probe = fixture.scenarios.appendingPathComponent("probe.yaml")
        try "extends: 2027-Q1.yaml\ntrainers: [{id: mueller, max_packages: lots}]\n".write(to: probe, atomically: true, encoding: .utf8)
        let cli = try #require(#expect(throws: InputErrors.self) { try ScenarioLoader.load(path: probe.path) })
        try FileManager.default.removeItem(at: probe)
        let message = try #require(cli.problems.first { $0.field == "trainers[0].max_packages" }?.message)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let response = try await client.post("/scenarios/2027-Q1/trainers/save",
                                                  try await Self.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "lots", "unavailable": "2027-02-30"]))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<div class=\"error field-error\" data-field=\"max_packages\">\(WSPlanDesk.HTML.escape(message))</div>"))
            #expect(response.text.contains("data-field=\"unavailable\""))
            #expect(response.text.contains("value=\"lots\""))  // what was typed stays in the form
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a save from a page that is out of date answers 409 and saves nothing")
    func staleVersion() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let first = try await Self.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "7"])
            let second = try await Self.trainerForm(client, "2027-Q1", "schmidt", ["max_packages": "5"])  // shown from the same files
            let r1 = try await client.post("/scenarios/2027-Q1/trainers/save", first)
            #expect(r1.status == .seeOther)
            let afterFirst = try Data(contentsOf: URL(fileURLWithPath: path))
            let r2 = try await client.post("/scenarios/2027-Q1/trainers/save", second)
            #expect(r2.status == .conflict && r2.text.contains("Ihre Änderung wurde nicht gespeichert"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == afterFirst)
            // Every other form shown before the save is stale too: request save, removals.
            let request = try await DeskRequestTests.requestForm(client, "2027-Q1", "hamm", ["participants": "30"])
            let staleVersion = try #require(second.split(separator: "&").first { $0.hasPrefix("version=") })
            let requestForm = request.split(separator: "&").map { $0.hasPrefix("version=") ? staleVersion : $0 }.joined(separator: "&")
            let r4 = try await client.post("/scenarios/2027-Q1/requests/save", requestForm)
            #expect(r4.status == .conflict)
            let token = try #require(first.split(separator: "&").first { $0.hasPrefix("csrf=") })
            for uri in ["/scenarios/2027-Q1/trainers/remove", "/scenarios/2027-Q1/requests/remove"] {
                let response = try await client.post(uri, "\(token)&\(staleVersion)&original=" + (uri.contains("trainers") ? "hansen" : "hamm"))
                #expect(response.status == .conflict, "\(uri)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == afterFirst)
            // A change made outside the desk (an editor, the CLI) makes the form stale too.
            let third = try await Self.trainerForm(client, "2027-Q1", "schmidt", ["max_packages": "5"])
            try (String(decoding: afterFirst, as: UTF8.self) + "# edited by hand\n").write(toFile: path, atomically: true, encoding: .utf8)
            let r3 = try await client.post("/scenarios/2027-Q1/trainers/save", third)
            #expect(r3.status == .conflict)
        }
        #expect(try ScenarioLoader.load(path: path).trainers.first { $0.id == "schmidt" }?.maxPackages == 8)
    }

    @Test("two saves from the same page at once: one is saved, the other answers 409")
    func concurrentSaves() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let a = try await Self.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "7"])
            let b = try await Self.trainerForm(client, "2027-Q1", "nowak", ["max_packages": "3"])
            async let r1 = client.post("/scenarios/2027-Q1/trainers/save", a)
            async let r2 = client.post("/scenarios/2027-Q1/trainers/save", b)
            let statuses = try await [r1.status, r2.status]
            #expect(statuses.filter { $0 == .seeOther }.count == 1 && statuses.filter { $0 == .conflict }.count == 1)
        }
        let trainers = try ScenarioLoader.load(path: path).trainers
        let saved = [trainers.first { $0.id == "mueller" }?.maxPackages == 7, trainers.first { $0.id == "nowak" }?.maxPackages == 3]
        #expect(saved.filter { $0 }.count == 1)
    }

    @Test("edits without the CSRF token are refused and write nothing")
    func csrfOnEdits() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try Self.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let form = try await Self.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "7"])
            let withoutToken = form.split(separator: "&").filter { !$0.hasPrefix("csrf=") }.joined(separator: "&")
            for uri in ["/scenarios/2027-Q1/trainers/save", "/scenarios/2027-Q1/trainers/remove", "/scenarios/2027-Q1/requests/save",
                        "/scenarios/2027-Q1/requests/remove"] {
                let response = try await client.post(uri, withoutToken)
                #expect(response.status == .forbidden, "\(uri)")
            }
            let upload = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: nil, version: "x", file: Data("id,name,participants\na,A,3\n".utf8))
            #expect(upload.status == .forbidden)
        }
        #expect(try Self.snapshot(fixture) == before)
    }

    /// Every file of the scenario folder and its bytes.
    static func snapshot(_ fixture: DeskFixture) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.scenarios.path) {
            files[name] = try Data(contentsOf: fixture.scenarios.appendingPathComponent(name))
        }
        return files
    }

    @Test("add and remove a trainer; a what-if removes its base's trainer with remove: true")
    func addAndRemoveTrainer() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let base = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        let whatIf = fixture.scenarios.appendingPathComponent("2027-Q1-hansen-part-time.yaml").path
        let original = try Data(contentsOf: URL(fileURLWithPath: base))
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1/trainers/edit")
            let fields = ["csrf": try #require(page.csrf), "version": try Self.version(page), "original": "", "do": "save",
                          "id": "weber", "name": "Kai Weber", "home": "Kassel", "max_packages": "4", "unavailable": "2027-01-11..2027-01-15"]
            let added = try await client.post("/scenarios/2027-Q1/trainers/save", Self.form(fields))
            #expect(added.status == .seeOther)
            let weber = try #require(try ScenarioLoader.load(path: base).trainers.first { $0.id == "weber" })
            #expect(weber.homeLabel == "Kassel" && weber.maxPackages == 4 && weber.unavailable.count == 5 && weber.maxDaysPerMonth == nil)
            // The same id again is refused beside the id field.
            let again = try await client.get("/scenarios/2027-Q1/trainers/edit")
            var twice = fields
            twice["version"] = try Self.version(again)
            let refused = try await client.post("/scenarios/2027-Q1/trainers/save", Self.form(twice))
            #expect(refused.status == .unprocessableContent && refused.text.contains("data-field=\"id\""))

            let edit = try await client.get("/scenarios/2027-Q1/trainers/edit?t=weber")
            let removed = try await client.post("/scenarios/2027-Q1/trainers/remove",
                                                Self.form(["csrf": try #require(edit.csrf), "version": try Self.version(edit), "original": "weber"]))
            #expect(removed.status == .seeOther)
            #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == original)  // back to the very same bytes

            // Removing a trainer others still name is refused with the CLI's words.
            let mueller = try await client.get("/scenarios/2027-Q1/trainers/edit?t=mueller")
            let named = try await client.post("/scenarios/2027-Q1/trainers/remove",
                                              Self.form(["csrf": try #require(mueller.csrf), "version": try Self.version(mueller), "original": "mueller"]))
            #expect(named.status == .unprocessableContent && named.text.contains("unknown trainer id &#39;mueller&#39;"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == original)

            let hansen = try await client.get("/scenarios/2027-Q1-hansen-part-time/trainers/edit?t=hansen")
            let dropped = try await client.post("/scenarios/2027-Q1-hansen-part-time/trainers/remove",
                                                Self.form(["csrf": try #require(hansen.csrf), "version": try Self.version(hansen), "original": "hansen"]))
            #expect(dropped.status == .seeOther)
        }
        #expect(try String(contentsOfFile: whatIf, encoding: .utf8).contains("- {id: hansen, remove: true}"))
        #expect(try ScenarioLoader.load(path: whatIf).trainers.map(\.id) == ["mueller", "yilmaz", "schmidt", "nowak"])
        // Added again in the what-if: the entry loses `remove: true`.
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1-hansen-part-time/trainers/edit")
            let added = try await client.post("/scenarios/2027-Q1-hansen-part-time/trainers/save", Self.form([
                "csrf": try #require(page.csrf), "version": try Self.version(page), "original": "", "do": "save",
                "id": "hansen", "name": "Lena Hansen", "home": "Bremen", "max_packages": "3"]))
            #expect(added.status == .seeOther)
        }
        #expect(try String(contentsOfFile: whatIf, encoding: .utf8).contains("- {id: hansen, name: Lena Hansen, home: Bremen, max_packages: 3}\n"))
        let back = try #require(try ScenarioLoader.load(path: whatIf).trainers.first { $0.id == "hansen" })
        #expect(back.homeLabel == "Bremen" && back.maxPackages == 3 && back.maxDaysPerMonth == 12)
        #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == original)
    }

    @Test("Als Variante speichern: a new what-if that extends the scenario and holds only the change")
    func variant() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try Self.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let march = ["unavailable": "2027-03-01..2027-03-31", "do": "variant", "variant_title": "Müller away in March"]
            for bad in ["../evil", "..", ".hidden", "a/b", "2027-Q1", "2027-Q1-hansen-part-time.yaml", ""] {
                let response = try await client.post("/scenarios/2027-Q1/trainers/save",
                                                      try await Self.trainerForm(client, "2027-Q1", "mueller", march.merging(["variant": bad]) { $1 }))
                #expect(response.status == .unprocessableContent && response.text.contains("data-field=\"variant\""), "\(bad)")
            }
            let unchanged = try await client.post("/scenarios/2027-Q1/trainers/save",
                                                   try await Self.trainerForm(client, "2027-Q1", "mueller", ["do": "variant", "variant": "same"]))
            #expect(unchanged.status == .unprocessableContent && unchanged.text.contains("Nichts unterscheidet sich"))
            #expect(try Self.snapshot(fixture) == before)

            let saved = try await client.post("/scenarios/2027-Q1/trainers/save",
                                              try await Self.trainerForm(client, "2027-Q1", "mueller", march.merging(["variant": "2027-Q1-mueller-march"]) { $1 }))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/scenarios/2027-Q1-mueller-march")
            let list = try await client.get("/")
            #expect(list.text.contains("href=\"/scenarios/2027-Q1-mueller-march\"") && list.text.contains("Müller away in March"))
        }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1-mueller-march.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("extends: 2027-Q1.yaml\n") && text.contains("trainers:\n  - {id: mueller, unavailable: [\"2027-03-01..2027-03-31\"]}\n"))
        #expect(!text.contains("yilmaz") && !text.contains("max_packages") && !text.contains("municipalities"))
        let variant = try ScenarioLoader.load(path: path), base = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(variant.name == "Müller away in March" && variant.requests.count == base.requests.count)
        #expect(variant.trainers.first { $0.id == "mueller" }?.unavailable == Set((0..<31).map { Day(iso: "2027-03-01")!.advanced(by: $0) }))
        #expect(Dictionary(uniqueKeysWithValues: variant.trainers.filter { $0.id != "mueller" }.map { ($0.id, $0.maxPackages) })
            == Dictionary(uniqueKeysWithValues: base.trainers.filter { $0.id != "mueller" }.map { ($0.id, $0.maxPackages) }))
        var after = try Self.snapshot(fixture)
        after["2027-Q1-mueller-march.yaml"] = nil
        #expect(after == before)  // nothing else was written

        // A what-if without a trainer: the variant holds `{id: hansen, remove: true}` only.
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let saved = try await client.post("/scenarios/2027-Q1/trainers/save",
                                              try await Self.trainerForm(client, "2027-Q1", "hansen", ["do": "variant-remove", "variant": "2027-Q1-no-hansen"]))
            #expect(saved.status == .seeOther)
        }
        let without = fixture.scenarios.appendingPathComponent("2027-Q1-no-hansen.yaml").path
        #expect(try String(contentsOfFile: without, encoding: .utf8).hasSuffix("name: Rollout 2027 Q1 – 2027-Q1-no-hansen\ntrainers:\n  - {id: hansen, remove: true}\n"))
        #expect(try ScenarioLoader.load(path: without).trainers.map(\.id) == ["mueller", "yilmaz", "schmidt", "nowak"])
    }

    @Test("a what-if's trainer edit is an entry of its own list, merged into the base's by id")
    func whatIfTrainer() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let whatIf = fixture.scenarios.appendingPathComponent("2027-Q1-mueller-on-leave.yaml").path
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1-mueller-on-leave/trainers/edit?t=mueller")
            #expect(page.text.contains("value=\"2027-03-01..2027-03-31\""))  // as the what-if reads it, not the base
            let saved = try await client.post("/scenarios/2027-Q1-mueller-on-leave/trainers/save",
                                              try await Self.trainerForm(client, "2027-Q1-mueller-on-leave", "mueller", ["max_days_per_month": "6"]))
            #expect(saved.status == .seeOther)
            let other = try await client.post("/scenarios/2027-Q1-mueller-on-leave/trainers/save",
                                              try await Self.trainerForm(client, "2027-Q1-mueller-on-leave", "nowak", ["max_packages": "4"]))
            #expect(other.status == .seeOther)
            // A what-if without a `trainers:` list of its own gets one at its end.
            let q2 = try await client.post("/scenarios/2027-Q2/trainers/save", try await Self.trainerForm(client, "2027-Q2", "yilmaz", ["max_packages": "11"]))
            #expect(q2.status == .seeOther)
        }
        let q2 = try String(contentsOf: fixture.scenarios.appendingPathComponent("2027-Q2.yaml"), encoding: .utf8)
        #expect(q2.hasSuffix("\ntrainers:\n  - {id: yilmaz, max_packages: 11}\n"))
        #expect(try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q2.yaml").path).trainers.first { $0.id == "yilmaz" }?.maxPackages == 11)
        let text = try String(contentsOfFile: whatIf, encoding: .utf8)
        #expect(text.contains("trainers:\n  - {id: mueller, unavailable: [\"2027-03-01..2027-03-31\"], max_days_per_month: 6}\n  - {id: nowak, max_packages: 4}\n"))
        #expect(text.contains("costs: {travel: {hotel_eur: 120}}") && text.hasPrefix("# What if Anna Müller is on leave all of March 2027"))
        let scenario = try ScenarioLoader.load(path: whatIf)
        let mueller = try #require(scenario.trainers.first { $0.id == "mueller" })
        #expect(mueller.maxDaysPerMonth == 6 && mueller.maxPackages == 10 && mueller.unavailable.count == 31)
        #expect(scenario.trainers.first { $0.id == "nowak" }?.maxPackages == 4)
        let base = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(base.trainers.first { $0.id == "nowak" }?.maxPackages == 9)
    }

    @Test("names in the new routes cannot leave the folder: traversal and unknown ids are 404, nothing written")
    func pathTraversal() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try Self.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            for uri in ["/scenarios/..%2F2027-Q1/trainers/edit", "/scenarios/.hidden/requests/edit", "/scenarios/2027-Q1/trainers/edit?t=..%2F..%2Fetc",
                        "/scenarios/2027-Q1/requests/edit?r=..%2Frequests.csv", "/scenarios/bookings-2027/trainers/edit"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
            }
            let page = try await client.get("/scenarios/2027-Q1")
            let token = try #require(page.csrf), version = try Self.version(page)
            for (uri, form) in [("/scenarios/..%2Fevil/trainers/save", "id=x"), ("/scenarios/2027-Q1/trainers/save", "original=..%2Fnope&id=x"),
                                ("/scenarios/2027-Q1/requests/remove", "original=..%2Fnope"), ("/scenarios/2027-Q1/trainers/remove", "original=nope")] {
                let response = try await client.post(uri, "csrf=\(token)&version=\(version)&" + form)
                #expect(response.status == .notFound, "\(uri) \(form)")
            }
            let upload = try await client.upload("/scenarios/..%2F..%2Ftmp/requests/import", csrf: token, version: version, file: Data("id,name,participants\n".utf8))
            #expect(upload.status == .notFound)
        }
        #expect(try Self.snapshot(fixture) == before)
    }

    @Test("hostile values cannot change the file's structure: they are quoted, or refused beside the field")
    func hostileValues() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        let csv = fixture.scenarios.appendingPathComponent("requests.csv").path
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let sneaky = "Anna\"}, {id: evil, home: Köln} # «null»"
            let saved = try await client.post("/scenarios/2027-Q1/trainers/save", try await Self.trainerForm(client, "2027-Q1", "mueller", ["name": sneaky]))
            #expect(saved.status == .seeOther)
            let trainers = try ScenarioLoader.load(path: path).trainers
            #expect(trainers.map(\.id) == ["mueller", "yilmaz", "schmidt", "nowak", "hansen"] && trainers[0].name == sneaky)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let multiline = try await client.post("/scenarios/2027-Q1/trainers/save",
                                                  try await Self.trainerForm(client, "2027-Q1", "mueller", ["name": "Anna\nx: 1", "max_packages": "null"]))
            #expect(multiline.status == .unprocessableContent && multiline.text.contains("data-field=\"name\""))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            let row = try await client.post("/scenarios/2027-Q1/requests/save",
                                            try await DeskRequestTests.requestForm(client, "2027-Q1", "hamm", ["name": "Hamm, \"Westf.\"", "place": "Hamm"]))
            #expect(row.status == .seeOther)
        }
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("\nhamm,\"Hamm, \"\"Westf.\"\"\",Hamm,NW,,,25,,,,,,\n"))
        let hamm = try ScenarioLoader.load(path: path).requests.first { $0.id == "hamm" }
        #expect(hamm?.name == "Hamm, \"Westf.\"" && hamm?.participants == 25)
    }
}
