import Testing
@testable import Planning

@Suite struct CheckR4WorkingDayTests {
    typealias F = CheckFixture

    private func expectR4(_ plan: Plan, _ scenario: Scenario = F.scenario(), at municipality: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        F.expectOnly(PlanChecker(scenario: scenario).check(plan), rule: .r4, municipalities: [municipality],
                     sourceLocation: sourceLocation)
    }

    @Test func aWorkshopOnASaturday() {
        let plan = F.plan(changing: "guetersloh") { $0.workshop = [F.day("2027-02-12"), F.day("2027-02-13")] }
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        expectR4(plan, at: "guetersloh")
        #expect(violations.count == 1)
        #expect(violations.first?.message.contains("2027-02-13") == true)
    }

    @Test func workshopDaysThatAreNotConsecutive() {
        let plan = F.plan(changing: "guetersloh") { $0.workshop = [F.day("2027-02-09"), F.day("2027-02-11")] }
        expectR4(plan, at: "guetersloh")
    }

    /// Good Friday (2027-03-26) is a public holiday in every state.
    @Test(arguments: GermanState.allCases)
    func aWorkshopOnGoodFriday(state: GermanState) {
        var scenario = F.scenario()
        scenario.requests[1].state = state
        let plan = F.plan(changing: "regensburg", in: scenario) {
            $0.state = state
            F.move(&$0, preparation: "2027-02-25", workshop: "2027-03-25", followup: "2027-08-25")
        }
        expectR4(plan, scenario, at: "regensburg")
    }

    /// A preparation on Epiphany (2027-01-06): a holiday in BW, BY and ST only.
    @Test(arguments: [(GermanState.BY, true), (.BW, true), (.ST, true), (.NW, false), (.SN, false), (.HE, false)])
    func aPreparationOnEpiphany(state: GermanState, isHoliday: Bool) {
        var scenario = F.scenario()
        scenario.requests[1].state = state
        let plan = F.plan(changing: "regensburg", in: scenario) {
            $0.state = state
            F.move(&$0, preparation: "2027-01-06", workshop: "2027-02-03", followup: "2027-08-04")
        }
        if isHoliday {
            expectR4(plan, scenario, at: "regensburg")
        } else {
            #expect(PlanChecker(scenario: scenario).check(plan) == [])
        }
    }

    @Test func aPreparationInTheOfficeClosure() {
        let plan = F.plan(changing: "regensburg") {
            F.move(&$0, preparation: "2026-12-28", workshop: "2027-01-25", followup: "2027-07-26")
        }
        expectR4(plan, at: "regensburg")
    }

    @Test func aWorkshopOnABlackoutDay() {
        var scenario = F.scenario()
        scenario.requests[1].blackout = [F.day("2027-02-24")]
        expectR4(F.validPlan(), scenario, at: "regensburg")
    }

    @Test(arguments: [true, false])
    func aWorkshopInTheSchoolHolidays(avoided: Bool) {
        var scenario = F.scenario()
        scenario.rules.avoidSchoolHolidays = avoided
        scenario.schoolHolidays[.BY] = [SchoolHoliday(first: F.day("2027-02-22"), last: F.day("2027-02-26"), name: "Frühjahrsferien")]
        if avoided {
            expectR4(F.validPlan(), scenario, at: "regensburg")
        } else {
            #expect(PlanChecker(scenario: scenario).check(F.validPlan()) == [])
        }
    }

    /// A confirmed booking on a public holiday and a weekend is carried over as it is (no R9
    /// finding), but breaks R4 like any package: reported once per day, as a confirmed booking.
    @Test func aConfirmedBookingKeepsR4Too() {
        var scenario = F.scenario()
        scenario.bookings[0].state = .BY
        scenario.bookings[0].preparation = F.day("2027-01-06")
        scenario.bookings[0].workshop = F.day("2027-02-13")
        var plan = F.validPlan()
        F.move(&plan.packages[1], preparation: "2027-01-06", workshop: "2027-02-13", followup: "2027-08-17")
        plan.packages[1].state = .BY
        let violations = PlanChecker(scenario: scenario).check(plan)
        F.expectOnly(violations, rule: .r4, municipalities: ["kassel"])
        #expect(violations.map(\.message) == [
            "R4 kassel: confirmed booking: preparation 2027-01-06 is not a working day: public holiday Heilige Drei Könige in BY",
            "R4 kassel: confirmed booking: workshop day 2027-02-13 is not a working day: Saturday",
            "R4 kassel: confirmed booking: workshop day 2027-02-14 is not a working day: Sunday",
        ])
    }
}
