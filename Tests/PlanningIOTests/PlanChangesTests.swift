import Foundation
import Planning
@testable import PlanningIO
import Testing
import CSVTestSupport

/// The change notice of a re-plan, against the fixture's two plans: Kiel moved a week, Hamm with
/// schmidt instead of nowak, Jena dropped, Gütersloh as it was; plus a package that is new.
struct PlanChangesTests {
    typealias F = ICalendarFixture

    var changes: [PlanChange] {
        PlanChange.between(previous: F.plan([F.guetersloh, F.kiel, F.hamm, F.jena]), current: F.changedPackages)
    }

    @Test func everyChangeOnceAndNothingElse() throws {
        let byID = Dictionary(uniqueKeysWithValues: changes.map { ($0.municipality, $0) })
        #expect(Set(byID.keys) == ["kiel", "hamm", "jena"])
        #expect(byID["kiel"]?.kinds == [.moved])
        #expect(byID["kiel"]?.old?.workshop == F.day("2027-02-16") && byID["kiel"]?.new?.workshop == F.day("2027-02-23"))
        #expect(byID["hamm"]?.kinds == [.restaffed])
        #expect(byID["hamm"]?.trainersToTell == ["hansen", "nowak", "schmidt"])
        #expect(byID["jena"]?.kinds == [.cancelled] && byID["jena"]?.new == nil)
        let added = PlanChange.between(previous: F.plan([F.kiel]), current: F.plan([F.kiel, F.hamm]))
        #expect(added.map(\.kinds) == [[.added]] && added[0].oldTrainers.isEmpty)
        #expect(PlanChange.between(previous: F.before, current: F.before).isEmpty)
    }

    @Test func changesCSVInBothDialects() throws {
        let german = try GermanExcelCSV.read(ChangesCSV.render(changes))
        #expect(german[0].first == "Kommune" && german.count == 4)
        let kiel = try #require(german.first { $0[0] == "kiel" })
        #expect(kiel[2] == "verschoben" && kiel[4] == "16.02.2027" && kiel[7] == "23.02.2027")
        let plain = try GermanExcelCSV.split(String(decoding: ChangesCSV.render(changes, dialect: .plain), as: UTF8.self), separator: ",")
        #expect(plain[0] == ChangesCSV.header(.plain))
        #expect(plain.contains { $0[0] == "hamm" && $0[2] == "restaffed" && $0[11] == "hamm hansen nowak schmidt" })
    }

    @Test func theReportShowsTheNoticeFirst() throws {
        let html = ReportPage(plan: F.changedPackages, facts: ReportFacts(scenario: ReportFixture.scenario), changes: changes).render()
        let notice = try #require(html.range(of: "id=\"aenderungen\""))
        let overview = try #require(html.range(of: "id=\"ueberblick\""))
        #expect(notice.lowerBound < overview.lowerBound)
        #expect(html.contains("verschoben") && html.contains("abgesagt") && html.contains("neu besetzt"))
        #expect(!ReportPage(plan: F.changedPackages, facts: ReportFacts(scenario: ReportFixture.scenario)).render().contains("id=\"aenderungen\""))
    }
}
