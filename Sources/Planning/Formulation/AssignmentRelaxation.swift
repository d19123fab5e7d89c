import Optimization

/// A pair-level relaxation: which pair serves which request, with the dates relaxed to each
/// trainer's total of free days. Its LP value is a lower bound on every plan, and it stays
/// small (one column per request and candidate pair) when the time-indexed `TimeIndexedModel`
/// would carry millions of columns.
///
/// Columns: `y[m,p]` at the pair's cost plus the least gap penalties (and moves) any of its
/// workshop days allows, `other[m]` for pairs the candidates left out, `u[m]`. Rows:
/// - R1 `assign[m]`: Σ y + other + u = 1;
/// - R7 `packages[t]`: Σ y over t's pairs ≤ max_packages − confirmed;
/// - R5/R7 `days[t]`: 4 Σ y ≤ t's free weekdays over the planning span, each month counting at
///   most `max_days_per_month` − confirmed days (a package takes four event days);
/// - the max-load term as in `PackageModel`.
public struct AssignmentRelaxation: Sendable {
    public private(set) var model = Model()
    /// Every pair column: request index, pair, column.
    public private(set) var pairColumns: [(request: Int, pair: TrainerPair, column: VariableRef)] = []
    /// Per request, the `other[m]` column standing for the pairs the candidates left out.
    public private(set) var omittedPairColumns: [Int: VariableRef] = [:]

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments,
                previous: PreviousPlacements? = nil) {
        let rules = scenario.rules, weights = scenario.weights
        var packages: [String: LinearExpression] = [:]
        var first = scenario.planningStart, last = scenario.horizon.upperBound

        // A request served by a confirmed booking is not planned and costs nothing.
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, candidate) in candidates.enumerated() where !(candidate.options.isEmpty && booked.contains(candidate.request.id)) {
            let request = candidate.request
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            var assign = LinearExpression([.init(model.addVariable("u[\(request.id)]", lower: 0, upper: 1,
                                                                   objective: request.priority * weights.unscheduledEur + dropped), 1)])
            for option in candidate.options {
                let pairCost = option.travelCost - (option.isPreferred ? weights.preferredPairEur : 0)
                var least = Double.infinity
                for workshop in option.workshops {
                    let w = workshop.day
                    let prep: Double = weights.prepGapEur * Double(abs(workshop.preparations[0].distance(to: w) - rules.prepGap.target))
                    let follow: Double = weights.followupGapEur * Double(abs(w.distance(to: workshop.followups[0]) - rules.followupGap.target))
                    let moved: Double = weights.moveEur * Double(previous?.leastMovedEvents(m, pair: option.pair, workshop: workshop) ?? 0)
                    least = min(least, prep + follow + moved)
                }
                if !least.isFinite { least = 0 }
                let y = model.addVariable("y[\(request.id),\(option.pair)]", lower: 0, upper: 1, objective: pairCost + least)
                assign.add(y)
                pairColumns.append((m, option.pair, y))
                for trainer in option.pair.ids { packages[trainer, default: []].add(y) }
                if let p = option.preparationDays.first { first = min(first, p) }
                if let f = option.followupDays.last { last = max(last, f) }
            }
            if let least = candidate.leastOmittedPairCost {
                let other = model.addVariable("other[\(request.id)]", lower: 0, upper: 1, objective: least)
                omittedPairColumns[m] = other
                assign.add(other)
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        for trainer in scenario.trainers {
            guard let row = packages[trainer.id], !row.terms.isEmpty else { continue }
            if let cap = trainer.maxPackages {
                let pinned = Double(commitments.pinnedPackages[trainer.id] ?? 0)
                model.addConstraint("R7.packages[\(trainer.id)]", row, upper: max(0, Double(cap) - pinned))
            }
            var days = LinearExpression()
            days.add(row, times: 4)
            model.addConstraint("R5.days[\(trainer.id)]", days, upper: Double(Self.freeDays(trainer, first...last, commitments)))
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
