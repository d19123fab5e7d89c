import Testing
@testable import Planning

@Suite struct CheckR6WindowTests {
    typealias F = CheckFixture

    @Test func aWorkshopOutsideTheHorizon() {
        let plan = F.plan(changing: "regensburg") {
            F.move(&$0, preparation: "2027-03-30", workshop: "2027-04-27", followup: "2027-10-26")
        }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r6, municipalities: ["regensburg"])
    }

    @Test(arguments: [(String?.none, String?("2027-02-15")), ("2027-03-01", nil), ("2027-02-24", "2027-03-31")])
    func aWorkshopOutsideTheMunicipalitysWindow(earliest: String?, latest: String?) {
        var scenario = F.scenario()
        scenario.requests[1].earliest = earliest.map(F.day)
        scenario.requests[1].latest = latest.map(F.day)
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r6, municipalities: ["regensburg"])
    }

    @Test func theWindowIsInclusive() {
        var scenario = F.scenario()
        scenario.requests[1].earliest = F.day("2027-02-23")
        scenario.requests[1].latest = F.day("2027-02-23")
        #expect(PlanChecker(scenario: scenario).check(F.validPlan()) == [])
    }

    @Test func anEventBeforeThePlanningStart() {
        var scenario = F.scenario()
        scenario.planningStart = F.day("2027-01-15")
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r6, municipalities: ["guetersloh"])
    }
}
