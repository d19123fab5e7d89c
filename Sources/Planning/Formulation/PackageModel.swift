import Optimization

/// The mixed-integer program that plans: one binary column per complete package.
///
/// A column is a request m, an allowed pair p, a workshop start W and one of the best preparation
/// days P and follow-up days F for that W (`FormulationOptions`); its cost is the pair's travel,
/// minus the preferred-pair bonus, plus both gap penalties, all exact. Rows, named by rule:
/// - R1 `assign[m]`: Σ columns of m + u[m] = 1 (one pair runs all three events by construction);
/// - R5 `day[t,d]`: one clique row per trainer and day over every column that occupies t on d;
/// - R7 `packages[t]`, `month[t,k]`: caps, after what confirmed bookings already use;
/// - R2, R3, R4, R6, R8, R9 hold by construction: only allowed dates become columns.
///
/// Set-packing with clique rows is what branch-and-cut handles best: the LP is tight and GLPK's
/// heuristics find plans. The price is that a column fixes P and F among a few alternatives, so
/// the model is exact only when every W has no more alternatives than it carries (`isExact`);
/// otherwise the planner proves its bound with `TimeIndexedModel`, which keeps every date.
public struct PackageModel: Sendable {
    public private(set) var model = Model()
    public let candidates: [RequestCandidates]
    /// The package each column stands for, by column index (nil for u and L).
    public private(set) var columnChoices: [PackageChoice?] = []
    public private(set) var unscheduled: [VariableRef] = []
    public private(set) var maxLoad: VariableRef?
    /// True when no candidate date was left out: the model's own bound is then a bound of the problem.
    public private(set) var isExact = true

    /// `admits`, when given, drops combinations (W, P, F) that fail it (see `ReducedCostFixing`).
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                shape: DateShape = .exact, selection: ColumnSelection? = nil, previous: PreviousPlacements? = nil,
                admits: ((PackageChoice) -> Bool)? = nil) {
        self.candidates = candidates
        let selection = selection ?? .all(candidates)
        isExact = !selection.isPruned && candidates.allSatisfy { $0.leastOmittedPairCost == nil }
        let weights = scenario.weights, costs = CostModel(scenario: scenario)
        var use = TrainerUse()

        func add(_ name: String, _ choice: PackageChoice?, objective: Double, binary: Bool) -> VariableRef {
            let v = binary ? model.addBinary(name, objective: objective) : model.addVariable(name, lower: 0, upper: 1, objective: objective)
            columnChoices.append(choice)
            return v
        }

        for (m, candidate) in candidates.enumerated() {
            let request = candidate.request
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            let u = add("u[\(request.id)]", nil, objective: request.priority * weights.unscheduledEur + dropped, binary: false)
            unscheduled.append(u)
            var assign = LinearExpression([.init(u, 1)])
            for option in candidate.options {
                for workshop in option.workshops where selection.keeps(request: m, pair: option.pair, day: workshop.day) {
                    let w = workshop.day
                    if !shape.coversAll(workshop.preparations.count, workshop.followups.count) { isExact = false }
                    for (i, p) in workshop.preparations.enumerated() {
                        for (j, f) in workshop.followups.enumerated() where shape.includes(i, j) {
                            let choice = PackageChoice(request: m, pair: option.pair, preparation: p, workshop: w, followup: f)
                            if let admits, !admits(choice) { isExact = false; continue }
                            let cost = costs.packageCost(option, p, w, f)
                                + weights.moveEur * Double(previous?.movedEvents(m, choice) ?? 0)
                            let x = add("x[\(request.id),\(option.pair),\(p.iso),\(w.iso),\(f.iso)]", choice, objective: cost, binary: true)
                            assign.add(x)
                            for trainer in option.pair.ids {
                                use.countPackage(trainer, x)
                                for day in choice.eventDays { use.occupy(trainer, day, x) }
                            }
                        }
                    }
                }
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        // R5 and R7 (clique rows per trainer and day, which GLPK's clique cuts and heuristics
        // exploit; an aggregated form with day-use variables measured far slower).
        maxLoad = use.addRows(to: &model, scenario: scenario, commitments: commitments)
        if maxLoad != nil { columnChoices.append(nil) }
    }
}
