import Optimization

/// Prices every complete package (pair, P, W, F) of every request against the row prices of a
/// package model that holds only some of them: the pricing step of column generation.
///
/// A package's reduced cost `d = c − Σ y·a` splits by event: its pair, assign and cap rows, its
/// workshop days, its preparation day and its follow-up day each add their own part (costs, moves
/// and rows are per event), so the cheapest package of a workshop day is its W part plus the
/// cheapest P and the cheapest F: one pass over the candidates' dates, never over their products.
///
/// The bound is Lagrangian and valid for every plan, whatever the prices: each request takes at
/// most one package or u (its assign row), and every ≤ row has a price ≤ 0, so a plan costs at
/// least `Σ y·b + Σ_m min(d_u, least d of m's packages)`. Pairs the candidates left out
/// (`omittedPairs`) are priced from below (`leastOmitted`). When no package prices below
/// zero, the bound is the LP optimum of the package model over every pair and date.
struct PackagePricing {
    let planner: Planner
    /// The prices of SPEC §4, made once: every workshop day of every pass asks for them.
    private let costs: CostModel

    init(planner: Planner) {
        self.planner = planner
        costs = CostModel(scenario: planner.scenario)
    }

    struct Outcome {
        /// A bound valid for every plan.
        var bound: Double
        /// Per request, the least reduced cost of any of its packages or of u (the request's share of the bound).
        var least: [Double]
        /// Packages with a reduced cost below minus half a cent (less is the LP's noise, and the
        /// bound counts it anyway), columns of the model at their upper bound among them: per
        /// request the `perRequest` most negative ones.
        var entering: [PackageChoice]
    }

    /// The parts of one request's reduced costs that do not depend on the dates.
    private struct Prices {
        let model: PackageModel
        let y: [Double]

        /// −Σ y over the rows that occupying `trainers` on `day` enters.
        func day(_ day: Day, _ trainers: [String]) -> Double {
            var sum = 0.0
            for t in trainers {
                if let row = model.trainerRows.day[t]?[day.ordinal] { sum -= y[row] }
                if let row = model.trainerRows.month[t]?[day.monthKey] { sum -= y[row] }
            }
            return sum
        }

        /// −Σ y over the assign row of `m`, the aggregate R7 row and the package and load rows of `trainers`.
        func package(_ m: Int, _ trainers: [String]) -> Double {
            var sum = -y[model.assignRows[m]] - (model.trainerRows.total.map { y[$0] } ?? 0)
            for t in trainers {
                if let row = model.trainerRows.packages[t] { sum -= y[row] }
                if let row = model.trainerRows.load[t] { sum -= y[row] }
            }
            return sum
        }
    }

    /// Prices `model`'s complete packages with `dual`'s row prices.
    func price(_ model: PackageModel, _ dual: DualBound, perRequest: Int) -> Outcome {
        let prices = Prices(model: model, y: dual.rowPrices)
        let columns = model.model.variables
        // Σ y·b and the constant: the dual bound less its column terms.
        var base = dual.value
        for (j, variable) in columns.enumerated() where dual.reducedCosts[j] != 0 {
            base -= min(dual.reducedCosts[j] * variable.lower, dual.reducedCosts[j] * variable.upper)
        }
        if let load = model.maxLoad {
            let d = dual.reducedCosts[load.index]
            base += min(d * columns[load.index].lower, d * columns[load.index].upper)
        }
        var least: [Double] = []
        var entering: [PackageChoice] = []
        for (m, candidate) in planner.candidates.enumerated() {
            var best = dual.reducedCosts[model.unscheduled[m].index]
            if let omitted = leastOmitted(m, prices) { best = min(best, omitted) }
            var negative: [(d: Double, choice: PackageChoice)] = []
            for option in candidate.options {
                let cheapest = cheapestPackages(m, option, prices)
                for found in cheapest {
                    best = min(best, found.d)
                    if found.d < -Tolerance.cent { negative.append(found) }
                }
            }
            least.append(best)
            entering += negative.sorted { ($0.d, $0.choice.workshop) < ($1.d, $1.choice.workshop) }.prefix(perRequest).map(\.choice)
        }
        return Outcome(bound: base + least.reduce(0, +), least: least, entering: entering)
    }

