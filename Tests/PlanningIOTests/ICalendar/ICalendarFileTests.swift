import Foundation
import Planning
import Testing
@testable import PlanningIO

/// The files of a small hand-built plan, read byte by byte.
@Suite struct ICalendarFileTests {
    typealias F = ICalendarFixture

    let files = ICalendarWriter(plan: F.small, stamp: F.firstStamp).files()
    var calendars: [String: ICSInspector.Component] { F.calendars(F.small, stamp: F.firstStamp) }

    @Test func writesAllTrainerAndMunicipalityFiles() {
        #expect(Set(files.keys) == ["ics/all.ics", "ics/municipality-guetersloh.ics", "ics/municipality-kiel.ics",
                                    "ics/trainer-mueller.ics", "ics/trainer-yilmaz.ics", "ics/trainer-nowak.ics",
                                    "ics/trainer-hansen.ics", "ics/trainer-schmidt.ics"])
    }

    @Test func everyFilePassesTheByteLevelValidator() {
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let problems = ICSInspector.problems(in: data)
            #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
        }
    }

    /// The validator itself catches what it is there for.
    @Test func theValidatorCatchesBrokenFiles() throws {
        let good = try #require(files["ics/all.ics"])
        let text = String(decoding: good, as: UTF8.self)
        func broken(_ change: (String) -> String) -> [String] { ICSInspector.problems(in: Data(change(text).utf8)) }
        #expect(ICSInspector.problems(in: good).isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "\r\n", with: "\n") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "VERSION:2.0\r\n", with: "VERSION:2.0\r") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "\r\n ", with: "") }.isEmpty)                          // unfolded: too long
        #expect(!broken { $0.replacingOccurrences(of: "\r\n ", with: "\r\n\t") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "BEGIN:VTIMEZONE", with: "BEGIN:X-ZONE")
            .replacingOccurrences(of: "END:VTIMEZONE", with: "END:X-ZONE") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "DTSTAMP:\(F.firstStamp)\r\n", with: "") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "T170000\r\n", with: "T080000\r\n") }.isEmpty)       // DTEND before DTSTART
        #expect(!broken { $0.replacingOccurrences(of: "UID:kiel-followup@wsplan", with: "UID:kiel-preparation@wsplan") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "TRANSP:OPAQUE", with: "ATTENDEE:mailto:a@example.org") }.isEmpty)
        #expect(!broken { $0.replacingOccurrences(of: "METHOD:PUBLISH", with: "METHOD:REQUEST") }.isEmpty)
        var bytes = Array(good)
        let u = try #require(bytes.firstIndex(of: 0xC3))                                                     // "ü" split by a fold
        bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: u + 1)
        #expect(!ICSInspector.problems(in: Data(bytes)).isEmpty)
    }

    @Test func publishesWithOrganizerAndNoAttendees() throws {
        for (name, calendar) in calendars {
            #expect(calendar.value("METHOD") == "PUBLISH", "\(name)")
            #expect(calendar.components.filter { $0.name == "VTIMEZONE" }.compactMap { $0.value("TZID") } == ["Europe/Berlin"], "\(name)")
            for event in calendar.events {
                #expect(event.all("ATTENDEE").isEmpty)
                let organizer = try #require(event.first("ORGANIZER"))
                #expect(organizer.value == "mailto:programm@example.org")
                #expect(organizer.parameters["CN"] == "Stiftung – Programmbüro")
                #expect(event.value("DTSTAMP") == F.firstStamp)
            }
        }
    }

    @Test func pinnedIsConfirmedTheRestTentative() throws {
        let all = try #require(calendars["all.ics"])
        for event in all.events {
            let expected = event.uid.hasPrefix("guetersloh-") ? "CONFIRMED" : "TENTATIVE"
            #expect(event.value("STATUS") == expected, "\(event.uid)")
            #expect(event.value("SEQUENCE") == "0")
            #expect(event.value("LAST-MODIFIED") == F.firstStamp)
            #expect(event.text("DESCRIPTION")?.contains("Vorläufig") == (expected == "TENTATIVE"))
        }
    }

    @Test func allHoldsFourEventsPerPackageAtBerlinTimes() throws {
        let all = try #require(calendars["all.ics"])
        #expect(all.events.count == 8)
        let expected: [String: (String, String)] = [
            "guetersloh-preparation@wsplan": ("20270112T093000", "20270112T130000"),
            "guetersloh-workshop-1@wsplan": ("20270209T090000", "20270209T170000"),
            "guetersloh-workshop-2@wsplan": ("20270210T090000", "20270210T170000"),
            "guetersloh-followup@wsplan": ("20270810T093000", "20270810T130000"),
            "kiel-preparation@wsplan": ("20270119T093000", "20270119T130000"),
            "kiel-workshop-1@wsplan": ("20270216T090000", "20270216T170000"),
            "kiel-workshop-2@wsplan": ("20270217T090000", "20270217T170000"),
            "kiel-followup@wsplan": ("20270817T093000", "20270817T130000"),
        ]
        #expect(Set(all.events.map(\.uid)) == Set(expected.keys))
        for event in all.events {
            let (start, end) = try #require(expected[event.uid])
            #expect(event.first("DTSTART") == .init(name: "DTSTART", parameters: ["TZID": "Europe/Berlin"], value: start))
            #expect(event.first("DTEND") == .init(name: "DTEND", parameters: ["TZID": "Europe/Berlin"], value: end))
            #expect(event.text("SUMMARY")?.isEmpty == false)
            #expect(event.text("LOCATION")?.isEmpty == false)
        }
        let kiel = try #require(all.events.first { $0.uid == "kiel-workshop-1@wsplan" })
        #expect(kiel.value("LOCATION") == #"Kiel (Rathaus\, Saal 2\; Eingang B)\, Schleswig-Holstein"#)
        #expect(kiel.text("SUMMARY") == "Integrationsworkshop, Tag 1 von 2 – Landeshauptstadt Kiel")
        #expect(kiel.text("DESCRIPTION")?.contains("Trainer:innen: Ewa Nowak und Deniz Yılmaz") == true)
        #expect(kiel.first("GEO") == nil)
        let guetersloh = try #require(all.events.first { $0.uid == "guetersloh-preparation@wsplan" })
        #expect(guetersloh.value("GEO") == "51.90630;8.37830")
        #expect(guetersloh.text("DESCRIPTION")?.contains("Kostenschätzung") == false)   // costs only for the municipality
    }

    @Test func trainerFilesHoldOnlyTheirEvents() throws {
        let c = calendars
        func uids(_ file: String) throws -> Set<String> { Set(try #require(c[file]).events.map(\.uid)) }
        let guetersloh = Set(["preparation", "workshop-1", "workshop-2", "followup"].map { "guetersloh-\($0)@wsplan" })
        let kiel = Set(["preparation", "workshop-1", "workshop-2", "followup"].map { "kiel-\($0)@wsplan" })
        #expect(try uids("trainer-mueller.ics") == guetersloh)
        #expect(try uids("trainer-yilmaz.ics") == guetersloh.union(kiel))
        #expect(try uids("trainer-nowak.ics") == kiel)
        #expect(try uids("trainer-hansen.ics").isEmpty)
        #expect(try uids("trainer-schmidt.ics").isEmpty)
        #expect(try uids("municipality-guetersloh.ics") == guetersloh)
        #expect(try uids("municipality-kiel.ics") == kiel)
        #expect(c["trainer-yilmaz.ics"]?.text("X-WR-CALNAME") == "Einsätze Deniz Yılmaz")
        // The same event reads the same in every file it is in, costs aside.
        let all = try #require(c["all.ics"])
        for (name, calendar) in c where name.hasPrefix("trainer-") {
            for event in calendar.events {
                let twin = try #require(all.events.first { $0.uid == event.uid })
                #expect(event.properties == twin.properties, "\(name) \(event.uid)")
            }
        }
    }

    @Test func municipalityFilesCarryTheCostEstimate() throws {
        let file = try #require(calendars["municipality-guetersloh.ics"])
        #expect(file.text("X-WR-CALNAME") == "Integrationsworkshop Stadt Gütersloh")
        for event in file.events {
            let description = try #require(event.text("DESCRIPTION"))
            #expect(description.contains("Kostenschätzung des Pakets: Honorar 6.000,00 €, Material 150,00 €, "
                                         + "Reisekosten 812,40 €, gesamt 6.962,40 €"), "\(description)")
        }
        let kiel = try #require(calendars["municipality-kiel.ics"])
        #expect(kiel.events.allSatisfy { $0.text("DESCRIPTION")?.contains("gesamt 7.159,75 €") == true })
    }

    /// plan.json keeps the events, so the next solve continues them.
    @Test func thePlanFileCarriesTheEventsToTheNextRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-ics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputFolder.write(try PlanOutputs.files(for: F.small, stamp: F.firstStamp), to: folder.path)
        let read = try #require(try PlanOutputs.previousPlan(named: nil, folder: folder.path))
        #expect(read.events == F.small.events)
        #expect(read.events?.count == 8)
        for (path, data) in files {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) == data, "\(path)")
        }
        // `wsplan ics` on the plan file writes the same calendars.
        #expect(ICalendarWriter(plan: read, stamp: F.firstStamp).files() == files)
    }
}
