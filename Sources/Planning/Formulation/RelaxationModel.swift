import Optimization

/// A relaxation of the planning problem that keeps every candidate date: its LP value is a lower
/// bound on every plan's objective, which makes the reported gap honest even when
/// `PackageModel` carries only the best few meeting days per workshop start.
///
/// Columns per request m and allowed pair p: `w[m,p,W]`, `q[m,p,P]`, `f[m,p,F]` and `u[m]`.
/// `w` carries the pair's travel, the preferred bonus and the *smallest* gap penalties any P and
/// F can give for that W — never more than a plan pays, hence a relaxation. Rows:
/// - R1 `assign[m]`: Σ w + u = 1; `prepCount`, `followCount[m,p]`: the same pair runs all events;
/// - R2 `prepLink[m,p,W]`: w[W] ≤ Σ q over P in [W − max, W − min]; R3 `followLink` likewise;
/// - R5 `day[t,d]`: one clique row per trainer and day; R7 caps and months as in `PackageModel`.
/// Pairs the candidate builder left out enter as one column `other[m]` at their least cost that
/// occupies no trainer: weaker, still a relaxation.
public struct RelaxationModel: Sendable {
    public private(set) var model = Model()
    /// Every workshop column: request index, pair, first day, column.
    public private(set) var workshopColumns: [(request: Int, pair: TrainerPair, day: Day, column: VariableRef)] = []

    /// With `includeMeetings` false only the workshop columns are kept: a weaker, much faster relaxation.
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments, includeMeetings: Bool = true,
                previous: PreviousPlacements? = nil) {
        let rules = scenario.rules, weights = scenario.weights
        var use = TrainerUse()

        // A request served by a confirmed booking is not planned and costs nothing.
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, candidate) in candidates.enumerated() where !(candidate.options.isEmpty && booked.contains(candidate.request.id)) {
            let request = candidate.request
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            let u = model.addVariable("u[\(request.id)]", lower: 0, upper: 1, objective: request.priority * weights.unscheduledEur + dropped)
            var assign = LinearExpression([.init(u, 1)])
            for option in candidate.options {
                let tag = "\(request.id),\(option.pair)"
                let pairCost = option.travelCost - (option.isPreferred ? weights.preferredPairEur : 0)
                var q: [Day: VariableRef] = [:], f: [Day: VariableRef] = [:]
                if includeMeetings { for p in option.preparationDays { q[p] = model.addVariable("q[\(tag),\(p.iso)]", lower: 0, upper: 1) } }
                if includeMeetings { for d in option.followupDays { f[d] = model.addVariable("f[\(tag),\(d.iso)]", lower: 0, upper: 1) } }
                var served = LinearExpression()
                for workshop in option.workshops {
                    let w = workshop.day
                    let least = weights.prepGapEur * Double(abs(workshop.preparations[0].distance(to: w) - rules.prepGap.target))
                        + weights.followupGapEur * Double(abs(w.distance(to: workshop.followups[0]) - rules.followupGap.target))
                        + weights.moveEur * Double(previous?.leastMovedEvents(m, pair: option.pair, workshop: workshop) ?? 0)
                    let x = model.addBinary("w[\(tag),\(w.iso)]", objective: pairCost + least)
                    served.add(x)
                    workshopColumns.append((m, option.pair, w, x))
                    if includeMeetings {
                    var prepLink = LinearExpression([.init(x, 1)])
                    for p in workshop.preparations { prepLink.add(q[p]!, -1) }
                    model.addConstraint("R2.prepLink[\(tag),\(w.iso)]", prepLink, upper: 0)
                    var followLink = LinearExpression([.init(x, 1)])
                    for d in workshop.followups { followLink.add(f[d]!, -1) }
                    model.addConstraint("R3.followLink[\(tag),\(w.iso)]", followLink, upper: 0)
                    }
                    for trainer in option.pair.ids {
                        use.occupy(trainer, w, x)
                        use.occupy(trainer, w.advanced(by: 1), x)
                        use.countPackage(trainer, x)
                    }
                }
                assign.add(served)
                guard includeMeetings else { continue }
                var prepCount = LinearExpression(sum: option.preparationDays.map { q[$0]! })
                prepCount.add(served, times: -1)
                model.addConstraint("R1.prepCount[\(tag)]", prepCount, equals: 0)
                var followCount = LinearExpression(sum: option.followupDays.map { f[$0]! })
                followCount.add(served, times: -1)
                model.addConstraint("R1.followCount[\(tag)]", followCount, equals: 0)
                for trainer in option.pair.ids {
                    for (day, v) in q.sorted(by: { $0.key < $1.key }) + f.sorted(by: { $0.key < $1.key }) {
                        use.occupy(trainer, day, v)
                    }
                }
            }
            // Pairs the candidates left out: served at their least cost, using no trainer's time.
            if let least = candidate.leastOmittedPairCost {
                assign.add(model.addVariable("other[\(request.id)]", lower: 0, upper: 1, objective: least))
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        _ = use.addRows(to: &model, scenario: scenario, commitments: commitments)
    }
}
