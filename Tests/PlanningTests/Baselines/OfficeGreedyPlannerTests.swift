import Planning
import Testing

/// The office's hand-made plan: arrival order, cheapest pair with room, earliest workshop day,
/// meetings at their targets.
@Suite struct OfficeGreedyPlannerTests {
    let koeln = Coordinate(lat: 50.93333, lon: 6.95)

    func scenario(capOfA: Int?) -> Scenario {
        let trainers = [
            Trainer(id: "a", name: "A", home: koeln, maxPackages: capOfA),
            Trainer(id: "b", name: "B", home: Coordinate(lat: 50.73438, lon: 7.09549)),   // Bonn
            Trainer(id: "c", name: "C", home: Coordinate(lat: 48.13743, lon: 11.57549)),  // München
        ]
        let requests = ["first", "second"].map {
            Request(id: $0, name: $0, state: .NW, location: koeln, participants: 20)
        }
        return Scenario(name: "office", planningStart: Day(iso: "2027-01-01")!,
                        horizon: Day(iso: "2027-03-01")!...Day(iso: "2027-03-31")!, trainers: trainers, requests: requests)
    }

    @Test func takesTheCheapestPairAndTheEarliestDaysInArrivalOrder() throws {
        let plan = Planner(scenario: scenario(capOfA: nil)).officeBaselinePlan()
        #expect(plan.solver.name == "greedy" && plan.solver.status == .feasible && plan.solver.bound == nil)
        let byID = Dictionary(uniqueKeysWithValues: plan.packages.map { ($0.municipality, $0) })
        let first = try #require(byID["first"]), second = try #require(byID["second"])
        // 2027-03-01 is a Monday: the first request gets it, 28 days of preparation and 182 of follow-up exactly.
        #expect(first.trainers == ["a", "b"])
        #expect(first.workshop.first == Day(iso: "2027-03-01"))
        #expect(first.preparation == Day(iso: "2027-02-01") && first.followup == Day(iso: "2027-08-30"))
        // The same pair is still the cheapest; its next free two days are Wednesday and Thursday.
        #expect(second.trainers == ["a", "b"])
        #expect(second.workshop.first == Day(iso: "2027-03-03"))
        #expect(second.preparation == Day(iso: "2027-02-03") && second.followup == Day(iso: "2027-09-01"))
        #expect(PlanChecker(scenario: scenario(capOfA: nil)).check(plan).isEmpty)
    }

    @Test func movesToTheNextCheapestPairWhenACapIsReached() throws {
        let s = scenario(capOfA: 1)
        let plan = Planner(scenario: s).officeBaselinePlan()
        let byID = Dictionary(uniqueKeysWithValues: plan.packages.map { ($0.municipality, $0) })
        #expect(byID["first"]?.trainers == ["a", "b"])
        // a is full; b+c is the cheapest pair left, and b is busy on the first two days.
        #expect(byID["second"]?.trainers == ["b", "c"])
        #expect(byID["second"]?.workshop.first == Day(iso: "2027-03-03"))
        #expect(PlanChecker(scenario: s).check(plan).isEmpty)
    }
}
