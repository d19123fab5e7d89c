import Optimization

/// The mixed-integer program of SPEC §2–§4, pair-indexed and time-indexed.
///
/// Columns, per request m and allowed pair p (candidates from `CandidateBuilder`):
/// - `w[m,p,W]` = 1 when p runs m's workshop starting on W (carries the pair's travel cost
///   and the preferred-pair bonus, so the pair choice is implicit in the dates);
/// - `q[m,p,P]`, `f[m,p,F]` = 1 for the preparation and follow-up dates of that pair;
/// - `u[m]` unscheduled, `dp[m]`, `df[m]` the deviations from the gap targets, `L` the largest load.
///
/// Rows, named by the rule they enforce:
/// - R1 `assign[m]`: Σ w + u = 1; `prepCount`/`followCount[m,p]`: the same pair runs all three events;
/// - R2 `prepLink[m,p,W]`: w[W] ≤ Σ q[P] over P with min ≤ W − P ≤ max (exact, and tight in the LP);
/// - R3 `followGap[m,p]`: min·a ≤ Σ F·f − Σ W·w ≤ max·a with a = Σ w (exact for integers; follow-ups
///   have wide windows and rarely bind);
/// - R5 `day[t,d]`: one clique row per trainer and day over every event that occupies t on d;
/// - R7 `packages[t]`, `month[t,k]`: caps, after what confirmed bookings already use;
/// - R4, R6, R8 and R9 hold by construction: only allowed days are columns, bookings block days.
public struct PlanningModel: Sendable {
    public private(set) var model = Model()
    public let candidates: [RequestCandidates]
    public let scenario: Scenario

