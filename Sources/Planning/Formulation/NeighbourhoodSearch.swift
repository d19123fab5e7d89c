import Optimization

/// Large-neighbourhood search: improves a plan by freeing a few requests at a time and solving
/// the small package model that remains, with every other request held where it is.
///
/// GLPK has no local search of its own (no RINS, no local branching) and is weak at finding good
/// plans in a large model, but it solves a model of a dozen requests in a fraction of a second.
/// Each round frees one neighbourhood (the packages of two or three trainers, the workshops of a
/// few weeks, the requests around one place, or any few), gives the sub-model the current plan as
/// its start, and keeps the result when it is cheaper. The freed requests get every date
/// combination that fits `subproblemColumns`, so rounds can reach plans the pruned full model
/// cannot. A sub-model proven optimal with every request free and every combination is the
/// optimum of the whole problem; `provenOptimal` says so.
///
/// Deterministic for a seed when the sub-solves finish within their limits (the neighbourhoods
/// come from a fixed pseudo-random sequence).
public struct NeighbourhoodSearch {
    public let planner: Planner
    /// Most package columns one sub-model may carry for its free requests.
    public var subproblemColumns = 12_000
    /// Time limit of one sub-model.
    public var subproblemSeconds = 4.0
    public var seed: UInt64 = 0x5EED
    /// Within the gap limit, stop after this many rounds in a row without gain (nil: after twice
    /// as many failures as there are kinds of neighbourhood): for when a proof can take over.
    public var patience: Int?
    /// Whether `patience` also ends the search outside the gap limit (a proof that can decide is at hand).
    public var patienceOutsideGap = false

    public init(planner: Planner) { self.planner = planner }

    public struct Outcome {
        public var choices: [PackageChoice]
        public var objective: Double
        public var rounds: Int
        public var improvements: Int
        /// True when a round freed every request with every date combination and was proven optimal.
        public var provenOptimal: Bool
    }

    /// Improves `start` until `deadline`, until the plan is within `relativeGap` of `bound`, or
    /// until every kind of neighbourhood has failed to improve it several times in a row.
    public func improve(_ start: [PackageChoice], using solver: some Solver, until deadline: ContinuousClock.Instant,
                        bound: Double? = nil, relativeGap: Double = 0, cancellation: Cancellation? = nil,
                        log: (@Sendable (String) -> Void)? = nil,
                        progress: ((String) -> Void)? = nil, onImprovement: (([PackageChoice], Double) -> Void)? = nil) throws -> Outcome {
        let assembler = PlanAssembler(planner: planner)
        var current = start
        var objective = assembler.objectiveTerms(current).total
        var random = SplitMix64(seed: seed)
        let requestCount = planner.candidates.count
        let plannable = planner.candidates.indices.filter { !planner.candidates[$0].options.isEmpty }
        var outcome = Outcome(choices: current, objective: objective, rounds: 0, improvements: 0, provenOptimal: false)
        guard !plannable.isEmpty else { outcome.provenOptimal = true; return outcome }

        var size = min(plannable.count, 10)
        var failures = 0
        /// Rounds in a row without gain (not reset when neighbourhoods grow).
        var stale = 0
        let kinds = Neighbourhood.allCases
        // At the bound: done. Within the gap limit: a few more rounds, while they still pay off.
        func closeEnough() -> Bool {
            guard let bound, objective - bound >= -Tolerance.cent else { return false }
            if objective - bound <= Tolerance.cent { return true }
            guard objective - bound <= relativeGap * max(abs(objective), 1) else {
                return patienceOutsideGap && patience.map { stale >= $0 } ?? false
            }
            return failures >= 2 * kinds.count || patience.map { stale >= $0 } ?? false
        }
        while ContinuousClock.now < deadline && !closeEnough() && cancellation?.isCancelled != true {
            let kind = kinds[outcome.rounds % kinds.count]
            outcome.rounds += 1
            let free = kind.requests(size: size, plan: current, plannable: plannable, planner: planner, random: &random)
            guard !free.isEmpty else { continue }
            let sub = subproblem(freeing: free, plan: current, preferNearDays: (outcome.rounds / kinds.count) % 2 == 1)
            let left = deadline - ContinuousClock.now
            let remaining = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            // Building the sub-model took time too: no round that could not finish by the deadline.
            guard remaining > 0.2 else { break }
            let limit = min(subproblemSeconds, remaining)
            let start = sub.model.values(for: current, pinnedPackages: planner.commitments.pinnedPackages)
            let result = try solver.solve(sub.model.model, parameters: SolveParameters(
                timeLimitSeconds: limit, relativeGap: 0, start: start, log: log, cancellation: cancellation))
            var improved = false
            if let values = result.values, result.status == .optimal || result.status == .feasible {
                let candidate = sub.model.choices(from: values)
                let value = assembler.objectiveTerms(candidate).total
                if value < objective - Tolerance.cent {
                    current = candidate
                    objective = value
                    improved = true
                    outcome.improvements += 1
                    onImprovement?(current, objective)
                    progress?("local search: \(cents(objective)) EUR (round \(outcome.rounds), \(kind) of \(free.count))")
                }
            }
            if free.count == requestCount && sub.isExact && result.status == .optimal {
                outcome.provenOptimal = true
                break
            }
            if improved {
                failures = 0
                stale = 0
            } else {
                failures += 1
                stale += 1
                // Solved quickly without gain: look wider.
                if failures >= kinds.count && result.status == .optimal && size < plannable.count {
                    size = min(plannable.count, size + max(2, size / 3))
                    failures = 0
                } else if result.status != .optimal && size > 4 {
                    size -= 1
                }
                // Every request free and solved to optimality without gain: the search is done.
                // Otherwise a large scenario keeps trying other neighbourhoods until the deadline;
                // a small one, whose neighbourhoods repeat, stops after a few fruitless rounds.
                if free.count >= plannable.count && result.status == .optimal { break }
                if failures >= 3 * kinds.count && plannable.count <= 4 * size { break }
            }
        }
        outcome.choices = current
        outcome.objective = objective
        return outcome
    }

