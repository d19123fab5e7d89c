import Testing
@testable import Planning

/// A tiny 2027 Q1 scenario and a hand-made plan that keeps every rule, for the checker's tests.
///
/// Three trainers (Köln, Berlin, München), three requests in NW, BY and SN, and one confirmed
/// booking in HE. Every distance comes from the scenario's distance table in whole km, so each
/// cost below can be worked out by hand from SPEC §3.
enum CheckFixture {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Road km, trainer → municipality (the scenario's distance table).
    static let distances: [String: [String: Double]] = [
        "mueller": ["guetersloh": 160, "regensburg": 520, "leipzig": 480, "kassel": 250],
        "yilmaz": ["guetersloh": 400, "regensburg": 480, "leipzig": 190, "kassel": 380],
        "schmidt": ["guetersloh": 520, "regensburg": 90, "leipzig": 430, "kassel": 450],
    ]

    static func scenario() -> Scenario {
        let trainers = [
            Trainer(id: "mueller", name: "Anna Müller", home: Coordinate(lat: 50.94, lon: 6.96), homeLabel: "Köln",
                    maxPackages: 6, maxDaysPerMonth: 8, unavailable: [day("2027-03-05")]),
            Trainer(id: "yilmaz", name: "Deniz Yılmaz", home: Coordinate(lat: 52.52, lon: 13.40), homeLabel: "Berlin",
                    maxPackages: 3, maxDaysPerMonth: 8),
            Trainer(id: "schmidt", name: "Jonas Schmidt", home: Coordinate(lat: 48.14, lon: 11.58), homeLabel: "München"),
        ]
        let requests = [
            Request(id: "guetersloh", name: "Gütersloh", state: .NW, location: Coordinate(lat: 51.90693, lon: 8.37853),
                    participants: 30),
            Request(id: "regensburg", name: "Regensburg", state: .BY, location: Coordinate(lat: 49.0134, lon: 12.1016),
                    participants: 25),
            Request(id: "leipzig", name: "Leipzig", state: .SN, location: Coordinate(lat: 51.3397, lon: 12.3731),
                    participants: 20, priority: 2),
        ]
        var scenario = Scenario(name: "Rollout 2027 Q1", planningStart: day("2026-12-01"),
                                horizon: day("2027-01-01")...day("2027-03-31"), trainers: trainers, requests: requests)
        scenario.forbiddenPairs = [TrainerPair("mueller", "schmidt")!]
        scenario.preferredPairs = [TrainerPair("mueller", "yilmaz")!]
        scenario.weights.maxLoadEur = 10
        scenario.distances = distances
        scenario.bookings = [
            Booking(municipality: "kassel", name: "Kassel", state: .HE, location: Coordinate(lat: 51.3127, lon: 9.4797),
                    participants: 20, trainers: TrainerPair("schmidt", "yilmaz")!, preparation: day("2027-01-19"),
                    workshop: day("2027-02-16"), followup: day("2027-08-17")),
        ]
        return scenario
    }

    /// The valid plan, with its costs and objective worked out by hand from SPEC §1, §3 and §4.
    ///
    /// Trip costs (0.25 EUR/km, hotel 100 EUR, commute ≤ 100 km, evening before > 250 km), per trainer
    /// and package (preparation 1 day, workshop 2, follow-up 1):
    /// - ≤ 100 km: 4 round trips, 4 × 2 × km × 0.25 = 2 km → schmidt–regensburg 90 km: 180
    /// - 100–250 km: 3 round trips and the workshop's night, 1.5 km + 100 → mueller–guetersloh 160 km: 340
    /// - > 250 km: 3 round trips and 4 nights, 1.5 km + 400 → yilmaz–guetersloh 400 km: 1000,
    ///   yilmaz–regensburg 480 km: 1120, schmidt–kassel 450 km: 1075, yilmaz–kassel 380 km: 970
    ///
    /// Objective: leipzig unscheduled at priority 2 = 100,000; travel 1340 + 1300 = 2640 (the booking
    /// is a constant); prep gap 20 × |29 − 28| = 20 (regensburg); follow-up gap 5 × |183 − 182| = 5
    /// (regensburg); one preferred pair (mueller+yilmaz) = −300; yilmaz runs three packages in the
    /// horizon, the booking included: 10 × 3 = 30. Total 102,395.
    static func validPlan() -> Plan {
        var terms = ObjectiveTerms()
        terms.unscheduled = 100_000
        terms.travel = 2640
        terms.prepGap = 20
        terms.followupGap = 5
        terms.preferredPairs = -300
        terms.maxLoad = 30
        let packages = [
            PlannedPackage(municipality: "guetersloh", name: "Gütersloh", state: .NW, place: "Gütersloh",
                           trainers: ["mueller", "yilmaz"], pinned: false, preparation: day("2027-01-12"),
                           workshop: [day("2027-02-09"), day("2027-02-10")], followup: day("2027-08-10"), participants: 30,
                           costs: PackageCosts(fee: 6000, materials: 150, travel: 1340, total: 7490, travelItems: lines(["mueller", "yilmaz"], "guetersloh")!)),
            PlannedPackage(municipality: "kassel", name: "Kassel", state: .HE, place: "Kassel",
                           trainers: ["schmidt", "yilmaz"], pinned: true, preparation: day("2027-01-19"),
                           workshop: [day("2027-02-16"), day("2027-02-17")], followup: day("2027-08-17"), participants: 20,
                           costs: PackageCosts(fee: 6000, materials: 100, travel: 2045, total: 8145, travelItems: lines(["schmidt", "yilmaz"], "kassel")!)),
            PlannedPackage(municipality: "regensburg", name: "Regensburg", state: .BY, place: "Regensburg",
                           trainers: ["schmidt", "yilmaz"], pinned: false, preparation: day("2027-01-25"),
                           workshop: [day("2027-02-23"), day("2027-02-24")], followup: day("2027-08-25"), participants: 25,
                           costs: PackageCosts(fee: 6000, materials: 125, travel: 1300, total: 7425, travelItems: lines(["schmidt", "yilmaz"], "regensburg")!)),
        ]
        let unscheduled = [UnscheduledRequest(municipality: "leipzig", name: "Leipzig",
                                              reasons: ["no two trainers free on two consecutive working days in 2027-01-01..2027-03-31"])]
        return Plan(scenario: "Rollout 2027 Q1",
                    solver: SolverReport(name: "glpk", status: .optimal, objective: 102_395, bound: 102_395, gap: 0, seconds: 0.1),
                    objectiveTerms: terms, packages: packages, unscheduled: unscheduled)
    }

    // MARK: - Changing the valid plan in one way

    /// The valid plan with one package changed, costs and objective worked out again.
    static func plan(changing municipality: String, in scenario: Scenario = scenario(),
                     _ change: (inout PlannedPackage) -> Void) -> Plan {
        var plan = validPlan()
        let index = plan.packages.firstIndex { $0.municipality == municipality }!
        change(&plan.packages[index])
        return repriced(plan, in: scenario)
    }

    /// Moves a whole package to new dates: preparation, workshop from `workshop` on, follow-up.
    static func move(_ package: inout PlannedPackage, preparation: String, workshop: String, followup: String) {
        package.preparation = day(preparation)
        package.workshop = [day(workshop), day(workshop).advanced(by: 1)]
        package.followup = day(followup)
    }

    /// `plan` with every cost and objective term worked out again by SPEC §1, §3 and §4, and a solver
    /// report that agrees, so that only the rule a test breaks can show.
    static func repriced(_ plan: Plan, in scenario: Scenario) -> Plan {
        var plan = plan
        let booked = Set(scenario.bookings.map(\.municipality))
        var terms = ObjectiveTerms()
        var packagesInHorizon: [String: Int] = [:]
        var preferred = 0
        for index in plan.packages.indices {
            let package = plan.packages[index]
            let participants = scenario.requests.first { $0.id == package.municipality }?.participants
                ?? scenario.bookings.first { $0.municipality == package.municipality }?.participants
                ?? package.participants
            let materials = Double(participants) * 5
            let distances = package.trainers.map { distancesOrNil($0, package.municipality) }
            let travel = distances.contains(nil) ? package.costs.travel : distances.reduce(0) { $0 + packageTravel(km: $1!) }
            plan.packages[index].costs = PackageCosts(fee: 6000, materials: materials, travel: travel,
                                                      total: 6000 + materials + travel,
                                                      travelItems: lines(package.trainers, package.municipality) ?? package.costs.travelItems)
            let start = package.workshop[0]
            if scenario.horizon.contains(start) {
                for trainer in Set(package.trainers) { packagesInHorizon[trainer, default: 0] += 1 }
            }
            guard !(package.pinned && booked.contains(package.municipality)) else { continue }
            terms.travel += travel
            terms.prepGap += 20 * Double(abs(package.preparation.distance(to: start) - 28))
            terms.followupGap += 5 * Double(abs(start.distance(to: package.followup) - 182))
            if Set(package.trainers) == ["mueller", "yilmaz"] && package.trainers.count == 2 { preferred += 1 }
        }
        for id in Set(plan.unscheduled.map(\.municipality)) {
            if let request = scenario.requests.first(where: { $0.id == id }) { terms.unscheduled += request.priority * 50_000 }
        }
        terms.preferredPairs = -300 * Double(preferred)
        terms.maxLoad = 10 * Double(packagesInHorizon.values.max() ?? 0)
        plan.objectiveTerms = terms
        plan.solver.objective = terms.total
        plan.solver.bound = terms.total
        plan.solver.gap = 0
        return plan
    }

    private static func distancesOrNil(_ trainer: String, _ municipality: String) -> Double? {
        distances[trainer]?[municipality]
    }

    /// SPEC §3 for one trainer and event, with the default travel settings.
    static func tripCost(km: Double, days: Int) -> Double {
        if km <= 100 { return Double(days) * 2 * km * 0.25 }
        let nights = (days - 1) + (km > 250 ? 1 : 0)
        return 2 * km * 0.25 + Double(nights) * 100
    }

    /// One trainer's travel for a package: preparation (1 day), workshop (2), follow-up (1).
    /// The three travel lines of one trainer by hand (whole km, so no rounding), SPEC §3.
    static func lines(_ trainer: String, km: Double) -> [TravelItem] {
        EventKind.allCases.map { event in
            let commute = km <= 100
            let nights = commute ? 0 : (event.days - 1) + (km > 250 ? 1 : 0)
            return TravelItem(trainer: trainer, event: event, km: km, roundTrips: commute ? event.days : 1, hotelNights: nights,
                              cost: tripCost(km: km, days: event.days))
        }
    }

    /// The six lines of a package whose trainers' distances are known, else nil.
    static func lines(_ trainers: [String], _ municipality: String) -> [TravelItem]? {
        let known = trainers.compactMap { id in distancesOrNil(id, municipality).map { (id, $0) } }
        return known.count == trainers.count ? known.flatMap { lines($0.0, km: $0.1) } : nil
    }

    static func packageTravel(km: Double) -> Double {
        tripCost(km: km, days: 1) + tripCost(km: km, days: 2) + tripCost(km: km, days: 1)
    }

    // MARK: - Expectations

    /// Expects findings of `rule` alone, about exactly `municipalities` (nil: the whole plan).
    static func expectOnly(_ violations: [Violation], rule: Rule, municipalities: Set<String?>,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!violations.isEmpty, "expected a violation of \(rule)", sourceLocation: sourceLocation)
        #expect(Set(violations.map(\.rule)) == [rule], "\(violations)", sourceLocation: sourceLocation)
        #expect(Set(violations.map(\.municipality)) == municipalities, "\(violations)", sourceLocation: sourceLocation)
    }
}
