import Testing
@testable import Planning

@Suite struct CheckCostTests {
    typealias F = CheckFixture

    @Test func aWrongTravelCost() {
        var plan = F.validPlan()
        plan.packages[0].costs.travel += 10
        plan.packages[0].costs.total += 10
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: "cost", municipalities: ["guetersloh"])
        #expect(violations.map(\.message) == ["cost guetersloh: travel is 1350.00 EUR in the plan, 1340.00 EUR by the spec"])
    }

    @Test func aWrongCostOfAConfirmedBooking() {
        var plan = F.validPlan()
        plan.packages[1].costs.materials = 0
        plan.packages[1].costs.total -= 100
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: "cost", municipalities: ["kassel"])
    }

    @Test(arguments: [0.004, -0.01])
    func centsRoundingIsNoViolation(delta: Double) {
        var plan = F.validPlan()
        plan.packages[2].costs.travel += delta
        plan.packages[2].costs.total += delta
        #expect(PlanChecker(scenario: F.scenario()).check(plan) == [])
    }

    @Test func aTotalThatIsNotTheSum() {
        var plan = F.validPlan()
        plan.packages[2].costs.total = 7000
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: "cost", municipalities: ["regensburg"])
    }

    @Test func aTotalThatIsNotTheSumOfItsItems() {
        var plan = F.validPlan()
        plan.packages[0].costs.fee = 5000
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        #expect(violations.map(\.message) == [
            "cost guetersloh: fee is 5000.00 EUR in the plan, 6000.00 EUR by the spec",
            "cost guetersloh: total is 7490.00 EUR in the plan, but its fee, materials and travel sum to 6490.00 EUR",
        ])
    }

    /// Without a distance table entry the distance is haversine × detour factor (1.3).
    @Test func withoutATableEntryTheDistanceIsHaversineTimesDetour() {
        var scenario = F.scenario()
        scenario.distances["mueller"]?["guetersloh"] = nil
        let km = TravelCost.haversineKm(scenario.trainers[0].home, scenario.requests[0].location) * 1.3
        #expect(km > 100 && km <= 250)
        let travel = F.packageTravel(km: km) + F.packageTravel(km: 400)
        let plan = F.repriced(F.validPlan(), in: scenario)
        var repriced = plan
        repriced.packages[0].costs.travel = travel
        repriced.packages[0].costs.total = 6150 + travel
        repriced.objectiveTerms.travel = travel + 1300
        repriced.solver.objective = plan.solver.objective! - 1340 + travel
        repriced.solver.bound = repriced.solver.objective
        #expect(PlanChecker(scenario: scenario).check(repriced) == [])
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        #expect(violations.contains { $0.rule == "cost" && $0.municipality == "guetersloh" })
    }
}

@Suite struct CheckObjectiveTests {
    typealias F = CheckFixture

    @Test(arguments: [\ObjectiveTerms.unscheduled, \.travel, \.prepGap, \.followupGap, \.preferredPairs, \.maxLoad])
    func aWrongObjectiveTerm(term: WritableKeyPath<ObjectiveTerms, Double> & Sendable) {
        var plan = F.validPlan()
        plan.objectiveTerms[keyPath: term] += 20
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: "objective", municipalities: [nil])
        #expect(violations.count == 1)
    }

    @Test func aWrongSolverObjective() {
        var plan = F.validPlan()
        plan.solver.objective = 102_495
        plan.solver.bound = 102_495
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: "objective", municipalities: [nil])
    }

    @Test func noSolverObjectiveIsNotCompared() {
        var plan = F.validPlan()
        plan.solver.objective = nil
        plan.solver.bound = nil
        plan.solver.gap = nil
        #expect(PlanChecker(scenario: F.scenario()).check(plan) == [])
    }

    @Test func aConsistentGap() {
        var plan = F.validPlan()
        plan.solver.status = .feasible
        plan.solver.bound = 102_000
        plan.solver.gap = (102_395 - 102_000) / 102_395.0
        #expect(PlanChecker(scenario: F.scenario()).check(plan) == [])
    }

    @Test(arguments: [(102_500.0, -0.001), (102_000.0, 0.0), (102_395.0, 0.01)])
    func anInconsistentBoundOrGap(bound: Double, gap: Double) {
        var plan = F.validPlan()
        plan.solver.bound = bound
        plan.solver.gap = gap
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: "objective", municipalities: [nil])
    }

    /// The preferred pair counts only for packages that are not confirmed bookings.
    @Test func aPreferredConfirmedBookingIsNoTerm() {
        var scenario = F.scenario()
        scenario.preferredPairs.insert(TrainerPair("schmidt", "yilmaz")!)
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        // regensburg (schmidt+yilmaz) now earns the bonus; kassel (the same pair, confirmed) does not.
        #expect(violations.map(\.message).contains("objective: term preferred_pairs is -300.00 in the plan, -600.00 by the spec"))
    }
}