    /// The package model in which only `free` requests may change: every other request keeps its
    /// one current column (or stays unscheduled), so trainer days and caps it uses stay taken.
    func subproblem(freeing free: Set<Int>, plan: [PackageChoice], preferNearDays: Bool) -> (model: PackageModel, isExact: Bool) {
        let byRequest = Dictionary(plan.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        var candidates = planner.candidates
        for m in candidates.indices {
            if free.contains(m) {
                // The current choice must stay representable: put its dates first in their lists.
                if let choice = byRequest[m] { candidates[m].options = candidates[m].options.map { $0.leading(choice) } }
            } else if let choice = byRequest[m], let option = candidates[m].options.first(where: { $0.pair == choice.pair }) {
                candidates[m].options = [option.only(choice)]
            } else {
                candidates[m].options = []
            }
        }
        // Free requests keep as much as fits the budget: fewer workshop days (those near the
        // current one; every k-th for a request not served) or fewer pairs (the cheapest and the
        // current one) first, as `preferNearDays` says, then fewer meeting-day combinations.
        // Rounds alternate: one kind moves packages far in time, the other to other trainers.
        let budget = subproblemColumns + plan.count
        var shape = DateShape.ladder.last!
        var pruned = true
        let steps: [(days: Int, pairs: Int)] = preferNearDays
            ? [(.max, .max), (60, .max), (30, .max), (30, 12), (14, 12), (14, 8), (7, 8), (7, 6), (7, 4), (3, 4), (3, 2), (1, 2), (1, 1)]
            : [(.max, .max), (.max, 12), (.max, 8), (.max, 6), (.max, 4), (.max, 3), (.max, 2), (60, 2), (30, 2), (30, 1), (7, 1), (1, 1)]
        var chosen = candidates
        for (index, step) in steps.enumerated() {
            var trial = candidates
            for m in free {
                let current = byRequest[m]
                var options = trial[m].options
                if options.count > step.pairs {
                    options = options.enumerated().filter { $0.offset < step.pairs || $0.element.pair == current?.pair }.map(\.element)
                }
                if step.days != .max {
                    options = options.map { $0.near(current?.workshop, within: step.days, keeping: current) }.filter { !$0.workshops.isEmpty }
                }
                trial[m].options = options
            }
            chosen = trial
            let fitting = DateShape.ladder.prefix(index == steps.count - 1 ? DateShape.ladder.count : 4)
                .first(where: { ColumnSelection.totalColumns(trial, $0) <= budget })
            if let fitting {
                shape = fitting
                pruned = index > 0
                break
            }
        }
        candidates = chosen
        let model = PackageModel(scenario: planner.scenario, candidates: candidates, commitments: planner.commitments,
                                 shape: shape, previous: planner.previous)
        return (model, model.isExact && !pruned)
    }
}

/// The kinds of request sets a round frees.
enum Neighbourhood: CaseIterable, CustomStringConvertible {
    /// Every package of two or three trainers (and so every pair among them can be re-formed).
    case trainers
    /// The workshops of a few consecutive weeks.
    case period
    /// The requests nearest to one place.
    case region
    /// Any few requests.
    case scattered

