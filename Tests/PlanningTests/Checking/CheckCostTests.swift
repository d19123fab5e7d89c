import Testing
@testable import Planning

@Suite struct CheckCostTests {
    typealias F = CheckFixture

    @Test func aWrongTravelCost() {
        var plan = F.validPlan()
        plan.packages[0].costs.travel += 10
        plan.packages[0].costs.total += 10
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: .cost, municipalities: ["guetersloh"])
        #expect(violations.map(\.message) == ["cost guetersloh: travel is 1350.00 EUR in the plan, 1340.00 EUR by the spec",
                                               "cost guetersloh: travel is 1350.00 EUR, but its travel lines sum to 1340.00 EUR"])
    }

    @Test func aWrongCostOfAConfirmedBooking() {
        var plan = F.validPlan()
        plan.packages[1].costs.materials = 0
        plan.packages[1].costs.total -= 100
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .cost, municipalities: ["kassel"])
    }

    /// The ledger: under half a cent is no finding, one cent is.
    @Test(arguments: [(0.004, false), (-0.01, true), (0.01, true)])
    func oneCentIsAViolation(delta: Double, breaks: Bool) {
        var plan = F.validPlan()
        plan.packages[2].costs.travel += delta
        plan.packages[2].costs.total += delta
        #expect(PlanChecker(scenario: F.scenario()).check(plan).isEmpty == !breaks)
    }

    /// 1-cent edits to fee, materials and total; +1000 EUR, km or nights on a travel line; no lines.
    @Test(arguments: 0..<7)
    func everyCentAndLineIsChecked(edit: Int) {
        var plan = F.validPlan()
        switch edit {
        case 0: plan.packages[0].costs.total += 0.01
        case 1: plan.packages[0].costs.fee += 0.01; plan.packages[0].costs.total += 0.01
        case 2: plan.packages[0].costs.materials -= 0.01; plan.packages[0].costs.total -= 0.01
        case 3: plan.packages[0].costs.travelItems[1].cost += 1000
        case 4: plan.packages[0].costs.travelItems[1].km += 1000
        case 5: plan.packages[0].costs.travelItems[1].hotelNights += 1000
        default: plan.packages[0].costs.travelItems = []
        }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .cost, municipalities: ["guetersloh"])
    }

    @Test func aTotalThatIsNotTheSum() {
        var plan = F.validPlan()
        plan.packages[2].costs.total = 7000
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .cost, municipalities: ["regensburg"])
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
        let travel = F.packageTravel(km: (km * 10).rounded() / 10) + F.packageTravel(km: 400)
        let plan = F.repriced(F.validPlan(), in: scenario)
        var repriced = plan
        repriced.packages[0].costs.travelItems = F.lines("mueller", km: (km * 10).rounded() / 10) + F.lines("yilmaz", km: 400)
        repriced.packages[0].costs.travel = travel
        repriced.packages[0].costs.total = 6150 + travel
        repriced.objectiveTerms.travel = travel + 1300
        repriced.solver.objective = plan.solver.objective! - 1340 + travel
        repriced.solver.bound = repriced.solver.objective
        #expect(PlanChecker(scenario: scenario).check(repriced) == [])
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        #expect(violations.contains { $0.rule == .cost && $0.municipality == "guetersloh" })
    }
}

@Suite struct CheckObjectiveTests {
    typealias F = CheckFixture

    @Test(arguments: [\ObjectiveTerms.unscheduled, \.travel, \.prepGap, \.followupGap, \.preferredPairs, \.maxLoad])
    func aWrongObjectiveTerm(term: WritableKeyPath<ObjectiveTerms, Double> & Sendable) {
        var plan = F.validPlan()
        plan.objectiveTerms[keyPath: term] += 0.01
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: .objective, municipalities: [nil])
        // The term differs from the spec's, and the terms no longer add up to the objective.
        #expect(violations.count == 2)
    }

    @Test func aWrongSolverObjective() {
        var plan = F.validPlan()
        plan.solver.objective = 102_495
        plan.solver.bound = 102_495
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .objective, municipalities: [nil])
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
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .objective, municipalities: [nil])
    }

    /// Issue 15: a plan that claims `optimal` with its bound 0.16 % below the objective (and a gap
    /// that agrees) passed; `optimal` means proven, so bound = objective to the cent.
    @Test func anOptimalPlanHasItsBoundAtItsObjective() {
        var plan = F.validPlan()
        plan.solver.bound = 102_395 * (1 - 0.0016)
        plan.solver.gap = 0.0016
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: .objective, municipalities: [nil])
        #expect(violations.contains { $0.message.contains("solver.status is optimal, but solver.bound 102231.17 lies 0.16 % below") })
        plan.solver.status = .feasible
        #expect(PlanChecker(scenario: F.scenario()).check(plan) == [])
        // One cent is one cent too many for a proof; a missing bound is no proof either.
        plan.solver.status = .optimal
        plan.solver.bound = 102_394.99
        plan.solver.gap = 0
        #expect(PlanChecker(scenario: F.scenario()).check(plan).map(\.rule) == [.objective])
        plan.solver.bound = nil
        plan.solver.gap = nil
        #expect(PlanChecker(scenario: F.scenario()).check(plan).contains { $0.message.contains("solver.bound is missing") })
    }

    /// A gap that disagrees with objective and bound by more than their rounding (here 1e-5).
    @Test func aGapMustMatchToItsSixDecimals() {
        var plan = F.validPlan()
        plan.solver.status = .feasible
        plan.solver.bound = 102_000
        plan.solver.gap = (102_395 - 102_000) / 102_395.0 + 0.00005
        #expect(PlanChecker(scenario: F.scenario()).check(plan).contains { $0.message.hasPrefix("objective: solver.gap") })
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
