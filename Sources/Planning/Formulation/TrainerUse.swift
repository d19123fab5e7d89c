import Optimization

/// What the columns of a model take from each trainer, and the rows that limit it: R5 (one event
/// per trainer and day, as clique rows), R7 (packages in the horizon, event days per month, after
/// what confirmed bookings use) and the max-load term. Shared by `PackageModel` and
/// `TimeIndexedModel`, so both state the rules in the same words.
struct TrainerUse {
    private var days: [String: [Int: LinearExpression]] = [:]
    private var packages: [String: LinearExpression] = [:]
    private var months: [String: [Int: LinearExpression]] = [:]

    /// `column` occupies `trainer` on `day` (one event day).
    mutating func occupy(_ trainer: String, _ day: Day, _ column: VariableRef) {
        days[trainer, default: [:]][day.ordinal, default: []].add(column)
        months[trainer, default: [:]][day.monthKey, default: []].add(column)
    }

    /// `column` is one package of `trainer` with its workshop in the horizon.
    mutating func countPackage(_ trainer: String, _ column: VariableRef) {
        packages[trainer, default: []].add(column)
    }

    /// R5/R7 in total, for `trainers` that hold columns without event days (`OmittedPairs`):
    /// four event days per package, at most the trainer's free days over the event span.
    func addEventDayTotals(to model: inout Model, trainers: Set<String>, scenario: Scenario, commitments: TrainerCommitments) {
        for trainer in scenario.trainers where trainers.contains(trainer.id) {
            guard let row = packages[trainer.id] else { continue }
            var days = LinearExpression()
            days.add(row, times: 4)
            let free = AssignmentRelaxation.freeDays(trainer, OmittedPairs.eventSpan(scenario), commitments)
            model.addConstraint("R5.total[\(trainer.id)]", days, upper: Double(free))
        }
    }

    /// Where the rows that `addRows` added are, by trainer, so a package that is not a column yet
    /// can be priced against them (`PackagePricing`). A row left out (it could never bind) has no entry.
    struct Rows: Sendable {
        /// Trainer → day ordinal → R5 row.
        var day: [String: [Int: Int]] = [:]
        /// Trainer → R7 packages row.
        var packages: [String: Int] = [:]
        /// Trainer → month key → R7 month row.
        var month: [String: [Int: Int]] = [:]
        /// Trainer → max-load row.
        var load: [String: Int] = [:]
        /// The aggregate R7 row over every package (`OmittedPairs.addTotalRow`), when it can bind.
        var total: Int?
    }

    /// Adds the R5 and R7 rows and, when `max_load_eur` is positive, the load variable L (returned).
    @discardableResult
    func addRows(to model: inout Model, scenario: Scenario, commitments: TrainerCommitments) -> VariableRef? {
        var rows = Rows()
        return addRows(to: &model, scenario: scenario, commitments: commitments, rows: &rows)
    }

    /// The same, telling where each row went.
    func addRows(to model: inout Model, scenario: Scenario, commitments: TrainerCommitments, rows: inout Rows) -> VariableRef? {
        for trainer in scenario.trainers {
            for (day, expression) in (days[trainer.id] ?? [:]).sorted(by: { $0.key < $1.key }) where expression.terms.count > 1 {
                rows.day[trainer.id, default: [:]][day] = model.constraints.count
                model.addConstraint("R5.day[\(trainer.id),\(Day(ordinal: day).iso)]", expression, upper: 1)
            }
        }
        for trainer in scenario.trainers {
            if let cap = trainer.maxPackages, let row = packages[trainer.id], !row.terms.isEmpty {
                let pinned = Double(commitments.pinnedPackages[trainer.id] ?? 0)
                rows.packages[trainer.id] = model.constraints.count
                model.addConstraint("R7.packages[\(trainer.id)]", row, upper: max(0, Double(cap) - pinned))
            }
            guard let cap = trainer.maxDaysPerMonth else { continue }
            for (month, expression) in (months[trainer.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let limit = max(0, Double(cap) - Double(commitments.pinnedDaysPerMonth[trainer.id]?[month] ?? 0))
                let merged = expression.merged()
                // A row that can never bind is left out (a column counts once per day it occupies).
                if merged.terms.reduce(0, { $0 + $1.coefficient }) > limit {
                    rows.month[trainer.id, default: [:]][month] = model.constraints.count
                    model.addConstraint("R7.month[\(trainer.id),\(month / 12)-\(month % 12 + 1)]", merged, upper: limit)
                }
            }
        }
        guard scenario.weights.maxLoadEur > 0 else { return nil }
        // No trainer can hold more packages than there are requests and bookings (a finite bound keeps `DualBound` finite).
        let most = Double(scenario.requests.count + (commitments.pinnedPackages.values.max() ?? 0))
        let load = model.addVariable("L", upper: most, objective: scenario.weights.maxLoadEur)
        for trainer in scenario.trainers {
            var row = packages[trainer.id] ?? []
            row.add(load, -1)
            rows.load[trainer.id] = model.constraints.count
            model.addConstraint("obj.load[\(trainer.id)]", row, upper: -Double(commitments.pinnedPackages[trainer.id] ?? 0))
        }
        return load
    }
}
