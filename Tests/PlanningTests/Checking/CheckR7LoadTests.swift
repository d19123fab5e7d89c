import Testing
@testable import Planning

@Suite struct CheckR7LoadTests {
    typealias F = CheckFixture

    /// yilmaz runs three packages in the horizon, the confirmed booking included.
    @Test(arguments: [(3, false), (2, true)])
    func maxPackages(limit: Int, breaks: Bool) {
        var scenario = F.scenario()
        scenario.trainers[1].maxPackages = limit
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        if breaks {
            F.expectOnly(violations, rule: .r7, municipalities: [nil])
            #expect(violations.first?.message.contains("yilmaz") == true)
        } else {
            #expect(violations == [])
        }
    }

    /// yilmaz has six event days in February 2027: three workshops of two days, the booking's included.
    @Test(arguments: [(6, false), (5, true)])
    func maxDaysPerMonth(limit: Int, breaks: Bool) {
        var scenario = F.scenario()
        scenario.trainers[1].maxDaysPerMonth = limit
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        if breaks {
            F.expectOnly(violations, rule: .r7, municipalities: [nil])
            #expect(violations.map(\.message) == ["R7: trainer yilmaz has 6 event days in 2027-02; allowed 5"])
        } else {
            #expect(violations == [])
        }
    }

    /// A workshop on 31 March and 1 April counts one day in each month.
    @Test(arguments: [(2, [String]()), (1, ["R7: trainer mueller has 2 event days in 2027-03; allowed 1"])])
    func aWorkshopAcrossTwoMonths(limit: Int, messages: [String]) {
        var scenario = F.scenario()
        scenario.trainers[0].maxDaysPerMonth = limit
        let plan = F.plan(changing: "guetersloh", in: scenario) {
            F.move(&$0, preparation: "2027-03-03", workshop: "2027-03-31", followup: "2027-09-29")
        }
        #expect(PlanChecker(scenario: scenario).check(plan).map(\.message) == messages)
    }
}
