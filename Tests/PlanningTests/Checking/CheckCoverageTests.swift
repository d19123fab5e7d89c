import Testing
@testable import Planning

@Suite struct CheckCoverageTests {
    typealias F = CheckFixture

    @Test func aRequestNeitherScheduledNorUnscheduled() {
        var plan = F.validPlan()
        plan.unscheduled = []
        plan = F.repriced(plan, in: F.scenario())
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .coverage, municipalities: ["leipzig"])
    }

    @Test func aRequestBothScheduledAndUnscheduled() {
        var plan = F.validPlan()
        plan.unscheduled.append(UnscheduledRequest(municipality: "regensburg", name: "Regensburg", reasons: ["too far"]))
        plan = F.repriced(plan, in: F.scenario())
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .coverage, municipalities: ["regensburg"])
    }

    @Test func aRequestScheduledTwice() {
        var scenario = F.scenario()
        scenario.trainers[1].maxPackages = nil
        var plan = F.validPlan()
        var copy = plan.packages[0]
        F.move(&copy, preparation: "2027-01-04", workshop: "2027-02-01", followup: "2027-08-02")
        copy.trainers = ["mueller", "yilmaz"]
        plan.packages.append(copy)
        plan = F.repriced(plan, in: scenario)
        F.expectOnly(PlanChecker(scenario: scenario).check(plan), rule: .coverage, municipalities: ["guetersloh"])
    }

    @Test func aRequestUnscheduledTwice() {
        var plan = F.validPlan()
        plan.unscheduled.append(plan.unscheduled[0])
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .coverage, municipalities: ["leipzig"])
    }

    @Test(arguments: [[String](), [""], ["  "]])
    func anUnscheduledRequestWithoutAReason(reasons: [String]) {
        var plan = F.validPlan()
        plan.unscheduled[0].reasons = reasons
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .coverage, municipalities: ["leipzig"])
    }

    /// Issue 15.5, probed again: the calendars' GEO and names come from the plan, and a moved
    /// lat or a renamed package passed `check`.
    @Test func aPackageKeepsItsRequestsNameAndCoordinates() {
        var moved = F.validPlan()
        moved.packages[0].lat = 51.90693 + 1   // guetersloh's request: 51.90693, 8.37853
        moved.packages[0].lon = 8.37853
        var placed = F.validPlan()
        placed.packages[0].lat = 51.90693
        placed.packages[0].lon = 8.37853
        #expect(PlanChecker(scenario: F.scenario()).check(placed) == [])
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(moved), rule: .coverage, municipalities: [moved.packages[0].municipality])
        var renamed = F.validPlan()
        renamed.packages[0].name = "Stadt Anderswo"
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(renamed), rule: .coverage, municipalities: [renamed.packages[0].municipality])
    }

    @Test func anUnknownMunicipality() {
        var plan = F.validPlan()
        plan.packages[0].municipality = "atlantis"
        plan.unscheduled.append(UnscheduledRequest(municipality: "lemuria", name: "Lemuria", reasons: ["sunk"]))
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        F.expectOnly(violations, rule: .coverage, municipalities: ["atlantis", "guetersloh", "lemuria"])
    }

    @Test func aRequestOfABookedMunicipalityIsServedByTheBooking() {
        var scenario = F.scenario()
        scenario.requests.append(Request(id: "kassel", name: "Kassel", state: .HE,
                                         location: Coordinate(lat: 51.3127, lon: 9.4797), participants: 20))
        #expect(PlanChecker(scenario: scenario).check(F.validPlan()) == [])

        var unscheduled = F.validPlan()
        unscheduled.unscheduled.append(UnscheduledRequest(municipality: "kassel", name: "Kassel", reasons: ["booked"]))
        unscheduled = F.repriced(unscheduled, in: scenario)
        F.expectOnly(PlanChecker(scenario: scenario).check(unscheduled), rule: .coverage, municipalities: ["kassel"])
    }

    @Test func aPackageStatesWhatItsRequestSays() {
        let wrongState = F.plan(changing: "guetersloh") { $0.state = .BY }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(wrongState), rule: .coverage, municipalities: ["guetersloh"])
        let wrongParticipants = F.plan(changing: "guetersloh") { $0.participants = 31 }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(wrongParticipants), rule: .coverage,
                     municipalities: ["guetersloh"])
    }
}
