import Optimization

/// The cheap step of `wsplan recruit`: the pair-level relaxation (`AssignmentRelaxation`) of the
/// scenario with one hypothetical trainer added, whose LP value bounds every re-plan with that
/// trainer from below.
///
/// The candidates of the existing pairs are those of the base planner, listed once; for each
/// home only the new trainer's pairs are listed (every existing pair is forbidden in the copy
/// the builder sees), so screening thirty homes costs little more than listing one scenario's
/// candidates. Uses only `AssignmentRelaxation`'s public init and model.
struct RecruitmentScreening {
    let scenario: Scenario
    let planner: Planner
    private let existingPairs: Set<TrainerPair>

    init(scenario: Scenario, base: Plan) {
        self.scenario = scenario
        planner = Planner(scenario: scenario, previous: base)
        var pairs = scenario.forbiddenPairs
        for (i, a) in scenario.trainers.enumerated() {
            for b in scenario.trainers[(i + 1)...] { if let pair = TrainerPair(a.id, b.id) { pairs.insert(pair) } }
        }
        existingPairs = pairs
    }

    /// The relaxation's model with `trainer` (a new id, free every day) added to the pool.
    func model(adding trainer: Trainer) -> Model {
        let added = HypotheticalTrainer.adding(trainer, to: scenario)
        var onlyNewPairs = added
        onlyNewPairs.forbiddenPairs = existingPairs
        let builder = CandidateBuilder(scenario: onlyNewPairs, calendar: planner.calendar, commitments: planner.commitments,
                                       workshopBudget: planner.options.workshopBudget)
        let booked = Set(scenario.bookings.map(\.municipality))
        let candidates = planner.candidates.map { existing in
            guard !booked.contains(existing.request.id) else { return existing }
            var merged = existing
            merged.options += builder.candidates(for: existing.request).options
            merged.options.sort { ($0.travelCost, $0.pair) < ($1.travelCost, $1.pair) }
            return merged
        }
        // The new trainer has no unavailable days and no bookings: the base commitments hold for it too.
        return AssignmentRelaxation(scenario: added, candidates: candidates, commitments: planner.commitments,
                                    previous: planner.previous).model
    }
}
