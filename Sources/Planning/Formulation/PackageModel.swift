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

    /// Per request, the index of its R1 assign row (for pricing packages that are not columns).
    public private(set) var assignRows: [Int] = []
    /// Where the R5/R7 rows are (`PackagePricing`).
    private(set) var trainerRows = TrainerUse.Rows()

    /// `admits`, when given, drops combinations (W, P, F) that fail it (see `ReducedCostFixing`).
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                shape: DateShape = .exact, selection: ColumnSelection? = nil, previous: PreviousPlacements? = nil,
                admits: ((PackageChoice) -> Bool)? = nil) {
        self.candidates = candidates
        let selection = selection ?? .all(candidates)
        isExact = !selection.isPruned && candidates.allSatisfy { $0.leastOmittedPairCost == nil }
        var builder = Builder(scenario: scenario, previous: previous)
        for (m, candidate) in candidates.enumerated() {
            var assign = builder.addUnscheduled(m, candidate.request, to: &self)
            for option in candidate.options {
                for workshop in option.workshops where selection.keeps(request: m, pair: option.pair, day: workshop.day) {
                    if !shape.coversAll(workshop.preparations.count, workshop.followups.count) { isExact = false }
                    for (i, p) in workshop.preparations.enumerated() {
                        for (j, f) in workshop.followups.enumerated() where shape.includes(i, j) {
                            let choice = PackageChoice(request: m, pair: option.pair, preparation: p, workshop: workshop.day, followup: f)
                            if let admits, !admits(choice) { isExact = false; continue }
                            assign.add(builder.addPackage(choice, option, to: &self))
                        }
                    }
                }
            }
            addAssignRow(candidate.request, assign)
        }
        addTrainerRows(builder, scenario: scenario, commitments: commitments)
    }

    /// The model over exactly `packages` (each of an allowed pair among its request's candidates):
    /// for column generation (`PackagePricing`), where the columns come from pricing, not from a
    /// selection of dates. Never exact: it holds some packages only.
    ///
    /// `omittedPairs` adds the relaxed columns of the pairs the candidates left out (`OmittedPairs`:
    /// a package of both trainers without event days). Only for the LP of column generation: no
    /// pricing brings such packages in, so without them their prices would never settle and the
    /// bound would stay far below the LP's. A plan read from the model never uses them.
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                packages: [PackageChoice], previous: PreviousPlacements?, omittedPairs: Bool = false) {
        self.candidates = candidates
        isExact = false
        var builder = Builder(scenario: scenario, previous: previous)
        var omitted = OmittedPairs(candidates)
        var requestsWithOmittedPairs = Set<Int>()
        let byRequest = Dictionary(grouping: Set(packages), by: \.request)
        for (m, candidate) in candidates.enumerated() {
            var assign = builder.addUnscheduled(m, candidate.request, to: &self)
            let options = Dictionary(candidate.options.map { ($0.pair, $0) }, uniquingKeysWith: { a, _ in a })
            for choice in (byRequest[m] ?? []).sorted(by: { ($0.pair, $0.workshop, $0.preparation, $0.followup) < ($1.pair, $1.workshop, $1.preparation, $1.followup) }) {
                guard let option = options[choice.pair] else { continue }
                assign.add(builder.addPackage(choice, option, to: &self))
            }
            if omittedPairs {
                omitted.add(candidate, request: m, to: &model, assign: &assign, weights: scenario.weights, previous: previous) { trainer, column in
                    builder.use.countPackage(trainer, column)
                }
                for column in omitted.columns[m] ?? [] {
                    columnChoices.append(nil)
                    builder.served.add(column)
                    requestsWithOmittedPairs.insert(m)
                }
            }
            addAssignRow(candidate.request, assign)
        }
        addTrainerRows(builder, scenario: scenario, commitments: commitments, alsoServing: requestsWithOmittedPairs)
    }

    private mutating func addAssignRow(_ request: Request, _ assign: LinearExpression) {
        assignRows.append(model.constraints.count)
        model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
    }

    // R5 and R7 (clique rows per trainer and day, which GLPK's clique cuts and heuristics
    // exploit; an aggregated form with day-use variables measured far slower).
    /// `alsoServing`: requests with columns that stand for no package (`OmittedPairs`), for the aggregate row.
    private mutating func addTrainerRows(_ builder: Builder, scenario: Scenario, commitments: TrainerCommitments,
                                         alsoServing: Set<Int> = []) {
        var rows = TrainerUse.Rows()
        maxLoad = builder.use.addRows(to: &model, scenario: scenario, commitments: commitments, rows: &rows)
        if maxLoad != nil { columnChoices.append(nil) }
        // R7 in total, only where it can bind: fewer packages than requests with columns. Where
        // requests outnumber what the caps serve, the LP otherwise serves half a request more
        // whenever the caps add up to an odd number (2.5 of 3 left-out requests: 7 % below the optimum).
        let requestsWithColumns = Set(columnChoices.compactMap { $0?.request }).union(alsoServing).count
        if OmittedPairs.totalPackages(scenario, commitments) / 2 < requestsWithColumns {
            rows.total = model.constraints.count
            OmittedPairs.addTotalRow(to: &model, served: builder.served, scenario: scenario, commitments: commitments)
        }
        trainerRows = rows
    }

    /// Adds the columns, with their costs, and counts what they take of each trainer.
    private struct Builder {
        let weights: Weights
        let costs: CostModel
        let previous: PreviousPlacements?
        var use = TrainerUse()
        /// Every package column, for the aggregate R7 row.
        var served = LinearExpression()

        init(scenario: Scenario, previous: PreviousPlacements?) {
            weights = scenario.weights
            costs = CostModel(scenario: scenario)
            self.previous = previous
        }

        /// u[m], which also pays for dropping a package of the previous plan; the start of m's assign row.
        func addUnscheduled(_ m: Int, _ request: Request, to package: inout PackageModel) -> LinearExpression {
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            let u = package.model.addVariable("u[\(request.id)]", lower: 0, upper: 1, objective: request.priority * weights.unscheduledEur + dropped)
            package.columnChoices.append(nil)
            package.unscheduled.append(u)
            return LinearExpression([.init(u, 1)])
        }

        mutating func addPackage(_ choice: PackageChoice, _ option: PairOption, to package: inout PackageModel) -> VariableRef {
            let cost = costs.packageCost(option, choice.preparation, choice.workshop, choice.followup)
                + weights.moveEur * Double(previous?.movedEvents(choice.request, choice) ?? 0)
            let id = package.candidates[choice.request].request.id
            let x = package.model.addBinary("x[\(id),\(option.pair),\(choice.preparation.iso),\(choice.workshop.iso),\(choice.followup.iso)]",
                                            objective: cost)
            package.columnChoices.append(choice)
            served.add(x)
            for trainer in option.pair.ids {
                use.countPackage(trainer, x)
                for day in choice.eventDays { use.occupy(trainer, day, x) }
            }
            return x
        }
    }
}
