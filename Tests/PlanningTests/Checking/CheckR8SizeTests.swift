import Testing
@testable import Planning

@Suite struct CheckR8SizeTests {
    typealias F = CheckFixture

    @Test(arguments: [(40, false), (41, true)])
    func participants(count: Int, breaks: Bool) {
        var scenario = F.scenario()
        scenario.requests[1].participants = count
        let plan = F.plan(changing: "regensburg", in: scenario) { $0.participants = count }
        let violations = PlanChecker(scenario: scenario).check(plan)
        if breaks {
            F.expectOnly(violations, rule: .r8, municipalities: ["regensburg"])
        } else {
            #expect(violations == [])
        }
    }
}
