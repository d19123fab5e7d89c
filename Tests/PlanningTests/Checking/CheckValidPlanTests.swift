import Testing
@testable import Planning

@Suite struct CheckValidPlanTests {
    typealias F = CheckFixture

    @Test func theHandMadePlanKeepsEveryRule() {
        #expect(PlanChecker(scenario: F.scenario()).check(F.validPlan()) == [])
    }

    @Test func theHandWorkedCostsAreTheSpecFormula() {
        #expect(F.packageTravel(km: 90) == 180)
        #expect(F.packageTravel(km: 160) == 340)
        #expect(F.packageTravel(km: 400) == 1000)
        #expect(F.packageTravel(km: 250) == 475)  // 250 km is not beyond the evening-before distance
        #expect(F.repriced(F.validPlan(), in: F.scenario()) == F.validPlan())
    }

    @Test func findingsReadAsOnePlainLine() {
        let plan = F.plan(changing: "guetersloh") { $0.preparation = F.day("2027-01-26") }
        #expect(PlanChecker(scenario: F.scenario()).check(plan).map(\.description)
                    == ["R2 guetersloh: workshop 2027-02-09 is 14 days after the preparation 2027-01-26; allowed 21–42"])
    }

    @Test func findingsAreListedByRuleThenMunicipality() {
        let scenario = F.scenario()
        var plan = F.validPlan()
        plan.packages[2].trainers = ["mueller", "schmidt"]
        plan.packages[2].participants = 41
        plan.packages[0].preparation = F.day("2027-01-26")
        plan.unscheduled = []
        plan = F.repriced(plan, in: scenario)
        plan.objectiveTerms.maxLoad += 10
        let violations = PlanChecker(scenario: scenario).check(plan)
        #expect(violations.map(\.rule) == [.coverage, .coverage, .r1, .r2, .r8, .objective, .objective])
        #expect(violations.map(\.municipality) == ["leipzig", "regensburg", "regensburg", "guetersloh", "regensburg", nil, nil])
        #expect(PlanChecker(scenario: scenario).check(plan) == violations)
    }
}
