import Planning
@testable import PlanningIO

/// A small plan with hostile names (markup, quotes, ampersands), one pinned package, one
/// unscheduled request and an exchange day, and the scenario facts to draw it.
enum ReportFixture {
    static let trainers = [
        Trainer(id: "mueller", name: "Anna <b>Müller</b>", home: Coordinate(lat: 50.94, lon: 6.96), homeLabel: "Köln",
                unavailable: Set(Day(iso: "2027-02-01")!...Day(iso: "2027-02-05")!)),
        Trainer(id: "yilmaz", name: "Deniz \"D\" Yılmaz & Co", home: Coordinate(lat: 52.52, lon: 13.40), homeLabel: "Berlin"),
        Trainer(id: "novak", name: "Ewa O'Novak", home: Coordinate(lat: 51.05, lon: 13.74), homeLabel: "Dresden"),
    ]

    static let requests = [
        Request(id: "gt", name: "Stadt <script>alert(1)</script>Gütersloh", place: "Gütersloh", state: .NW,
                location: Coordinate(lat: 51.90, lon: 8.38), participants: 30),
        Request(id: "ka", name: "Stadt Kassel & Umland", place: "Kassel", state: .HE,
                location: Coordinate(lat: 51.31, lon: 9.49), participants: 20),
        Request(id: "hro", name: "Hansestadt Rostock", place: "Rostock", state: .MV,
                location: Coordinate(lat: 54.09, lon: 12.13), participants: 25),
    ]

    static var scenario: Scenario {
        Scenario(name: "Q1 <Test> & \"Co\"", planningStart: Day(iso: "2026-12-01")!,
                 horizon: Day(iso: "2027-01-01")!...Day(iso: "2027-03-31")!, trainers: trainers, requests: requests)
    }

    static func package(_ request: Request, trainers: [String], pinned: Bool, prep: String, workshop: String, followup: String,
                        travel: Double) -> PlannedPackage {
        let w = Day(iso: workshop)!
        let items = trainers.flatMap { t in
            EventKind.allCases.map { kind in
                TravelItem(trainer: t, event: kind, km: 321.25, roundTrips: 1, hotelNights: kind == .workshop ? 2 : 1, cost: travel / 6)
            }
        }
        let materials = Double(request.participants) * 5
        return PlannedPackage(municipality: request.id, name: request.name, state: request.state, place: request.place,
                              trainers: trainers, pinned: pinned, preparation: Day(iso: prep)!, workshop: [w, w.advanced(by: 1)],
                              followup: Day(iso: followup)!, participants: request.participants,
                              costs: PackageCosts(fee: 6000, materials: materials, travel: travel, total: 6000 + materials + travel,
                                                  travelItems: items),
                              location: request.location)
    }

    static var plan: Plan {
        var terms = ObjectiveTerms()
        terms.travel = 1234.56
        terms.unscheduled = 50000
        terms.preferredPairs = -300
        var plan = Plan(
            scenario: scenario.name,
            solver: SolverReport(name: "glpk", status: .feasible, objective: 50934.56, bound: 50700, gap: 0.0046, seconds: 12.34),
            objectiveTerms: terms,
            packages: [
                // Total 6000 + 150 + 1084.56 = 7234.56
                package(requests[0], trainers: ["mueller", "yilmaz"], pinned: false, prep: "2027-01-12", workshop: "2027-02-09",
                        followup: "2027-08-10", travel: 1084.56),
                package(requests[1], trainers: ["novak", "yilmaz"], pinned: true, prep: "2026-12-08", workshop: "2027-01-19",
                        followup: "2027-07-20", travel: 600),
            ],
            unscheduled: [UnscheduledRequest(municipality: "hro", name: requests[2].name,
                                             reasons: ["R5: no two trainers free <on> two consecutive working days"])],
            trainers: trainers.map { PlanTrainer(id: $0.id, name: $0.name) })
        plan.exchange = ExchangeDay(date: Day(iso: "2028-03-07")!, venue: "Kassel", state: .HE, municipalities: ["gt", "ka"], km: 1234.5)
        return plan
    }

    static var html: String { ReportPage(plan: plan, facts: ReportFacts(scenario: scenario)).render() }
}
