import Testing
@testable import Planning

@Suite struct CheckR9BookingTests {
    typealias F = CheckFixture

    @Test func aConfirmedBookingMoved() {
        let plan = F.plan(changing: "kassel") {
            F.move(&$0, preparation: "2027-01-20", workshop: "2027-02-17", followup: "2027-08-18")
        }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r9, municipalities: ["kassel"])
    }

    @Test func aConfirmedBookingReStaffed() {
        let plan = F.plan(changing: "kassel") { $0.trainers = ["mueller", "yilmaz"] }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r9, municipalities: ["kassel"])
    }

    @Test func aConfirmedBookingDropped() {
        var plan = F.validPlan()
        plan.packages.removeAll { $0.municipality == "kassel" }
        plan = F.repriced(plan, in: F.scenario())
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r9, municipalities: ["kassel"])
    }

    @Test func aPackagePinnedWithoutABooking() {
        let plan = F.plan(changing: "guetersloh") { $0.pinned = true }
        F.expectOnly(PlanChecker(scenario: F.scenario()).check(plan), rule: .r9, municipalities: ["guetersloh"])
    }
}
