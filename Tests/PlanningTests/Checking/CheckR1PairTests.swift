import Testing
@testable import Planning

@Suite struct CheckR1PairTests {
    typealias F = CheckFixture

    @Test(arguments: [
        ("regensburg", ["mueller", "schmidt"]),           // a forbidden pair
        ("guetersloh", ["yilmaz", "yilmaz"]),             // the same trainer twice
        ("guetersloh", ["mueller", "zorro"]),             // an unknown trainer
        ("guetersloh", ["yilmaz", "mueller"]),            // not sorted
        ("guetersloh", ["mueller"]),                      // one trainer
        ("guetersloh", ["mueller", "schmidt", "yilmaz"]), // three trainers
    ])
    func aPairThatBreaksR1(municipality: String, trainers: [String]) {
        let plan = F.plan(changing: municipality) { $0.trainers = trainers }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r1, municipalities: [municipality])
    }

    @Test func anExcludedTrainer() {
        var scenario = F.scenario()
        scenario.requests[1].excludes = ["yilmaz"]
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r1, municipalities: ["regensburg"])
    }

    @Test func aRequiredTrainerMissing() {
        var scenario = F.scenario()
        scenario.requests[1].requires = ["mueller"]
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r1, municipalities: ["regensburg"])
        scenario.requests[1].requires = ["schmidt", "yilmaz"]
        #expect(PlanChecker(scenario: scenario).check(F.validPlan()) == [])
    }

    @Test func aConfirmedBookingIsNotJudgedByTodaysForbiddenPairs() {
        var scenario = F.scenario()
        scenario.forbiddenPairs.insert(TrainerPair("schmidt", "yilmaz")!)
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r1, municipalities: ["regensburg"])
    }
}