    /// A lower bound on the reduced cost of every package of `m` by a pair the candidates left out,
    /// nil when none was: its pair cost (and a re-plan's three moved events when the request had
    /// another pair) less the prices of the assign, cap and load rows every such package enters.
    /// Its day rows and gap penalties only add (a ≤ row's price is ≤ 0), so they are left out.
    /// The caps matter: where requests outnumber what the caps serve, their prices carry the
    /// value of a trainer's package, and without them the bound fell far below the LP's.
    func leastOmitted(_ m: Int, _ model: PackageModel, _ dual: DualBound) -> Double? {
        leastOmitted(m, Prices(model: model, y: dual.rowPrices))
    }

    private func leastOmitted(_ m: Int, _ prices: Prices) -> Double? {
        let before = planner.previous?.byRequest[m], move = planner.scenario.weights.moveEur
        return planner.candidates[m].omittedPairs.map { pair, cost in
            cost + (before.map { $0.pair == pair ? 0 : 3 * move } ?? 0) + prices.package(m, pair.ids)
        }.min()
    }

    /// Every package of `m` by `option`'s pair whose reduced cost is at most `limit`, or nil when
    /// there are more than `most` (for the proof: these are the only packages a plan no dearer
    /// than the incumbent can use).
    func packages(_ m: Int, _ option: PairOption, _ model: PackageModel, _ dual: DualBound, atMost limit: Double,
                  most: Int) -> [PackageChoice]? {
        let prices = Prices(model: model, y: dual.rowPrices)
        var found: [PackageChoice] = []
        for workshop in option.workshops {
            let parts = eventParts(m, option, workshop, prices)
            guard let leastP = parts.preparations.map(\.d).min(), let leastF = parts.followups.map(\.d).min(),
                  parts.workshop + leastP + leastF <= limit else { continue }
            for p in parts.preparations where parts.workshop + p.d + leastF <= limit {
                for f in parts.followups where parts.workshop + p.d + f.d <= limit {
                    found.append(PackageChoice(request: m, pair: option.pair, preparation: p.day, workshop: workshop.day, followup: f.day))
                    if found.count > most { return nil }
                }
            }
        }
        return found
    }

    /// The cheapest package of each workshop day of `option`, with its reduced cost.
    private func cheapestPackages(_ m: Int, _ option: PairOption, _ prices: Prices) -> [(d: Double, choice: PackageChoice)] {
        option.workshops.compactMap { workshop in
            let parts = eventParts(m, option, workshop, prices)
            guard let p = parts.preparations.min(by: { ($0.d, $0.day) < ($1.d, $1.day) }),
                  let f = parts.followups.min(by: { ($0.d, $0.day) < ($1.d, $1.day) }) else { return nil }
            return (parts.workshop + p.d + f.d, PackageChoice(request: m, pair: option.pair, preparation: p.day, workshop: workshop.day,
                                                              followup: f.day))
        }
    }

    /// A package's reduced cost by event: the pair and workshop part, and each preparation and
    /// follow-up day's part (gap penalty, move, rows).
    private func eventParts(_ m: Int, _ option: PairOption, _ workshop: WorkshopOption, _ prices: Prices)
        -> (workshop: Double, preparations: [(d: Double, day: Day)], followups: [(d: Double, day: Day)]) {
        let move = planner.scenario.weights.moveEur
        let trainers = option.pair.ids, w = workshop.day
        let before = planner.previous?.byRequest[m]
        let samePair = before?.pair == option.pair
        var part = costs.pairCost(option) + prices.package(m, trainers) + prices.day(w, trainers) + prices.day(w.advanced(by: 1), trainers)
        if before != nil { part += samePair ? (before!.workshop == w ? 0 : move) : 3 * move }
        let preparations = workshop.preparations.map { p in
            (d: costs.preparationPenalty(p, workshop: w) + prices.day(p, trainers) + (samePair && before!.preparation != p ? move : 0), day: p)
        }
        let followups = workshop.followups.map { f in
            (d: costs.followupPenalty(workshop: w, f) + prices.day(f, trainers) + (samePair && before!.followup != f ? move : 0), day: f)
        }
        return (part, preparations, followups)
    }
}