    var description: String {
        switch self {
        case .trainers: "trainers"
        case .period: "weeks"
        case .region: "region"
        case .scattered: "requests"
        }
    }

    func requests(size: Int, plan: [PackageChoice], plannable: [Int], planner: Planner,
                  random: inout SplitMix64) -> Set<Int> {
        let served = Set(plan.map(\.request))
        // Unscheduled requests are always worth another try, a few at a time.
        var free = Set(random.shuffled(plannable.filter { !served.contains($0) }).prefix(max(1, size / 3)))
        switch self {
        case .trainers:
            let trainers = random.shuffled(planner.scenario.trainers.map(\.id))
            for trainer in trainers {
                let theirs = random.shuffled(plan.filter { $0.pair.contains(trainer) }.map(\.request))
                for m in theirs where free.count < size { free.insert(m) }
                if free.count >= size { break }
            }
        case .period:
            let ordered = plan.sorted { ($0.workshop, $0.request) < ($1.workshop, $1.request) }
            guard !ordered.isEmpty else { break }
            let first = random.below(ordered.count)
            for choice in ordered[first...] where free.count < size { free.insert(choice.request) }
            for choice in ordered[..<first].reversed() where free.count < size { free.insert(choice.request) }
        case .region:
            let requests = planner.scenario.requests
            let centre = requests[plannable[random.below(plannable.count)]].location
            let nearest = plannable.sorted {
                (requests[$0].location.squaredDistance(to: centre), $0) < (requests[$1].location.squaredDistance(to: centre), $1)
            }
            for m in nearest where free.count < size { free.insert(m) }
        case .scattered:
            for m in random.shuffled(plannable) where free.count < size { free.insert(m) }
        }
        return free
    }
}

extension PairOption {
    /// This option with only the workshop days within `days` of `day` (every `90 / days`-th day
    /// when there is no current day), always keeping `current`'s.
    func near(_ day: Day?, within days: Int, keeping current: PackageChoice?) -> PairOption {
        var copy = self
        let stride = max(1, 90 / max(1, days))
        copy.workshops = workshops.enumerated().filter { offset, workshop in
            if let current, current.pair == pair, current.workshop == workshop.day { return true }
            guard let day else { return offset % stride == 0 }
            return abs(day.distance(to: workshop.day)) <= days
        }.map(\.element)
        return copy
    }

    /// This option reduced to one package's dates.
    func only(_ choice: PackageChoice) -> PairOption {
        PairOption(pair: pair, travelCost: travelCost, isPreferred: isPreferred,
                   workshops: [WorkshopOption(day: choice.workshop, preparations: [choice.preparation], followups: [choice.followup])],
                   preparationDays: [choice.preparation], followupDays: [choice.followup])
    }

    /// This option with `choice`'s meeting days moved to the front of its workshop day's lists,
    /// so every date shape includes it.
    func leading(_ choice: PackageChoice) -> PairOption {
        guard choice.pair == pair else { return self }
        var copy = self
        copy.workshops = workshops.map { workshop in
            guard workshop.day == choice.workshop else { return workshop }
            return WorkshopOption(day: workshop.day,
                                  preparations: [choice.preparation] + workshop.preparations.filter { $0 != choice.preparation },
                                  followups: [choice.followup] + workshop.followups.filter { $0 != choice.followup })
        }
        return copy
    }
}

extension Coordinate {
    /// Squared distance in degrees, with longitude scaled for Germany's latitude; for ordering only.
    func squaredDistance(to other: Coordinate) -> Double {
        let dLat = lat - other.lat, dLon = (lon - other.lon) * 0.63
        return dLat * dLat + dLon * dLon
    }
}
