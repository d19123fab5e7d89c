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
/// otherwise the planner proves its bound with `RelaxationModel`, which keeps every date.
public struct PackageModel: Sendable {
    public private(set) var model = Model()
    public let candidates: [RequestCandidates]
    /// The package each column stands for, by column index (nil for u and L).
    public private(set) var columnChoices: [PackageChoice?] = []
    public private(set) var unscheduled: [VariableRef] = []
    public private(set) var maxLoad: VariableRef?
    /// True when no candidate date was left out: the model's own bound is then a bound of the problem.
    public private(set) var isExact = true

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                shape: DateShape = .exact, selection: ColumnSelection? = nil) {
        self.candidates = candidates
        let selection = selection ?? .all(candidates)
        isExact = !selection.isPruned
        let rules = scenario.rules, weights = scenario.weights
        var trainerDay: [String: [Int: LinearExpression]] = [:]
        var trainerPackages: [String: LinearExpression] = [:]
        var trainerMonth: [String: [Int: LinearExpression]] = [:]

        func add(_ name: String, _ choice: PackageChoice?, objective: Double, binary: Bool) -> VariableRef {
            let v = binary ? model.addBinary(name, objective: objective) : model.addVariable(name, lower: 0, upper: 1, objective: objective)
            columnChoices.append(choice)
            return v
        }

        for (m, candidate) in candidates.enumerated() {
            let request = candidate.request
            let u = add("u[\(request.id)]", nil, objective: request.priority * weights.unscheduledEur, binary: false)
            unscheduled.append(u)
            var assign = LinearExpression([.init(u, 1)])
            for option in candidate.options {
                let pairCost = option.travelCost - (option.isPreferred ? weights.preferredPairEur : 0)
                for workshop in option.workshops where selection.keeps(request: m, pair: option.pair, day: workshop.day) {
                    let w = workshop.day
                    if !shape.coversAll(workshop.preparations.count, workshop.followups.count) { isExact = false }
                    for (i, p) in workshop.preparations.enumerated() {
                        for (j, f) in workshop.followups.enumerated() where shape.includes(i, j) {
                            let choice = PackageChoice(request: m, pair: option.pair, preparation: p, workshop: w, followup: f)
                            let cost = pairCost
                                + weights.prepGapEur * Double(abs(p.distance(to: w) - rules.prepGap.target))
                                + weights.followupGapEur * Double(abs(w.distance(to: f) - rules.followupGap.target))
                            let x = add("x[\(request.id),\(option.pair),\(p.iso),\(w.iso),\(f.iso)]", choice, objective: cost, binary: true)
                            assign.add(x)
                            for trainer in option.pair.ids {
                                trainerPackages[trainer, default: []].add(x)
                                for day in choice.eventDays {
                                    trainerDay[trainer, default: [:]][day.ordinal, default: []].add(x)
                                    trainerMonth[trainer, default: [:]][day.monthKey, default: []].add(x)
                                }
                            }
                        }
                    }
                }
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        // R5: at most one event per trainer and day (clique rows, which GLPK's clique cuts and
        // heuristics exploit; an aggregated form with day-use variables measured far slower).
        for trainer in scenario.trainers.map(\.id) {
            for (day, expression) in (trainerDay[trainer] ?? [:]).sorted(by: { $0.key < $1.key }) where expression.terms.count > 1 {
                model.addConstraint("R5.day[\(trainer),\(Day(ordinal: day).iso)]", expression, upper: 1)
            }
        }
        addLoadRows(scenario: scenario, commitments: commitments, packages: trainerPackages, months: trainerMonth)
    }

    /// R7 caps and the max-load objective term, shared in shape with `RelaxationModel`.
    private mutating func addLoadRows(scenario: Scenario, commitments: TrainerCommitments,
                                      packages: [String: LinearExpression], months: [String: [Int: LinearExpression]]) {
        for trainer in scenario.trainers {
            if let cap = trainer.maxPackages, let row = packages[trainer.id], !row.terms.isEmpty {
                let pinned = Double(commitments.pinnedPackages[trainer.id] ?? 0)
                model.addConstraint("R7.packages[\(trainer.id)]", row, upper: max(0, Double(cap) - pinned))
            }
            if let cap = trainer.maxDaysPerMonth {
                for (month, expression) in (months[trainer.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let used = Double(commitments.pinnedDaysPerMonth[trainer.id]?[month] ?? 0)
                    let limit = max(0, Double(cap) - used)
                    let merged = expression.merged()
                    // A row that can never bind is left out (each column counts once per day it occupies).
                    if merged.terms.reduce(0, { $0 + $1.coefficient }) > limit {
                        model.addConstraint("R7.month[\(trainer.id),\(month / 12)-\(month % 12 + 1)]", merged, upper: limit)
                    }
                }
            }
        }
        if scenario.weights.maxLoadEur > 0 {
            let load = model.addVariable("L", objective: scenario.weights.maxLoadEur)
            columnChoices.append(nil)
            maxLoad = load
            for trainer in scenario.trainers {
                var row = packages[trainer.id] ?? []
                row.add(load, -1)
                model.addConstraint("obj.load[\(trainer.id)]", row, upper: -Double(commitments.pinnedPackages[trainer.id] ?? 0))
            }
        }
    }
}
