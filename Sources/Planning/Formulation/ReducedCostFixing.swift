import Optimization

/// Reduced-cost fixing: the columns a plan cheaper than a known one can still use.
///
/// Every plan maps to a solution of a relaxation (the pair-level `AssignmentRelaxation`, or the
/// workshop-only `TimeIndexedModel`) that costs no more than the plan: its pair (and W) column,
/// or `other[m]` for a pair left out, or u. By `DualBound`, a solution with column j at 1 costs at
/// least `bound + dⱼ`. So a plan that uses a (request, pair[, W]) with `bound + d > incumbent` is
/// dearer than the incumbent, and a model over the remaining columns that is exact for them
/// decides optimality: its optimum is the problem's whenever it is at most the incumbent. A pair
/// left out by the candidate builder (`other[m]`) must be excluded the same way, or nothing can
/// be concluded.
public struct ReducedCostFixing: Sendable {
    /// The relaxation's columns that stand for a request's pair on one workshop day, or on any (nil).
    public let columns: [(request: Int, pair: TrainerPair, day: Day?, column: VariableRef)]
    /// The `other` columns of pairs the candidates left out.
    public let omittedPairColumns: [VariableRef]
    public let dualBound: DualBound
    /// Slack for rounding in the bound's arithmetic, in EUR: columns this close are kept.
    public var margin = 0.01

    /// From the time-indexed relaxation: columns per (request, pair, W).
    public init(relaxation: TimeIndexedModel, dualBound: DualBound) {
        columns = relaxation.workshopColumns.map { ($0.request, $0.pair, $0.day, $0.column) }
        omittedPairColumns = relaxation.omittedPairColumns.values.flatMap { $0 }
        self.dualBound = dualBound
    }

    /// From the pair-level relaxation: columns per (request, pair), every workshop day of a pair kept alike.
    public init(assignment: AssignmentRelaxation, dualBound: DualBound) {
        columns = assignment.pairColumns.map { ($0.request, $0.pair, nil, $0.column) }
        omittedPairColumns = assignment.omittedPairColumns.values.flatMap { $0 }
        self.dualBound = dualBound
    }

    /// True when the columns are whole pairs (the selection keeps all of a pair's days).
    public var isPairLevel: Bool { columns.first?.day == nil }

    /// The columns a plan costing at most `incumbent` may use, plus those of `plan`; nil when a
    /// pair the candidates left out could still be part of such a plan.
    public func selection(atMost incumbent: Double, keeping plan: [PackageChoice], requests: Int) -> ColumnSelection? {
        let limit = incumbent + margin
        let d = dualBound.reducedCosts
        for column in omittedPairColumns where dualBound.value + d[column.index] <= limit { return nil }
        var kept: [[TrainerPair: Set<Day>?]] = Array(repeating: [:], count: requests)
        func keep(_ m: Int, _ pair: TrainerPair, _ day: Day?) {
            guard let day else { kept[m].updateValue(nil, forKey: pair); return }
            if let days = kept[m][pair], days == nil { return }   // already every day
            kept[m][pair, default: .some([])]!.insert(day)
        }
        for column in columns where dualBound.value + d[column.column.index] <= limit { keep(column.request, column.pair, column.day) }
        for choice in plan { keep(choice.request, choice.pair, isPairLevel ? nil : choice.workshop) }
        return ColumnSelection(kept: kept, isPruned: true)
    }
}

/// The second stage of the proof: with the LP prices of the time-indexed model over the first
/// stage's selection (every event's days), the complete packages (W, P, F) that a plan no
/// dearer than `incumbent` may use.
///
/// For any solution x, `c·x = bound + Σⱼ (dⱼxⱼ − min(dⱼlⱼ, dⱼuⱼ)) + Σᵢ yᵢ(aᵢx − sideᵢ)`, every
/// term non-negative (`DualBound`). A plan using package k of request m and pair p fixes every
/// column and every row of its own (m, p): its w, q, f at 0 or 1, the excesses gP and gF at their
/// exact values, the links and excess rows at known activities. The sum of those terms alone,
/// `T(k)`, gives `c·x ≥ bound + T(k)`; packages with `bound + T(k) > incumbent` are left out, and
/// the package model over the rest is exact for every plan no dearer than the incumbent.
struct PackageFixing {
    let model: TimeIndexedModel
    let dualBound: DualBound
    let limit: Double
    /// Packages of the incumbent plan, always admitted.
    let plan: Set<PackageChoice>

    init(model: TimeIndexedModel, dualBound: DualBound, atMost incumbent: Double, margin: Double, keeping plan: [PackageChoice]) {
        self.model = model
        self.dualBound = dualBound
        limit = incumbent + margin
        self.plan = Set(plan)
    }

