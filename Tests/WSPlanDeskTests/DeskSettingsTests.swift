import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import PlanningIO
import Testing
@testable import WSPlanDesk

/// The settings form (rules, pairs, weights, …), variants of request changes, and the loader's
/// warnings on the scenario page.
@Suite("Desk settings and variants")
struct DeskSettingsTests {
    /// The settings form as the scenario page fills it in, with `changes`.
    static func settingsForm(_ client: some TestClientProtocol, _ scenario: String, _ changes: [String: String]) async throws -> String {
        let page = try await client.get("/scenarios/\(scenario)")
        #expect(page.status == .ok)
        let text = page.text
        let start = try #require(text.range(of: "action=\"/scenarios/\(scenario)/settings/save\""))
        let form = String(text[start.lowerBound...]).components(separatedBy: "</form>")[0]
        let version = try #require(form.range(of: "name=\"version\" value=\""))
        var fields = ["csrf": try #require(page.csrf), "version": String(form[version.upperBound...].prefix { $0 != "\"" }), "do": "save"]
        for setting in SettingsChange.settings {
            if setting.kind == .flag {
                fields[setting.name] = form.contains("name=\"\(setting.name)\"><option value=\"false\" selected") ? "false" : "true"
                continue
            }
            let marker = "name=\"\(setting.name)\" size=\"40\" value=\""
            let range = try #require(form.range(of: marker), "\(setting.name)")
            fields[setting.name] = String(form[range.upperBound...].prefix { $0 != "\"" })
        }
        return DeskEditTests.form(fields.merging(changes) { $1 })
    }

    @Test("rules, pairs and weights are saved into the scenario's YAML; everything else stays as written")
    func saveSettings() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        let before = try String(contentsOfFile: path, encoding: .utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1")
            #expect(page.text.contains("Paare, Regeln und Gewichte") && page.text.contains("value=\"0,25\""))  // eur_per_km, German comma
            let form = try await Self.settingsForm(client, "2027-Q1", [
                "weights.move_eur": "800", "rules.prep_gap_days.min": "14", "pairs.preferred": "mueller+yilmaz, hansen+nowak",
                "costs.travel.hotel_eur": "112,50", "rules.avoid_school_holidays": "true",
            ])
            let saved = try await client.post("/scenarios/2027-Q1/settings/save", form)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/scenarios/2027-Q1?saved=2027-Q1.yaml#settings")
            // An unchanged form writes nothing (and no version conflict arises from the page shown now).
            let again = try await client.post("/scenarios/2027-Q1/settings/save", try await Self.settingsForm(client, "2027-Q1", [:]))
            #expect(again.status == .seeOther && again.headers[.location] == "/scenarios/2027-Q1#settings")
        }
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.weights.moveEur == 800 && scenario.rules.prepGap == GapRule(min: 14, max: 42, target: 28))
        #expect(scenario.preferredPairs == [TrainerPair("mueller", "yilmaz")!, TrainerPair("hansen", "nowak")!])
        #expect(scenario.costs.travel.hotelEur == 112.5 && scenario.rules.avoidSchoolHolidays)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        // A map on one line stays on one line; the trainers, requests and comments are untouched.
        #expect(after.contains("weights: {unscheduled_eur: 50000, prep_gap_eur: 20, followup_gap_eur: 5, preferred_pair_eur: 300, max_load_eur: 0, move_eur: 800}\n"))
        #expect(after.hasPrefix("# The foundation's first quarter of 2027"))
        let trainers = { (text: String) in text.components(separatedBy: "trainers:")[1].components(separatedBy: "pairs:")[0] }
        #expect(trainers(after) == trainers(before))
    }

    @Test("an invalid value is never saved; the CLI's message stands beside the field")
    func invalidSettings() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try DeskEditTests.snapshot(fixture)
        // What the CLI says about the same values.
        let probe = fixture.scenarios.appendingPathComponent("probe.yaml")
        try "extends: 2027-Q1.yaml\nweights: {move_eur: viel}\npairs: {preferred: [[mueller, koch]]}\n".write(to: probe, atomically: true, encoding: .utf8)
        let cli = try #require(#expect(throws: InputErrors.self) { try ScenarioLoader.load(path: probe.path) })
        try FileManager.default.removeItem(at: probe)
        let weight = try #require(cli.problems.first { $0.field == "weights.move_eur" }?.message)
        let pair = try #require(cli.problems.first { $0.field?.hasPrefix("pairs.preferred") == true }?.message)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let response = try await client.post("/scenarios/2027-Q1/settings/save",
                                                  try await Self.settingsForm(client, "2027-Q1", ["weights.move_eur": "viel", "pairs.preferred": "mueller+koch"]))
            #expect(response.status == .unprocessableContent && response.text.contains("Nichts wurde gespeichert"))
            #expect(response.text.contains("<div class=\"error field-error\" data-field=\"weights.move_eur\">\(WSPlanDesk.HTML.escape(weight))</div>"))
            #expect(response.text.contains("<div class=\"error field-error\" data-field=\"pairs.preferred\">\(WSPlanDesk.HTML.escape(pair))</div>"))
            #expect(response.text.contains("value=\"viel\""))  // what was typed stays in the form
            // A gap whose minimum lies above its maximum: the loader's message, beside a field of that gap.
            let reversed = try await client.post("/scenarios/2027-Q1/settings/save",
                                                  try await Self.settingsForm(client, "2027-Q1", ["rules.prep_gap_days.min": "50"]))
            #expect(reversed.status == .unprocessableContent && reversed.text.contains("data-field=\"rules.prep_gap_days."))
        }
        #expect(try DeskEditTests.snapshot(fixture) == before)
    }

    @Test("settings: a missing CSRF token is refused (403), a stale version answers 409; nothing is saved")
    func settingsSafety() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let form = try await Self.settingsForm(client, "2027-Q1", ["weights.move_eur": "900"])
            let before = try DeskEditTests.snapshot(fixture)
            let forged = try await client.post("/scenarios/2027-Q1/settings/save", form.split(separator: "&").filter { !$0.hasPrefix("csrf=") }.joined(separator: "&"))
            #expect(forged.status == .forbidden && forged.text.contains("CSRF"))
            // Someone else saves a trainer in between: the settings form is out of date.
            let other = try await client.post("/scenarios/2027-Q1/trainers/save", try await DeskEditTests.trainerForm(client, "2027-Q1", "mueller", ["max_packages": "7"]))
            #expect(other.status == .seeOther)
            let between = try DeskEditTests.snapshot(fixture)
            #expect(between != before)
            let stale = try await client.post("/scenarios/2027-Q1/settings/save", form)
            #expect(stale.status == .conflict && stale.text.contains("Ihre Änderung wurde nicht gespeichert"))
            #expect(try DeskEditTests.snapshot(fixture) == between)
            let unknown = try await client.get("/scenarios/nope/settings/edit")
            #expect(unknown.status == .notFound && unknown.text.contains("Kein solches Szenario"))
        }
    }

    @Test("settings as a variant: a new file that extends the scenario and holds only the changed keys")
    func settingsVariant() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try DeskEditTests.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let unchanged = try await client.post("/scenarios/2027-Q1/settings/save",
                                                   try await Self.settingsForm(client, "2027-Q1", ["do": "variant", "variant": "same"]))
            #expect(unchanged.status == .unprocessableContent && unchanged.text.contains("Nichts unterscheidet sich"))
            let taken = try await client.post("/scenarios/2027-Q1/settings/save",
                                               try await Self.settingsForm(client, "2027-Q1", ["do": "variant", "variant": "2027-Q2", "weights.move_eur": "0"]))
            #expect(taken.status == .unprocessableContent && taken.text.contains("gibt es im Ordner schon"))
            #expect(try DeskEditTests.snapshot(fixture) == before)
            let saved = try await client.post("/scenarios/2027-Q1/settings/save", try await Self.settingsForm(client, "2027-Q1", [
                "do": "variant", "variant": "2027-Q1-no-moves", "variant_title": "Q1 ohne Umplanungskosten", "weights.move_eur": "0",
                "rules.followup_gap_days.max": "200",
            ]))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/scenarios/2027-Q1-no-moves")
            let page = try await client.get("/scenarios/2027-Q1-no-moves")
            #expect(page.status == .ok && page.text.contains("Q1 ohne Umplanungskosten"))
        }
        let variant = try String(contentsOf: fixture.scenarios.appendingPathComponent("2027-Q1-no-moves.yaml"), encoding: .utf8)
        #expect(variant.hasSuffix("extends: 2027-Q1.yaml\nname: Q1 ohne Umplanungskosten\nrules:\n  followup_gap_days: {max: 200}\nweights:\n  move_eur: 0\n"))
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1-no-moves.yaml").path)
        let base = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(scenario.weights.moveEur == 0 && scenario.rules.followupGap == GapRule(min: 150, max: 200, target: 182))
        #expect(scenario.weights.unscheduledEur == base.weights.unscheduledEur && scenario.requests.count == base.requests.count)
        var after = try DeskEditTests.snapshot(fixture)
        after["2027-Q1-no-moves.yaml"] = nil
        #expect(after == before)  // the base is untouched
    }

    @Test("a request change as a variant: the variant names its own copy of the request list; the base is untouched")
    func requestVariant() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try DeskEditTests.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let bad = try await client.post("/scenarios/2027-Q1/requests/save",
                                            try await DeskRequestTests.requestForm(client, "2027-Q1", "hamm", ["participants": "41", "do": "variant", "variant": "2027-Q1-hamm"]))
            #expect(bad.status == .unprocessableContent && bad.text.contains("data-field=\"participants\""))
            #expect(try DeskEditTests.snapshot(fixture) == before)
            let saved = try await client.post("/scenarios/2027-Q1/requests/save",
                                              try await DeskRequestTests.requestForm(client, "2027-Q1", "hamm", ["participants": "12", "do": "variant", "variant": "2027-Q1-hamm"]))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/scenarios/2027-Q1-hamm")
            let without = try await client.post("/scenarios/2027-Q1/requests/save",
                                                try await DeskRequestTests.requestForm(client, "2027-Q1", "hamm", ["do": "variant-remove", "variant": "2027-Q1-ohne-hamm"]))
            #expect(without.status == .seeOther)
        }
        let variant = try String(contentsOf: fixture.scenarios.appendingPathComponent("2027-Q1-hamm.yaml"), encoding: .utf8)
        #expect(variant.hasSuffix("extends: 2027-Q1.yaml\nname: Rollout 2027 Q1 – 2027-Q1-hamm\nmunicipalities: requests-2027-Q1-hamm.csv\n"))
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1-hamm.yaml").path)
        let base = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(scenario.requests.first { $0.id == "hamm" }?.participants == 12)
        #expect(scenario.requests.filter { $0.id != "hamm" } == base.requests.filter { $0.id != "hamm" })
        let dropped = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1-ohne-hamm.yaml").path)
        #expect(dropped.requests.map(\.id) == base.requests.map(\.id).filter { $0 != "hamm" })
        var after = try DeskEditTests.snapshot(fixture)
        for name in ["2027-Q1-hamm.yaml", "requests-2027-Q1-hamm.csv", "2027-Q1-ohne-hamm.yaml", "requests-2027-Q1-ohne-hamm.csv"] { after[name] = nil }
        #expect(after == before)
    }

    @Test("the loader's warnings stand on the scenario page, in the CLI's words")
    func warnings() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let file = fixture.scenarios.appendingPathComponent("2027-Q1-neu.yaml")
        try "extends: 2027-Q1.yaml\ntrainers: [{id: neu, name: Neu, home: Neustadt}]\n".write(to: file, atomically: true, encoding: .utf8)
        var cli: [InputProblem] = []
        _ = try ScenarioLoader.load(path: file.path, warnings: { cli.append($0) })
        let warning = try #require(cli.first)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1-neu")
            #expect(page.status == .ok && page.text.contains("id=\"warnings\""))
            #expect(page.text.contains(WSPlanDesk.HTML.escape("2027-Q1-neu.yaml:2:39: warning: trainers[0].home: " + warning.message)))
            let quiet = try await client.get("/scenarios/2027-Q1")
            #expect(!quiet.text.contains("id=\"warnings\""))
        }
    }
}
