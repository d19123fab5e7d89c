import Foundation
import Planning
import Testing
@testable import PlanningIO

/// A re-plan keeps the UIDs, raises SEQUENCE exactly for what changed, and cancels what went.
@Suite struct ICalendarReplanTests {
    typealias F = ICalendarFixture

    static let kinds = ["preparation", "workshop-1", "workshop-2", "followup"]
    static func uids(_ municipality: String) -> [String] { kinds.map { "\(municipality)-\($0)@wsplan" } }

    let before = F.calendars(F.before, stamp: F.firstStamp)
    let after = F.calendars(F.after, stamp: F.replanStamp)

    func event(_ file: String, _ uid: String, in calendars: [String: ICSInspector.Component]) throws -> ICSInspector.Component {
        let calendar = try #require(calendars[file], "\(file) missing")
        return try #require(calendar.events.first { $0.uid == uid }, "\(uid) missing from \(file)")
    }

    @Test func everyFileOfTheReplanPassesTheValidator() {
        for (path, data) in ICalendarWriter(plan: F.after, stamp: F.replanStamp).files().sorted(by: { $0.key < $1.key }) {
            let problems = ICSInspector.problems(in: data)
            #expect(problems.isEmpty, "\(path): \(problems.joined(separator: "; "))")
        }
    }

    @Test func keepsEveryUID() throws {
        let old = try #require(before["all.ics"]).events.map(\.uid)
        let new = try #require(after["all.ics"]).events.map(\.uid)
        #expect(old.count == 16)
        #expect(Set(new) == Set(old))
        #expect(new.count == Set(new).count)
    }

    @Test func unchangedEventsKeepSequenceAndLastModified() throws {
        for uid in Self.uids("guetersloh") + ["kiel-preparation@wsplan", "kiel-followup@wsplan"] {
            let old = try event("all.ics", uid, in: before)
            let new = try event("all.ics", uid, in: after)
            #expect(new.value("SEQUENCE") == "0", "\(uid)")
            #expect(new.value("LAST-MODIFIED") == F.firstStamp, "\(uid)")
            #expect(new.value("DTSTAMP") == F.replanStamp, "\(uid)")
            #expect(new.value("STATUS") == old.value("STATUS"), "\(uid)")
            #expect(new.first("DTSTART") == old.first("DTSTART"), "\(uid)")
        }
        #expect(try event("all.ics", "guetersloh-workshop-1@wsplan", in: after).value("STATUS") == "CONFIRMED")
    }

    @Test func aMovedWorkshopRaisesSequence() throws {
        for (uid, start) in [("kiel-workshop-1@wsplan", "20270223T090000"), ("kiel-workshop-2@wsplan", "20270224T090000")] {
            for file in ["all.ics", "municipality-kiel.ics", "trainer-nowak.ics", "trainer-yilmaz.ics"] {
                let new = try event(file, uid, in: after)
                #expect(new.value("SEQUENCE") == "1", "\(file) \(uid)")
                #expect(new.value("LAST-MODIFIED") == F.replanStamp, "\(file) \(uid)")
                #expect(new.value("DTSTART") == start, "\(file) \(uid)")
                #expect(new.value("STATUS") == "TENTATIVE", "\(file) \(uid)")
            }
        }
    }

    @Test func aTrainerChangeRaisesSequenceAndCancelsForTheOldTrainer() throws {
        for uid in Self.uids("hamm") {
            let old = try event("all.ics", uid, in: before)
            for file in ["all.ics", "municipality-hamm.ics", "trainer-hansen.ics", "trainer-schmidt.ics"] {
                let new = try event(file, uid, in: after)
                #expect(new.value("SEQUENCE") == "1", "\(file) \(uid)")
                #expect(new.value("STATUS") == "TENTATIVE", "\(file) \(uid)")
                #expect(new.value("LAST-MODIFIED") == F.replanStamp, "\(file) \(uid)")
                #expect(new.first("DTSTART") == old.first("DTSTART"), "\(file) \(uid)")
                #expect(new.text("DESCRIPTION")?.contains("Lena Hansen und Jonas Schmidt") == true, "\(file) \(uid)")
            }
            // nowak's calendar drops the event: the same UID, cancelled, with the raised SEQUENCE.
            let gone = try event("trainer-nowak.ics", uid, in: after)
            #expect(gone.value("STATUS") == "CANCELLED", "\(uid)")
            #expect(gone.value("SEQUENCE") == "1", "\(uid)")
            #expect(gone.text("SUMMARY")?.hasPrefix("Abgesagt: ") == true)
            #expect(try event("trainer-nowak.ics", uid, in: before).value("STATUS") == "TENTATIVE")
        }
        #expect(try #require(before["trainer-schmidt.ics"]).events.isEmpty)
    }

