import Foundation
import Planning
@testable import PlanningIO

/// Small hand-built plans for the calendar tests, and the files they give.
enum ICalendarFixture {
    /// DTSTAMP of the first plan, the re-plan and the re-plan after it.
    static let firstStamp = "20270101T120000Z"
    static let replanStamp = "20270115T080000Z"
    static let laterStamp = "20270201T090000Z"

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func package(_ municipality: String, _ name: String, _ state: GermanState, place: String, trainers: [String],
                        pinned: Bool = false, preparation: String, workshop: String, followup: String, participants: Int,
                        costs: (fee: Double, materials: Double, travel: Double), location: Coordinate? = nil) -> PlannedPackage {
        let first = day(workshop)
        return PlannedPackage(municipality: municipality, name: name, state: state, place: place, trainers: trainers, pinned: pinned,
                              preparation: day(preparation), workshop: [first, first.advanced(by: 1)], followup: day(followup),
                              participants: participants,
                              costs: PackageCosts(fee: costs.fee, materials: costs.materials, travel: costs.travel,
                                                  total: costs.fee + costs.materials + costs.travel, travelItems: []),
                              location: location)
    }

    /// A confirmed booking (pinned) with GEO.
    static let guetersloh = package("guetersloh", "Stadt Gütersloh", .NW, place: "Gütersloh", trainers: ["mueller", "yilmaz"],
                                    pinned: true, preparation: "2027-01-12", workshop: "2027-02-09", followup: "2027-08-10",
                                    participants: 30, costs: (6000, 150, 812.40), location: Coordinate(lat: 51.9063, lon: 8.3783))
    /// A planned package whose place needs TEXT escaping, without GEO.
    static let kiel = package("kiel", "Landeshauptstadt Kiel", .SH, place: "Kiel (Rathaus, Saal 2; Eingang B)",
                              trainers: ["nowak", "yilmaz"], preparation: "2027-01-19", workshop: "2027-02-16",
                              followup: "2027-08-17", participants: 25, costs: (6000, 125, 1034.75))
    static let hamm = package("hamm", "Stadt Hamm", .NW, place: "Hamm", trainers: ["hansen", "nowak"], preparation: "2027-02-02",
                              workshop: "2027-03-02", followup: "2027-09-01", participants: 25, costs: (6000, 125, 640.10),
                              location: Coordinate(lat: 51.6806, lon: 7.8142))
    static let jena = package("jena", "Stadt Jena", .TH, place: "Jena", trainers: ["mueller", "yilmaz"], preparation: "2027-02-23",
                              workshop: "2027-03-16", followup: "2027-09-14", participants: 20, costs: (6000, 100, 955.00),
                              location: Coordinate(lat: 50.9271, lon: 11.5892))

    static let trainers = [PlanTrainer(id: "mueller", name: "Anna Müller"), PlanTrainer(id: "yilmaz", name: "Deniz Yılmaz"),
                           PlanTrainer(id: "nowak", name: "Ewa Nowak"), PlanTrainer(id: "hansen", name: "Lena Hansen"),
                           PlanTrainer(id: "schmidt", name: "Jonas Schmidt")]

    static func plan(_ packages: [PlannedPackage], unscheduled: [UnscheduledRequest] = []) -> Plan {
        var calendar = CalendarSettings()
        calendar.organizerName = "Stiftung – Programmbüro"
        calendar.organizerEmail = "programm@example.org"
        calendar.meetingTimes = ("09:30", "13:00")
        calendar.workshopTimes = ("09:00", "17:00")
        return Plan(scenario: "Testplan 2027", solver: SolverReport(name: "glpk", status: .optimal, objective: 0, bound: 0, gap: 0, seconds: 0),
                    objectiveTerms: ObjectiveTerms(), packages: packages, unscheduled: unscheduled, trainers: trainers,
                    calendar: PlanCalendarSettings(calendar))
    }

    /// The small plan of the golden files: two packages, one pinned; hansen and schmidt idle.
    static var small: Plan { PlanOutputs.publish(plan([guetersloh, kiel]), previous: nil, stamp: firstStamp) }

    /// Four packages, first published.
    static var before: Plan { PlanOutputs.publish(plan([guetersloh, kiel, hamm, jena]), previous: nil, stamp: firstStamp) }

    /// The re-plan of `before`: Kiel's workshop a week later, Hamm with schmidt instead of nowak,
    /// Jena dropped, Gütersloh as it was.
    static var changedPackages: Plan {
        var movedKiel = kiel
        movedKiel.workshop = [day("2027-02-23"), day("2027-02-24")]
        var newHamm = hamm
        newHamm.trainers = ["hansen", "schmidt"]
        return plan([guetersloh, movedKiel, newHamm],
                    unscheduled: [UnscheduledRequest(municipality: "jena", name: "Stadt Jena", reasons: ["no trainers free"])])
    }

    static var after: Plan { PlanOutputs.publish(changedPackages, previous: before, stamp: replanStamp) }

    /// The calendars of a plan, by file name (`all.ics`, …), parsed.
    static func calendars(_ plan: Plan, stamp: String) -> [String: ICSInspector.Component] {
        var result: [String: ICSInspector.Component] = [:]
        for (path, data) in ICalendarWriter(plan: plan, stamp: stamp).files() {
            result[(path as NSString).lastPathComponent] = ICSInspector.parse(data)
        }
        return result
    }
}
