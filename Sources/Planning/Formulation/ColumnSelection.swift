/// Which pairs and workshop days of each request the package model carries.
///
/// Small scenarios keep everything. Large ones would give GLPK millions of columns, so the
/// selection keeps, per request, the pairs the LP relaxation uses and the cheapest others, and
/// when that is still too much, thins the workshop days, always keeping what the LP and the
/// greedy start use. Leaving columns out never makes a plan wrong, only possibly dearer; the
/// bound comes from the relaxation, so the reported gap stays honest.
public struct ColumnSelection: Sendable {
    /// Per request: the kept pairs, each with the kept workshop days (nil: all of them).
    public var kept: [[TrainerPair: Set<Day>?]]
    /// True when something was left out.
    public var isPruned: Bool

    /// Everything.
    public static func all(_ candidates: [RequestCandidates]) -> ColumnSelection {
        ColumnSelection(kept: candidates.map { Dictionary(uniqueKeysWithValues: $0.options.map { ($0.pair, nil) }) }, isPruned: false)
    }

    public func keeps(request m: Int, pair: TrainerPair, day: Day) -> Bool {
        guard let days = kept[m][pair] else { return false }
        return days?.contains(day) ?? true
    }

    /// Columns a (request, pair) contributes with the given date shape.
    static func columnCount(_ option: PairOption, _ shape: DateShape, days: Set<Day>? = nil) -> Int {
        option.workshops.reduce(0) { sum, w in
            guard days?.contains(w.day) ?? true else { return sum }
            return sum + shape.count(w.preparations.count, w.followups.count)
        }
    }

    /// All columns of all candidates with `shape`.
    public static func totalColumns(_ candidates: [RequestCandidates], _ shape: DateShape) -> Int {
        candidates.reduce(0) { $0 + $1.options.reduce(0) { $0 + columnCount($1, shape) } }
    }

    /// The richest shape of the ladder (or the fixed one of `options`) whose columns fit the budget.
    public static func shape(for candidates: [RequestCandidates], options: FormulationOptions) -> DateShape {
        if options.preparationAlternatives != nil || options.followupAlternatives != nil {
            return DateShape(preparation: options.preparationAlternatives ?? .max, followup: options.followupAlternatives ?? .max, cross: false)
        }
        return DateShape.ladder.first { fits(candidates, $0, within: options.columnBudget) } ?? DateShape.ladder.last!
    }

    /// `totalColumns(candidates, shape) <= budget`, counting only until the budget is passed.
    static func fits(_ candidates: [RequestCandidates], _ shape: DateShape, within budget: Int) -> Bool {
        var total = 0
        for candidate in candidates {
            for option in candidate.options {
                total += columnCount(option, shape)
                if total > budget { return false }
            }
        }
        return true
    }

    /// Chooses columns within `options.columnBudget`.
    /// - Parameters:
    ///   - lpUse: LP value per (request, pair, day) of the relaxation's workshop columns (may be empty).
    ///   - start: choices that must stay representable (the greedy start).
    public static func select(_ candidates: [RequestCandidates], options: FormulationOptions, shape: DateShape,
                              lpUse: [Int: [TrainerPair: [Day: Double]]], start: [PackageChoice]) -> ColumnSelection {
        let total = totalColumns(candidates, shape)
        if total <= options.columnBudget { return .all(candidates) }

        let startByRequest = Dictionary(start.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        // Rank each request's pairs: LP mass first, then the start's pair, then travel cost.
        var ranked: [[PairOption]] = []
        for (m, candidate) in candidates.enumerated() {
            let mass = { (o: PairOption) in lpUse[m]?[o.pair]?.values.reduce(0, +) ?? 0 }
            ranked.append(candidate.options.sorted { a, b in
                let (ma, mb) = (mass(a), mass(b))
                if (ma > 1e-6) != (mb > 1e-6) { return ma > 1e-6 }
                if ma > 1e-6 && ma != mb { return ma > mb }
                let (sa, sb) = (startByRequest[m]?.pair == a.pair, startByRequest[m]?.pair == b.pair)
                if sa != sb { return sa }
                return (a.travelCost, a.pair) < (b.travelCost, b.pair)
            })
        }

        // Workshop days kept when thinning: LP support and the start, plus every `stride`-th day.
        func days(_ m: Int, _ option: PairOption, stride: Int) -> Set<Day>? {
            guard stride > 1 else { return nil }
            var keep = Set<Day>()
            for (day, value) in lpUse[m]?[option.pair] ?? [:] where value > 1e-6 { keep.insert(day) }
            if let s = startByRequest[m], s.pair == option.pair { keep.insert(s.workshop) }
            for (i, w) in option.workshops.enumerated() where i % stride == 0 { keep.insert(w.day) }
            return keep
        }

        for stride in [1, 2, 3, 5, 8, 13, 21] {
            var kept: [[TrainerPair: Set<Day>?]] = Array(repeating: [:], count: candidates.count)
            var used = 0
            // Round robin: every request gets its next-ranked pair while the budget lasts;
            // LP-supported pairs and the start's pair are always kept.
            var depth = 0
            var progress = true
            while progress {
                progress = false
                for m in candidates.indices where depth < ranked[m].count {
                    let option = ranked[m][depth]
                    let required = (lpUse[m]?[option.pair]?.values.reduce(0, +) ?? 0) > 1e-6 || startByRequest[m]?.pair == option.pair
                    let d = days(m, option, stride: stride)
                    let cost = columnCount(option, shape, days: d)
                    if required || depth < 1 || used + cost <= options.columnBudget {
                        kept[m][option.pair] = .some(d)
                        used += cost
                        progress = true
                    }
                }
                depth += 1
            }
            if used <= options.columnBudget || stride == 21 {
                return ColumnSelection(kept: kept, isPruned: true)
            }
        }
        return .all(candidates)
    }
}