    @Test func aDroppedPackageIsCancelledWithRaisedSequence() throws {
        for uid in Self.uids("jena") {
            for file in ["all.ics", "municipality-jena.ics", "trainer-mueller.ics", "trainer-yilmaz.ics"] {
                let old = try event(file, uid, in: before)
                let new = try event(file, uid, in: after)
                #expect(new.value("STATUS") == "CANCELLED", "\(file) \(uid)")
                #expect(new.value("SEQUENCE") == "1", "\(file) \(uid)")
                #expect(new.value("LAST-MODIFIED") == F.replanStamp, "\(file) \(uid)")
                #expect(new.first("DTSTART") == old.first("DTSTART"), "\(file) \(uid)")
                #expect(new.text("DESCRIPTION")?.hasPrefix("Dieser Termin entfällt.") == true)
            }
        }
        #expect(try #require(after["municipality-jena.ics"]).text("X-WR-CALNAME") == "Integrationsworkshop Stadt Jena")
    }

    @Test func sequenceRisesExactlyForWhatChanged() throws {
        let old = Dictionary(uniqueKeysWithValues: try #require(F.before.events).map { ($0.uid, $0) })
        let changed = Set(Self.uids("hamm") + Self.uids("jena") + ["kiel-workshop-1@wsplan", "kiel-workshop-2@wsplan"])
        for event in try #require(F.after.events) {
            let previous = try #require(old[event.uid])
            #expect(event.sequence == previous.sequence + (changed.contains(event.uid) ? 1 : 0), "\(event.uid)")
        }
    }

    /// Publishing the same plan again changes nothing but DTSTAMP.
    @Test func aReplanWithoutChangeKeepsEverything() throws {
        let again = PlanOutputs.publish(F.changedPackages, previous: F.after, stamp: F.laterStamp)
        #expect(again.events == F.after.events)
        #expect(ICalendarWriter(plan: again, stamp: F.replanStamp).files() == ICalendarWriter(plan: F.after, stamp: F.replanStamp).files())
        let calendars = F.calendars(again, stamp: F.laterStamp)
        for (name, calendar) in after {
            let now = try #require(calendars[name])
            #expect(now.events.map(\.uid) == calendar.events.map(\.uid), "\(name)")
            for (a, b) in zip(calendar.events, now.events) {
                #expect(a.properties.filter { $0.name != "DTSTAMP" } == b.properties.filter { $0.name != "DTSTAMP" }, "\(name) \(a.uid)")
                #expect(b.value("DTSTAMP") == F.laterStamp)
            }
        }
        // ... and again from the plan as read back from plan.json.
        let json = try PlanFile.encode(F.after)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-ics-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: path) }
        try json.write(to: path)
        let read = try PlanFile.read(path: path.path)
        #expect(PlanOutputs.publish(F.changedPackages, previous: read, stamp: F.laterStamp).events == F.after.events)
    }

    /// A package that comes back after being cancelled is published again with a higher SEQUENCE.
    @Test func aCancelledPackageThatReturnsRaisesSequenceAgain() throws {
        let back = PlanOutputs.publish(F.plan([F.guetersloh, F.kiel, F.hamm, F.jena]), previous: F.after, stamp: F.laterStamp)
        let events = try #require(back.events)
        for uid in Self.uids("jena") {
            let event = try #require(events.first { $0.uid == uid })
            #expect(event.status == .tentative)
            #expect(event.sequence == 2)
        }
        let calendars = F.calendars(back, stamp: F.laterStamp)
        #expect(try event("trainer-mueller.ics", "jena-workshop-1@wsplan", in: calendars).value("STATUS") == "TENTATIVE")
        // schmidt leaves Hamm again: his calendar now gets the cancellation, nowak's the event back.
        #expect(try event("trainer-schmidt.ics", "hamm-preparation@wsplan", in: calendars).value("STATUS") == "CANCELLED")
        #expect(try event("trainer-nowak.ics", "hamm-preparation@wsplan", in: calendars).value("STATUS") == "TENTATIVE")
        #expect(try event("trainer-nowak.ics", "hamm-preparation@wsplan", in: calendars).value("SEQUENCE") == "2")
    }
}
