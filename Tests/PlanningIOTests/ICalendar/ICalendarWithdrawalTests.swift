import Foundation
import Planning
@testable import PlanningIO
import Testing

/// A trainer taken off an event that goes on (moved, with someone else): her calendar cancels it on
/// HER date with a sentence that she is no longer on it; everyone else's copy is the event as it is.
@Suite struct ICalendarWithdrawalTests {
    typealias F = ICalendarFixture

    /// Kiel a week later, with hansen instead of nowak; then a third run that changes nothing.
    static var plans: (before: Plan, after: Plan, again: Plan) {
        let before = PlanOutputs.publish(F.plan([F.kiel]), previous: nil, stamp: F.firstStamp)
        var kiel = F.kiel
        kiel.workshop = [F.day("2027-02-23"), F.day("2027-02-24")]
        kiel.trainers = ["hansen", "yilmaz"]
        let after = PlanOutputs.publish(F.plan([kiel]), previous: before, stamp: F.replanStamp)
        let again = PlanOutputs.publish(F.plan([kiel]), previous: after, stamp: "20270301T090000Z")
        return (before, after, again)
    }

    @Test func herCancellationIsOnHerOwnDateAndSaysSheIsOff() throws {
        let plans = Self.plans
        let uid = "kiel-workshop-1@wsplan"
        let after = F.calendars(plans.after, stamp: F.replanStamp)
        let hers = try #require(after["trainer-nowak.ics"]?.events.first { $0.value("UID") == uid })
        #expect(hers.value("STATUS") == "CANCELLED")
        #expect(hers.first("DTSTART")?.value == "20270216T090000", "her own date, not the new 23 February")
        #expect(hers.value("SEQUENCE") == "1")
        let text = try #require(hers.text("DESCRIPTION"))
        #expect(text.contains("nicht mehr eingeteilt"))
        #expect(text.contains("Dienstag, 16.02.2027"))
        #expect(!text.contains("Lena Hansen") && !text.contains("entfällt.\n"))
        for file in ["all.ics", "trainer-hansen.ics", "trainer-yilmaz.ics", "municipality-kiel.ics"] {
            let event = try #require(after[file]?.events.first { $0.value("UID") == uid }, "\(file)")
            #expect(event.value("STATUS") == "TENTATIVE", "\(file)")
            #expect(event.first("DTSTART")?.value == "20270223T090000", "\(file)")
            #expect(event.text("DESCRIPTION")?.contains("nicht mehr") == false, "\(file)")
        }
        // The next re-plan keeps her date, though she is no longer in the event.
        let again = try #require(plans.again.events?.first { $0.uid == uid })
        #expect(again.formerDates?["nowak"] == F.day("2027-02-16"))
        #expect(again.sequence == 1)
    }

    /// Values from a scenario never start a line of their own (issue 15 item 7).
    @Test func hostileOrganizerAndNamesMakeNoRawLine() throws {
        var plan = F.plan([F.kiel])
        plan.calendar?.organizerEmail = "x@y.org\r\nX-INJ:1"
        plan.calendar?.organizerName = "Büro\r\nX-NAME:1\u{7}"
        plan.packages[0].name = "Kiel\rX-SUMMARY:1\u{0}"
        for (path, data) in ICalendarWriter(plan: PlanOutputs.publish(plan, previous: nil, stamp: F.firstStamp), stamp: F.firstStamp).files() {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.components(separatedBy: "\r\n") {
                #expect(!line.hasPrefix("X-INJ") && !line.hasPrefix("X-NAME") && !line.hasPrefix("X-SUMMARY"), "\(path): \(line)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "\(path): control character")
            }
            if !text.contains("BEGIN:VEVENT") { continue }   // idle trainers' files
            #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("ORGANIZER;CN=\"BüroX-NAME:1\":mailto:x@y.orgX-INJ%3A1"), "\(path)")
        }
    }
}
