/// Re-checks a plan against its scenario, independent of the solver (`wsplan check`, SPEC §7).
///
/// Every hard rule of SPEC §2 has its own function named by its id (`r1Pair` … `r9ConfirmedBookings`),
/// next to the coverage of the requests, the costs of SPEC §1/§3 and the objective of SPEC §4.
/// Nothing here comes from the formulation: the checker is written from the spec alone, so that it
/// can judge every plan the solver produces.
public struct PlanChecker: Sendable {
    public let scenario: Scenario
    /// The plan the checked one replaces, when known: the `move` term is then recomputed.
    public let previous: Plan?
    let calendar: WorkingCalendar
    /// The checker's own reading of SPEC §3 (not the product's `TravelCost`).
    let travel: SpecTravel
    let requestsByID: [String: Request]
    let trainersByID: [String: Trainer]
    let bookingsByMunicipality: [String: [Booking]]

    public init(scenario: Scenario, previous: Plan? = nil) {
        self.scenario = scenario
        self.previous = previous
        calendar = WorkingCalendar(scenario: scenario)
        travel = SpecTravel(settings: scenario.costs.travel)
        requestsByID = Dictionary(scenario.requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        trainersByID = Dictionary(scenario.trainers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        bookingsByMunicipality = Dictionary(grouping: scenario.bookings, by: \.municipality)
    }

    /// Every violation of `plan`, in a fixed order (rule, municipality, message); empty when the plan is right.
    public func check(_ plan: Plan) -> [Violation] {
        let facts = packageFacts(plan)
        var found: [Violation] = []
        found += coverage(plan, facts)
        found += publication(plan)
        found += r1Pair(facts)
        found += r2PreparationGap(facts)
        found += r3FollowupGap(facts)
        found += r4WorkingDays(facts)
        found += r5TrainerDays(facts)
        found += r6Window(facts)
        found += r7Load(facts)
        found += r8Size(facts)
        found += r9ConfirmedBookings(plan)
        found += confirmedBookingRules()
        found += costs(facts)
        found += objective(plan, facts)
        found += solverReport(plan.solver)
        return found.sorted(by: Violation.areInListingOrder)
    }

    /// Pairs each package with its request or, when pinned, with the confirmed booking it carries over.
    func packageFacts(_ plan: Plan) -> [PackageFacts] {
        plan.packages.enumerated().map { index, package in
            if package.pinned, let bookings = bookingsByMunicipality[package.municipality] {
                let booking = bookings.first { PlanChecker.carriesOver(package, $0) } ?? bookings[0]
                return PackageFacts(index: index, package: package, request: nil, booking: booking)
            }
            return PackageFacts(index: index, package: package, request: requestsByID[package.municipality], booking: nil)
        }
    }

    /// The scenario's trainers of a package, or nil when one of them is unknown (R1 reports it).
    func knownTrainers(of package: PlannedPackage) -> [Trainer]? {
        let trainers = package.trainers.compactMap { trainersByID[$0] }
        return trainers.count == package.trainers.count ? trainers : nil
    }
}

extension PlanChecker {
    /// True when `package` is exactly `booking`: same municipality, trainers and dates (R9).
    static func carriesOver(_ package: PlannedPackage, _ booking: Booking) -> Bool {
        package.municipality == booking.municipality && package.trainers == booking.trainers.ids
            && package.preparation == booking.preparation
            && package.workshop == [booking.workshop, booking.workshop.advanced(by: 1)]
            && package.followup == booking.followup
    }
}
