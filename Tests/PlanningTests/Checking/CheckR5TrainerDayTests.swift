import Testing
@testable import Planning

@Suite struct CheckR5TrainerDayTests {
    typealias F = CheckFixture

    /// yilmaz runs two events on one day; the finding goes to the package that does not hold the day
    /// (a confirmed booking holds it, else the first municipality by id).
    @Test(arguments: [("regensburg", "2027-01-12"),   // guetersloh's preparation
                      ("guetersloh", "2027-01-19")])  // the confirmed booking's preparation in kassel
    func twoPackagesShareATrainerOnOneDay(municipality: String, preparation: String) {
        let plan = F.plan(changing: municipality) { $0.preparation = F.day(preparation) }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r5, municipalities: [municipality])
    }

    @Test func aTrainersUnavailableDay() {
        var scenario = F.scenario()
        scenario.trainers[0].unavailable.insert(F.day("2027-02-10"))
        F.expectOnly(PlanChecker(scenario: scenario).check(F.validPlan()), rule: .r5, municipalities: ["guetersloh"])
    }
}
