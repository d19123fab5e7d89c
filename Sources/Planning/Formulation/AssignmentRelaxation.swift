import Optimization

/// A pair-level relaxation: which pair serves which request, with the dates relaxed to each
/// trainer's total of free days. Its LP value is a lower bound on every plan, and it stays
/// small (one column per request and candidate pair) when the time-indexed `TimeIndexedModel`
/// would carry millions of columns.
///
/// Columns: `y[m,p]` at the pair's cost plus the least gap penalties (and moves) any of its
/// workshop days allows, `other` for pairs the candidates left out (`OmittedPairs`), `u[m]`. Rows:
/// - R1 `assign[m]`: Σ y + other + u = 1;
/// - R7 `packages[t]`: Σ y over t's pairs ≤ max_packages − confirmed;
/// - R5/R7 `days[t]`: 4 Σ y ≤ t's free weekdays over the planning span, each month counting at
///   most `max_days_per_month` − confirmed days (a package takes four event days);
/// - the max-load term as in `PackageModel`.
/// Every plan is an integral point of it (its pair's column at 1), so the columns are binary: the
/// planner's branch and cut on this small model gives a bound that also sees which requests the
/// caps leave out (the LP alone serves halves of requests when caps run short).
public struct AssignmentRelaxation: Sendable {
    public private(set) var model = Model()
    /// Every pair column: request index, pair, column.
    public private(set) var pairColumns: [(request: Int, pair: TrainerPair, column: VariableRef)] = []
    /// Per request, the `other` columns standing for the pairs the candidates left out.
    public private(set) var omittedPairColumns: [Int: [VariableRef]] = [:]

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                previous: PreviousPlacements? = nil) {
        let weights = scenario.weights, costs = CostModel(scenario: scenario)
        var packages: [String: LinearExpression] = [:]
        var first = scenario.planningStart, last = scenario.horizon.upperBound
        var omitted = OmittedPairs(candidates)
        var served = LinearExpression()

        // A request served by a confirmed booking is not planned and costs nothing.
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, candidate) in candidates.enumerated() where !(candidate.options.isEmpty && booked.contains(candidate.request.id)) {
            let request = candidate.request
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            var assign = LinearExpression([.init(model.addBinary("u[\(request.id)]",
                                                                 objective: request.priority * weights.unscheduledEur + dropped), 1)])
            for option in candidate.options {
                let pairCost = costs.pairCost(option)
                var least = Double.infinity
                for workshop in option.workshops {
                    let w = workshop.day
                    let moved: Double = weights.moveEur * Double(previous?.leastMovedEvents(m, pair: option.pair, workshop: workshop) ?? 0)
                    least = min(least, costs.gapPenalty(workshop.preparations[0], w, workshop.followups[0]) + moved)
                }
                if !least.isFinite { least = 0 }
                let y = model.addBinary("y[\(request.id),\(option.pair)]", objective: pairCost + least)
                assign.add(y)
                served.add(y)
                pairColumns.append((m, option.pair, y))
                for trainer in option.pair.ids { packages[trainer, default: []].add(y) }
                if let p = option.preparationDays.first { first = min(first, p) }
                if let f = option.followupDays.last { last = max(last, f) }
            }
            omitted.add(candidate, request: m, to: &model, assign: &assign, weights: weights, previous: previous) { trainer, column in
                packages[trainer, default: []].add(column)
            }
            for column in omitted.columns[m] ?? [] { served.add(column) }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        omittedPairColumns = omitted.columns
        OmittedPairs.addTotalRow(to: &model, served: served, scenario: scenario, commitments: commitments)
        // Columns of left-out pairs have no known days: their events may fall anywhere in the event span.
        let span = omitted.columns.isEmpty ? first...last : OmittedPairs.eventSpan(scenario)
        for trainer in scenario.trainers {
            guard let row = packages[trainer.id], !row.terms.isEmpty else { continue }
            if let cap = trainer.maxPackages {
                let pinned = Double(commitments.pinnedPackages[trainer.id] ?? 0)
                model.addConstraint("R7.packages[\(trainer.id)]", row, upper: max(0, Double(cap) - pinned))
            }
            var days = LinearExpression()
            days.add(row, times: 4)
            model.addConstraint("R5.days[\(trainer.id)]", days, upper: Double(Self.freeDays(trainer, span, commitments)))
        }

        if weights.maxLoadEur > 0 {
            // A finite bound (no trainer holds more packages than requests and bookings) keeps `DualBound` finite.
            let most = Double(scenario.requests.count + (commitments.pinnedPackages.values.max() ?? 0))
            let load = model.addVariable("L", upper: most, objective: weights.maxLoadEur)
            for trainer in scenario.trainers {
                var row = packages[trainer.id] ?? []
                row.add(load, -1)
                model.addConstraint("obj.load[\(trainer.id)]", row, upper: -Double(commitments.pinnedPackages[trainer.id] ?? 0))
            }
        }
    }

    /// Weekdays in `span` on which `trainer` is free, each month capped at what `max_days_per_month`
    /// leaves after confirmed bookings: no plan can give the trainer more event days.
    static func freeDays(_ trainer: Trainer, _ span: ClosedRange<Day>, _ commitments: TrainerCommitments) -> Int {
        var perMonth: [Int: Int] = [:]
        for day in span where !day.isWeekend && commitments.isFree(trainer.id, on: day) {
            perMonth[day.monthKey, default: 0] += 1
        }
        guard let cap = trainer.maxDaysPerMonth else { return perMonth.values.reduce(0, +) }
        return perMonth.reduce(0) { sum, entry in
            sum + min(entry.value, max(0, cap - (commitments.pinnedDaysPerMonth[trainer.id]?[entry.key] ?? 0)))
        }
    }
}
