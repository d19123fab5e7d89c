/// Diagnoses every request a plan leaves out: structural when it has no candidate at all,
/// capacity when it lost the competition for the trainers in that plan.
public struct UnscheduledDiagnoser: Sendable {
    public let planner: Planner

    public init(planner: Planner) { self.planner = planner }

    /// Why request `m` has no package among `choices` (the plan's new packages).
    public func diagnose(_ m: Int, choices: [PackageChoice]) -> Diagnosis {
        diagnose(m, choices: choices, occupancy: nil, structural: nil)
    }

    /// `occupancy`, `structural`: what `choices` take of each trainer and the diagnoser of
    /// requests without candidates, when already made (they are the same for every request).
    private func diagnose(_ m: Int, choices: [PackageChoice], occupancy: CapacityDiagnoser.Occupancy?,
                          structural: StructuralDiagnoser?) -> Diagnosis {
        let scenario = planner.scenario
        let request = scenario.requests[m]
        if scenario.bookings.contains(where: { $0.municipality == request.id }) {
            return Diagnosis(request: m, municipality: request.id, name: request.name, kind: .booked, blockers: [])
        }
        if choices.contains(where: { $0.request == m }) {
            return Diagnosis(request: m, municipality: request.id, name: request.name, kind: .scheduled, blockers: [])
        }
        let candidates = planner.candidates[m]
        if candidates.options.isEmpty {
            return (structural ?? StructuralDiagnoser(scenario: scenario, calendar: planner.calendar, commitments: planner.commitments))
                .diagnose(m)
        }
        let occupancy = occupancy ?? CapacityDiagnoser.Occupancy(scenario: scenario, commitments: planner.commitments, choices: choices)
        return CapacityDiagnoser(scenario: scenario, candidates: candidates, occupancy: occupancy).diagnose(m)
    }

    /// The diagnoses of every unscheduled request, in the scenario's order.
    public func diagnoseAll(choices: [PackageChoice]) -> [Diagnosis] {
        let occupancy = CapacityDiagnoser.Occupancy(scenario: planner.scenario, commitments: planner.commitments, choices: choices)
        let structural = StructuralDiagnoser(scenario: planner.scenario, calendar: planner.calendar, commitments: planner.commitments)
        let served = Set(choices.map(\.request))
        // Each request's diagnosis depends on it alone: spread over the cores (after Ctrl-C at the
        // largest sizes this is most of the time before the plan is written).
        return planner.scenario.requests.indices.filter { !served.contains($0) }
            .parallelMap { diagnose($0, choices: choices, occupancy: occupancy, structural: structural) }
            .filter { $0.kind == .structural || $0.kind == .capacity }
    }

    /// The new (not pinned) packages of a plan as choices of this scenario's requests; packages of
    /// municipalities the scenario does not request are left out.
    public static func choices(from plan: Plan, scenario: Scenario) -> [PackageChoice] {
        let index = Dictionary(scenario.requests.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return plan.packages.compactMap { package in
            guard !package.pinned, let m = index[package.municipality], package.trainers.count == 2, package.workshop.count == 2,
                  let pair = TrainerPair(package.trainers[0], package.trainers[1]) else { return nil }
            return PackageChoice(request: m, pair: pair, preparation: package.preparation, workshop: package.workshop[0],
                                 followup: package.followup)
        }
    }
}
