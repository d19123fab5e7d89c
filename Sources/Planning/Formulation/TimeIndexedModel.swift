import Optimization

/// The time-indexed relaxation: one column per request, pair and day of each event, linked per
/// pair. It keeps every candidate date, so its LP value bounds every plan (the reported gap stays
/// honest when `PackageModel` carries only the best few meeting days per workshop start), and its
/// prices drive the proof by reduced-cost fixing (`ReducedCostFixing`, `PackageFixing`).
///
/// Columns per request m and allowed pair p: `w[m,p,W]`, `q[m,p,P]`, `f[m,p,F]`, `u[m]`, and the
/// gap-penalty excesses `gP[m,p]`, `gF[m,p]`. `w` carries the pair's travel, the preferred bonus
/// and the *smallest* gap penalties any P and F can give for that W; `gP` and `gF` carry the rest
/// (in a plan, `gP = prep_gap_eur × |W − P − target| − least`, read off the day columns without
/// big-M, as only one w and one q of the pair are 1). Rows:
/// - R1 `assign[m]`: Σ w + u = 1; `prepCount`, `followCount[m,p]`: the same pair runs all events;
/// - R2 `prepLink[m,p,W]`: w[W] ≤ Σ q over P in [W − max, W − min]; R3 `followLink` likewise;
/// - `gapP±`, `gapF±[m,p]`: the excesses above, from both signs of the deviation;
/// - R5 `day[t,d]`: one clique row per trainer and day; R7 caps and months as in `PackageModel`.
/// A re-plan's `move_eur` falls on the event's own column (the workshop's on w, a meeting's on
/// q or f; re-staffing on every w of another pair), which is exact.
///
/// Pairs the candidate builder left out enter as one column `other[m]` at their least cost that
/// occupies no trainer: weaker, still a relaxation.
public struct TimeIndexedModel: Sendable {
    public enum Form: Sendable {
        /// Workshop columns only, each with its least meeting penalties: a weaker, much faster relaxation.
        case workshops
        /// Every event's columns, meeting columns continuous: the tighter relaxation (with binary
        /// meeting columns it would be exact; `PackageFixing` uses its prices instead).
        case meetings
    }

    public private(set) var model = Model()
    /// Every workshop column: request index, pair, first day, column.
    public private(set) var workshopColumns: [(request: Int, pair: TrainerPair, day: Day, column: VariableRef)] = []
    /// Per request, the `other[m]` column standing for the pairs the candidates left out.
    public private(set) var omittedPairColumns: [Int: VariableRef] = [:]

    /// The columns and own rows of one request and pair, for `PackageFixing`.
    struct PairColumns: Sendable {
        var workshops: [Day: VariableRef] = [:]
        var preparations: [Day: VariableRef] = [:]
        var followups: [Day: VariableRef] = [:]
        var prepExcess: VariableRef?
        var followupExcess: VariableRef?
        /// Least penalty per workshop day, as charged on w.
        var leastPrep: [Day: Double] = [:]
        var leastFollowup: [Day: Double] = [:]
        /// Row indices of the links per workshop day and of the excess rows (+, −), for `PackageFixing`.
        var prepLinkRows: [Day: Int] = [:]
        var followLinkRows: [Day: Int] = [:]
        var prepExcessRows: (plus: Int, minus: Int)?
        var followupExcessRows: (plus: Int, minus: Int)?
    }
    private(set) var pairs: [Int: [TrainerPair: PairColumns]] = [:]
    let prepGap: (target: Int, eur: Double)
    let followupGap: (target: Int, eur: Double)
    private let prepRule: GapRule
    private let followupRule: GapRule

