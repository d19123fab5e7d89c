import GLPKBackend
import Planning
import Testing

/// Small 2027 Q1 scenarios in which one request is left out for one kind of reason.
enum ExplainFixture {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let koeln = Coordinate(lat: 50.94, lon: 6.96)
    static let berlin = Coordinate(lat: 52.52, lon: 13.40)
    static let muenchen = Coordinate(lat: 48.14, lon: 11.58)

    /// Three trainers (a Köln, b Berlin, c München), no caps, horizon 2027 Q1.
    static func scenario(requests: [Request]) -> Scenario {
        let trainers = [
            Trainer(id: "a", name: "Anna A", home: koeln),
            Trainer(id: "b", name: "Bert B", home: berlin),
            Trainer(id: "c", name: "Cleo C", home: muenchen),
        ]
        var scenario = Scenario(name: "explain test", planningStart: day("2026-12-01"),
                                horizon: day("2027-01-01")...day("2027-03-31"), trainers: trainers, requests: requests)
        scenario.solver.timeLimitSeconds = 10
        return scenario
    }

    static func request(_ id: String, state: GermanState = .NW, at location: Coordinate = Coordinate(lat: 51.9069, lon: 8.3785),
                        earliest: String? = nil, latest: String? = nil, requires: [String] = []) -> Request {
        Request(id: id, name: "Stadt \(id)", state: state, location: location, participants: 20,
                earliest: earliest.map(day), latest: latest.map(day), requires: requires)
    }

    /// Solves, and diagnoses request `id` against the plan.
    static func explain(_ scenario: Scenario, _ id: String) throws -> (plan: Plan, diagnosis: Diagnosis) {
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(using: GLPKSolver())
        let m = scenario.requests.firstIndex { $0.id == id }!
        let diagnosis = UnscheduledDiagnoser(planner: planner).diagnose(m, choices: UnscheduledDiagnoser.choices(from: plan, scenario: scenario))
        return (plan, diagnosis)
    }

    /// The what-if search's options, each re-solved.
    static func options(_ scenario: Scenario, _ plan: Plan, _ diagnosis: Diagnosis, maxResolves: Int = 6) throws -> [WhatIfOutcome] {
        try WhatIfSearch(scenario: scenario, base: plan, solver: GLPKSolver(), timeLimitSeconds: 10, maxResolves: maxResolves).run(diagnosis)
    }

    /// Applies `relaxation`, solves again from scratch and expects the request served by a plan
    /// that the independent checker accepts against the relaxed scenario.
    static func expectServes(_ relaxation: Relaxation, _ scenario: Scenario, _ id: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let m = scenario.requests.firstIndex { $0.id == id }!
        let relaxed = relaxation.applied(to: scenario, request: m)
        let plan = try Planner(scenario: relaxed).plan(using: GLPKSolver())
        #expect(plan.packages.contains { $0.municipality == id }, "\(relaxation) does not serve \(id)", sourceLocation: sourceLocation)
        let violations = PlanChecker(scenario: relaxed).check(plan)
        #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
    }
}