    /// Column handles per request and option.
    public struct OptionColumns: Sendable {
        public var workshop: [Day: VariableRef] = [:]
        public var preparation: [Day: VariableRef] = [:]
        public var followup: [Day: VariableRef] = [:]
    }
    public private(set) var columns: [[OptionColumns]] = []
    public private(set) var unscheduled: [VariableRef] = []
    public private(set) var prepDeviation: [VariableRef] = []
    public private(set) var followDeviation: [VariableRef] = []
    public private(set) var maxLoad: VariableRef?

    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments) {
        self.scenario = scenario
        self.candidates = candidates
        let rules = scenario.rules, weights = scenario.weights
        // Day numbers relative to the horizon keep the gap coefficients small.
        let origin = scenario.horizon.lowerBound
        func offset(_ day: Day) -> Double { Double(origin.distance(to: day)) }

        var trainerDay: [String: [Int: LinearExpression]] = [:]
        var trainerPackages: [String: LinearExpression] = [:]
        var trainerMonth: [String: [Int: LinearExpression]] = [:]

        for candidate in candidates {
            let request = candidate.request
            let u = model.addVariable("u[\(request.id)]", lower: 0, upper: 1, objective: request.priority * weights.unscheduledEur)
            let dp = model.addVariable("dp[\(request.id)]", objective: weights.prepGapEur)
            let df = model.addVariable("df[\(request.id)]", objective: weights.followupGapEur)
            unscheduled.append(u); prepDeviation.append(dp); followDeviation.append(df)

            var assign = LinearExpression([.init(u, 1)])
            var prepGap = LinearExpression(), followGap = LinearExpression()
            var optionColumns: [OptionColumns] = []
            for option in candidate.options {
                let tag = "\(request.id),\(option.pair)"
                var cols = OptionColumns()
                let pairCost = option.travelCost - (option.isPreferred ? weights.preferredPairEur : 0)
                for w in option.workshopDays { cols.workshop[w] = model.addBinary("w[\(tag),\(w.iso)]", objective: pairCost) }
                for p in option.preparationDays { cols.preparation[p] = model.addBinary("q[\(tag),\(p.iso)]") }
                for f in option.followupDays { cols.followup[f] = model.addBinary("f[\(tag),\(f.iso)]") }

                let ws = option.workshopDays.map { cols.workshop[$0]! }
                let served = LinearExpression(sum: ws)
                assign.add(served)

                // R1: the pair that runs the workshop runs both meetings.
                var prepCount = LinearExpression(sum: option.preparationDays.map { cols.preparation[$0]! })
                prepCount.add(served, times: -1)
                model.addConstraint("R1.prepCount[\(tag)]", prepCount, equals: 0)
                var followCount = LinearExpression(sum: option.followupDays.map { cols.followup[$0]! })
                followCount.add(served, times: -1)
                model.addConstraint("R1.followCount[\(tag)]", followCount, equals: 0)

                // R2: a workshop on W needs a preparation date of the same pair in [W − max, W − min].
                for w in option.workshopDays {
                    var link = LinearExpression([.init(cols.workshop[w]!, 1)])
                    for gap in rules.prepGap.min...rules.prepGap.max {
                        if let q = cols.preparation[w.advanced(by: -gap)] { link.add(q, -1) }
                    }
                    model.addConstraint("R2.prepLink[\(tag),\(w.iso)]", link, upper: 0)
                }

                // R3: min ≤ F − W ≤ max, aggregated over the pair's columns.
                var gapExpression = LinearExpression()
                for f in option.followupDays { gapExpression.add(cols.followup[f]!, offset(f)) }
                for w in option.workshopDays { gapExpression.add(cols.workshop[w]!, -offset(w)) }
                var lowerRow = gapExpression; lowerRow.add(served, times: -Double(rules.followupGap.min))
                model.addConstraint("R3.followGapMin[\(tag)]", lowerRow, lower: 0)
                var upperRow = gapExpression; upperRow.add(served, times: -Double(rules.followupGap.max))
                model.addConstraint("R3.followGapMax[\(tag)]", upperRow, upper: 0)

                // Objective: deviations from the gap targets (W − P and F − W), summed over the pair.
                for w in option.workshopDays {
                    prepGap.add(cols.workshop[w]!, offset(w) - Double(rules.prepGap.target))
                    followGap.add(cols.workshop[w]!, -offset(w) - Double(rules.followupGap.target))
                }
                for p in option.preparationDays { prepGap.add(cols.preparation[p]!, -offset(p)) }
                for f in option.followupDays { followGap.add(cols.followup[f]!, offset(f)) }

                // R5 and R7: what each trainer of the pair does on each day and month.
                for trainer in option.pair.ids {
                    for w in option.workshopDays {
                        let v = cols.workshop[w]!
                        trainerDay[trainer, default: [:]][w.ordinal, default: []].add(v)
                        trainerDay[trainer, default: [:]][w.ordinal + 1, default: []].add(v)
                        trainerPackages[trainer, default: []].add(v)
                        trainerMonth[trainer, default: [:]][w.monthKey, default: []].add(v)
                        trainerMonth[trainer, default: [:]][w.advanced(by: 1).monthKey, default: []].add(v)
                    }
                    for (day, v) in cols.preparation.sorted(by: { $0.key < $1.key }) + cols.followup.sorted(by: { $0.key < $1.key }) {
                        trainerDay[trainer, default: [:]][day.ordinal, default: []].add(v)
                        trainerMonth[trainer, default: [:]][day.monthKey, default: []].add(v)
                    }
                }
                optionColumns.append(cols)
            }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
            // |gap − target| for a served request; both sides are 0 when it is unscheduled.
            var prepAbove = prepGap; prepAbove.add(dp, -1)
            model.addConstraint("obj.prepAbove[\(request.id)]", prepAbove, upper: 0)
            var prepBelow = prepGap; prepBelow.add(dp, 1)
            model.addConstraint("obj.prepBelow[\(request.id)]", prepBelow, lower: 0)
            var followAbove = followGap; followAbove.add(df, -1)
            model.addConstraint("obj.followAbove[\(request.id)]", followAbove, upper: 0)
            var followBelow = followGap; followBelow.add(df, 1)
            model.addConstraint("obj.followBelow[\(request.id)]", followBelow, lower: 0)
            columns.append(optionColumns)
        }

        // R5: at most one event per trainer and day (clique rows).
        for trainer in scenario.trainers.map(\.id) {
            for (day, expression) in (trainerDay[trainer] ?? [:]).sorted(by: { $0.key < $1.key }) where expression.terms.count > 1 {
                model.addConstraint("R5.day[\(trainer),\(Day(ordinal: day).iso)]", expression, upper: 1)
            }
        }

        // R7: packages in the horizon and event days per month, after confirmed bookings.
        for trainer in scenario.trainers {
            let packages = trainerPackages[trainer.id] ?? []
            let pinned = Double(commitments.pinnedPackages[trainer.id] ?? 0)
            if let cap = trainer.maxPackages, !packages.terms.isEmpty {
                model.addConstraint("R7.packages[\(trainer.id)]", packages, upper: max(0, Double(cap) - pinned))
            }
            if let cap = trainer.maxDaysPerMonth {
                for (month, expression) in (trainerMonth[trainer.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let used = Double(commitments.pinnedDaysPerMonth[trainer.id]?[month] ?? 0)
                    let limit = max(0, Double(cap) - used)
                    // A row that can never bind is left out.
                    let most = expression.merged().terms.reduce(0) { $0 + $1.coefficient }
                    if most > limit { model.addConstraint("R7.month[\(trainer.id),\(month / 12)-\(month % 12 + 1)]", expression, upper: limit) }
                }
            }
        }

        // Objective: max_load_eur × the largest number of packages of one trainer (confirmed included).
        if weights.maxLoadEur > 0 {
            let load = model.addVariable("L", objective: weights.maxLoadEur)
            maxLoad = load
            for trainer in scenario.trainers {
                var row = trainerPackages[trainer.id] ?? []
                row.add(load, -1)
                model.addConstraint("obj.load[\(trainer.id)]", row, upper: -Double(commitments.pinnedPackages[trainer.id] ?? 0))
            }
        }
    }
}