    /// With a `selection`, only its (request, pair, W) columns and their meeting days are built.
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments, form: Form = .meetings,
                selection: ColumnSelection? = nil, previous: PreviousPlacements? = nil) {
        let rules = scenario.rules, weights = scenario.weights
        prepGap = (rules.prepGap.target, weights.prepGapEur)
        followupGap = (rules.followupGap.target, weights.followupGapEur)
        prepRule = rules.prepGap
        followupRule = rules.followupGap
        let meetings = form != .workshops
        var use = TrainerUse()

        // A request served by a confirmed booking is not planned and costs nothing.
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, candidate) in candidates.enumerated() where !(candidate.options.isEmpty && booked.contains(candidate.request.id)) {
            let request = candidate.request
            let before = previous?.byRequest[m]
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            let u = model.addVariable("u[\(request.id)]", lower: 0, upper: 1, objective: request.priority * weights.unscheduledEur + dropped)
            var assign = LinearExpression([.init(u, 1)])
            for full in candidate.options {
                guard let option = selection.map({ full.keeping($0, request: m) }) ?? full else { continue }
                let tag = "\(request.id),\(option.pair)"
                let pairCost = option.travelCost - (option.isPreferred ? weights.preferredPairEur : 0)
                let samePair = before?.pair == option.pair
                var columns = PairColumns()
                func meetingColumn(_ kind: String, _ day: Day, movedFrom previousDay: Day?) -> VariableRef {
                    let moved = samePair && previousDay != day ? weights.moveEur : 0
                    return model.addVariable("\(kind)[\(tag),\(day.iso)]", lower: 0, upper: 1, objective: moved)
                }
                if meetings {
                    for p in option.preparationDays { columns.preparations[p] = meetingColumn("q", p, movedFrom: before?.preparation) }
                    for d in option.followupDays { columns.followups[d] = meetingColumn("f", d, movedFrom: before?.followup) }
                }
                var served = LinearExpression()
                for workshop in option.workshops {
                    let w = workshop.day
                    let leastPrep = prepGap.eur * Double(abs(workshop.preparations[0].distance(to: w) - prepGap.target))
                    let leastFollowup = followupGap.eur * Double(abs(w.distance(to: workshop.followups[0]) - followupGap.target))
                    // Moves: with meeting columns each event pays its own; without, the fewest this W allows.
                    let moved = meetings
                        ? Double(before.map { samePair ? ($0.workshop == w ? 0 : 1) : 3 } ?? 0)
                        : Double(previous?.leastMovedEvents(m, pair: option.pair, workshop: workshop) ?? 0)
                    let x = model.addBinary("w[\(tag),\(w.iso)]", objective: pairCost + leastPrep + leastFollowup + weights.moveEur * moved)
                    served.add(x)
                    columns.workshops[w] = x
                    columns.leastPrep[w] = leastPrep
                    columns.leastFollowup[w] = leastFollowup
                    workshopColumns.append((m, option.pair, w, x))
                    if meetings {
                        var prepLink = LinearExpression([.init(x, 1)])
                        for p in workshop.preparations { prepLink.add(columns.preparations[p]!, -1) }
                        columns.prepLinkRows[w] = model.constraints.count
                        model.addConstraint("R2.prepLink[\(tag),\(w.iso)]", prepLink, upper: 0)
                        var followLink = LinearExpression([.init(x, 1)])
                        for d in workshop.followups { followLink.add(columns.followups[d]!, -1) }
                        columns.followLinkRows[w] = model.constraints.count
                        model.addConstraint("R3.followLink[\(tag),\(w.iso)]", followLink, upper: 0)
                    }
                    for trainer in option.pair.ids {
                        use.occupy(trainer, w, x)
                        use.occupy(trainer, w.advanced(by: 1), x)
                        use.countPackage(trainer, x)
                    }
                }
                assign.add(served)
                if meetings {
                    addLinks(&columns, tag: tag, served: served, origin: option.workshops[0].day)
                    for trainer in option.pair.ids {
                        for (day, v) in columns.preparations.sorted(by: { $0.key < $1.key }) + columns.followups.sorted(by: { $0.key < $1.key }) {
                            use.occupy(trainer, day, v)
                        }
                    }
                }
                pairs[m, default: [:]][option.pair] = columns
            }
            // Pairs the candidates left out: served at their least cost, using no trainer's time.
            if let least = candidate.leastOmittedPairCost {
                let other = model.addVariable("other[\(request.id)]", lower: 0, upper: 1, objective: least)
                omittedPairColumns[m] = other
                assign.add(other)
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        _ = use.addRows(to: &model, scenario: scenario, commitments: commitments)
    }

    /// The rows that tie one pair's meeting columns to its workshop columns: the counts (R1) and
    /// the gap-penalty excesses. Day offsets are taken from `origin` to keep coefficients small.
    private mutating func addLinks(_ columns: inout PairColumns, tag: String, served: LinearExpression, origin: Day) {
        var prepCount = LinearExpression(sum: columns.preparations.sorted(by: { $0.key < $1.key }).map(\.value))
        prepCount.add(served, times: -1)
        model.addConstraint("R1.prepCount[\(tag)]", prepCount, equals: 0)
        var followCount = LinearExpression(sum: columns.followups.sorted(by: { $0.key < $1.key }).map(\.value))
        followCount.add(served, times: -1)
        model.addConstraint("R1.followCount[\(tag)]", followCount, equals: 0)

        let workshops = columns.workshops.sorted(by: { $0.key < $1.key })
        // deviation = W − P − target (preparation) and F − W − target (follow-up), on the columns at 1.
        func excess(_ name: String, eur: Double, gap: GapRule, meetings: [Day: VariableRef], meetingSign: Double,
                    least: [Day: Double]) -> (column: VariableRef, rows: (plus: Int, minus: Int))? {
            guard eur > 0 else { return nil }
            let target = gap.target
            // No plan deviates further than the rule allows (a finite bound keeps `DualBound` finite).
            let most = eur * Double(max(gap.max - target, target - gap.min, 0))
            let g = model.addVariable("\(name)[\(tag)]", lower: 0, upper: most, objective: 1)
            let first = model.constraints.count
            for sign in [1.0, -1.0] {
                // g ≥ sign × eur × deviation − least(W)
                var row = LinearExpression([.init(g, 1)])
                for (day, x) in workshops {
                    let offset = Double(origin.distance(to: day))
                    row.add(x, -sign * eur * (-meetingSign * offset - Double(target)) + least[day]!)
                }
                for (day, v) in meetings.sorted(by: { $0.key < $1.key }) {
                    row.add(v, -sign * eur * meetingSign * Double(origin.distance(to: day)))
                }
                model.addConstraint("\(name)\(sign > 0 ? "+" : "-")[\(tag)]", row, lower: 0)
            }
            return (g, (first, first + 1))
        }
        // Preparation: deviation = W − P − target, so meetings enter with −1; follow-up: F − W − target.
        let prep = excess("gapP", eur: prepGap.eur, gap: prepRule, meetings: columns.preparations, meetingSign: -1,
                          least: columns.leastPrep)
        let followup = excess("gapF", eur: followupGap.eur, gap: followupRule, meetings: columns.followups, meetingSign: 1,
                              least: columns.leastFollowup)
        (columns.prepExcess, columns.prepExcessRows) = (prep?.column, prep?.rows)
        (columns.followupExcess, columns.followupExcessRows) = (followup?.column, followup?.rows)
    }
}

extension PairOption {
    /// This option with only the workshop days `selection` keeps for request `m`, and the meeting
    /// days those need; nil when it keeps none.
    func keeping(_ selection: ColumnSelection, request m: Int) -> PairOption? {
        let workshops = workshops.filter { selection.keeps(request: m, pair: pair, day: $0.day) }
        guard !workshops.isEmpty else { return nil }
        let preparations = Set(workshops.flatMap(\.preparations)), followups = Set(workshops.flatMap(\.followups))
        return PairOption(pair: pair, travelCost: travelCost, isPreferred: isPreferred, workshops: workshops,
                          preparationDays: preparationDays.filter(preparations.contains), followupDays: followupDays.filter(followups.contains))
    }
}
