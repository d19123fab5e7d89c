import Testing
@testable import Planning

/// Issue 15.7, probed again: `ics` and `roster` publish the organizer, the times and the
/// trainers' names from plan.json; edited there, they passed `check`.
@Suite struct CheckPublicationTests {
    typealias F = CheckFixture

    @Test func theScenariosOwnCalendarSettingsPass() {
        var plan = F.validPlan()
        plan.calendar = PlanCalendarSettings(F.scenario().calendar)
        plan.trainers = F.scenario().trainers.map { PlanTrainer(id: $0.id, name: $0.name) }
        #expect(PlanChecker(scenario: F.scenario()).check(plan) == [])
    }

    @Test func anEditedOrganizerTimesOrTrainerNameIsReported() {
        var settings = PlanCalendarSettings(F.scenario().calendar)
        settings.organizerEmail = "replies@elsewhere.example"
        settings.workshop = ["06:00", "23:00"]
        var plan = F.validPlan()
        plan.calendar = settings
        plan.trainers = F.scenario().trainers.map { PlanTrainer(id: $0.id, name: $0.id == "mueller" ? "Mallory" : $0.name) }
        let found = PlanChecker(scenario: F.scenario()).check(plan)
        #expect(found.count == 3, "\(found)")
        #expect(found.allSatisfy { $0.rule == .coverage && $0.municipality == nil })
        #expect(found.contains { $0.message.contains("replies@elsewhere.example") })
        #expect(found.contains { $0.message.contains("'Mallory'") })
    }
}