    private var d: [Double] { dualBound.reducedCosts }
    private func y(_ row: Int?) -> Double { row.map { dualBound.rowPrices[$0] } ?? 0 }
    /// The term of a binary column at 1 minus its term at 0.
    private func flip(_ column: VariableRef) -> Double { max(0, d[column.index]) - max(0, -d[column.index]) }

    /// Per (request, pair): the terms of all its own columns at 0, and per meeting each day's
    /// share of the link rows it appears in (Σ |y| over the workshop days whose window holds it).
    private struct Local {
        var base = 0.0
        var links: [Meeting: [Day: Double]] = [:]
    }

    private func local(_ columns: TimeIndexedModel.PairColumns, option: PairOption) -> Local {
        var local = Local()
        for v in columns.workshops.values { local.base += max(0, -d[v.index]) }
        for meeting in Meeting.allCases {
            let own = columns[meeting]
            for v in own.days.values { local.base += max(0, -d[v.index]) }
            if let g = own.excess { local.base -= min(0, d[g.index] * model.model.variables[g.index].upper) }
            for workshop in option.workshops {
                let price = abs(y(own.linkRows[workshop.day]))
                for day in meeting.days(of: workshop) { local.links[meeting, default: [:]][day, default: 0] += price }
            }
        }
        return local
    }

    /// The terms of `meeting` on each of its days for workshop `w`: the meeting column, the links
    /// it leaves unmatched, the excess column at its value and the excess rows at their activities.
    private func meetingTerms(_ meeting: Meeting, _ columns: TimeIndexedModel.PairColumns, local: Local,
                              workshop: WorkshopOption) -> [(Day, Double)] {
        let own = columns[meeting], w = workshop.day
        let (rule, eur) = model.gaps[meeting]!
        return meeting.days(of: workshop).compactMap { day in
            guard let column = own.days[day] else { return nil }
            let deviation = meeting.deviation(day, workshop: w, target: rule.target)
            var term = flip(column) + (local.links[meeting]?[day] ?? 0) - abs(y(own.linkRows[w]))
            if let excess = own.excess { term += d[excess.index] * (eur * Double(abs(deviation)) - (own.least[w] ?? 0)) }
            if let rows = own.excessRows {
                // Row ± holds g − (±eur·deviation) + least ≥ 0, whose activity is eur·(|dev| ∓ dev).
                term += y(rows.plus) * eur * Double(abs(deviation) - deviation) + y(rows.minus) * eur * Double(abs(deviation) + deviation)
            }
            return (day, term)
        }
    }

    /// The admitted packages of every candidate, by request, pair and workshop day: the cut-down
    /// candidates and the set of admitted (W, P, F); nil as soon as more than `most` pass.
    func admitted(_ candidates: [RequestCandidates], most: Int) -> (candidates: [RequestCandidates], packages: Set<PackageChoice>)? {
        var admitted = plan
        var result = candidates
        var tooMany = false
        for (m, candidate) in candidates.enumerated() where !tooMany {
            result[m].options = candidate.options.compactMap { option in
                guard !tooMany, let columns = model.pairs[m]?[option.pair] else { return nil }
                let local = local(columns, option: option)
                let workshops: [WorkshopOption] = option.workshops.compactMap { workshop in
                    let w = workshop.day
                    guard !tooMany, let column = columns.workshops[w] else { return nil }
                    let base = dualBound.value + local.base + flip(column)
                    let prepTerms = meetingTerms(.preparation, columns, local: local, workshop: workshop)
                    let followTerms = meetingTerms(.followup, columns, local: local, workshop: workshop)
                    var preparations = Set<Day>(), followups = Set<Day>()
                    for (p, prepTerm) in prepTerms where base + prepTerm <= limit {
                        for (f, followTerm) in followTerms where base + prepTerm + followTerm <= limit {
                            admitted.insert(PackageChoice(request: m, pair: option.pair, preparation: p, workshop: w, followup: f))
                            if admitted.count > most { tooMany = true; return nil }
                            preparations.insert(p)
                            followups.insert(f)
                        }
                    }
                    for choice in plan where choice.request == m && choice.pair == option.pair && choice.workshop == w {
                        preparations.insert(choice.preparation)
                        followups.insert(choice.followup)
                    }
                    guard !preparations.isEmpty else { return nil }
                    return WorkshopOption(day: w, preparations: workshop.preparations.filter(preparations.contains),
                                          followups: workshop.followups.filter(followups.contains))
                }
                guard !workshops.isEmpty else { return nil }
                let preparations = Set(workshops.flatMap(\.preparations)), followups = Set(workshops.flatMap(\.followups))
                return PairOption(pair: option.pair, travelCost: option.travelCost, isPreferred: option.isPreferred, workshops: workshops,
                                  preparationDays: option.preparationDays.filter(preparations.contains),
                                  followupDays: option.followupDays.filter(followups.contains))
            }
        }
        return tooMany ? nil : (result, admitted)
    }
}
