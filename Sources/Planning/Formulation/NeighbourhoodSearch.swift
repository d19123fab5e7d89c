import Foundation
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
                        progress: ((String) -> Void)? = nil, onImprovement: ((Double) -> Void)? = nil) throws -> Outcome {
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
        let kinds = Neighbourhood.allCases
        func closeEnough() -> Bool {
            guard let bound else { return false }
            return objective - bound >= -0.005 && objective - bound <= max(0.005, relativeGap * max(abs(objective), 1))
        }
        while ContinuousClock.now < deadline && !closeEnough() && cancellation?.isCancelled != true {
            let kind = kinds[outcome.rounds % kinds.count]
            outcome.rounds += 1
            let free = kind.requests(size: size, plan: current, plannable: plannable, planner: planner, random: &random)
            guard !free.isEmpty else { continue }
            let sub = subproblem(freeing: free, plan: current)
            let remaining = Double((deadline - ContinuousClock.now).components.seconds)
            let limit = max(0.5, min(subproblemSeconds, remaining))
            let start = sub.model.values(for: current, pinnedPackages: planner.commitments.pinnedPackages)
            let result = try solver.solve(sub.model.model, parameters: SolveParameters(
                timeLimitSeconds: limit, relativeGap: 0, start: start, log: log, cancellation: cancellation))
            var improved = false
            if debugSearch {
                progress?("round \(outcome.rounds) \(kind) free \(free.count) cols \(sub.model.model.variables.count) start \(start != nil) → \(result.status) \(result.objective.map { cents($0) } ?? -1) in \(cents(result.seconds)) s")
            }
            if let values = result.values, result.status == .optimal || result.status == .feasible {
                let candidate = sub.model.choices(from: values)
                let value = assembler.objectiveTerms(candidate).total
                if value < objective - 0.005 {
                    current = candidate
                    objective = value
                    improved = true
                    outcome.improvements += 1
                    onImprovement?(objective)
                    progress?("local search: \(cents(objective)) EUR (round \(outcome.rounds), \(kind) of \(free.count))")
                }
            }
            if free.count == requestCount && sub.isExact && result.status == .optimal {
                outcome.provenOptimal = true
                break
            }
            if improved {
                failures = 0
            } else {
                failures += 1
                // Solved quickly without gain: look wider.
                if failures >= kinds.count && result.status == .optimal && size < plannable.count {
                    size = min(plannable.count, size + max(2, size / 3))
                    failures = 0
                } else if result.status != .optimal && size > 4 {
                    size -= 1
                }
                if failures >= 3 * kinds.count { break }
            }
        }
        outcome.choices = current
        outcome.objective = objective
        return outcome
    }

    /// The package model in which only `free` requests may change: every other request keeps its
    /// one current column (or stays unscheduled), so trainer days and caps it uses stay taken.
    func subproblem(freeing free: Set<Int>, plan: [PackageChoice]) -> (model: PackageModel, isExact: Bool) {
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
        // Free requests keep their cheapest pairs (and the current one) and as many date
        // combinations as fit the budget: fewer pairs first, then fewer dates.
        let budget = subproblemColumns + plan.count
        var shape = DateShape.exact
        var pruned = false
        for pairs in [Int.max, 12, 8, 6, 4, 3, 2, 1] {
            var trial = candidates
            for m in free where trial[m].options.count > pairs {
                let current = byRequest[m]?.pair
                trial[m].options = trial[m].options.enumerated().filter { $0.offset < pairs || $0.element.pair == current }.map(\.element)
            }
            if let fitting = DateShape.ladder.first(where: { ColumnSelection.totalColumns(trial, $0) <= budget }) {
                candidates = trial
                shape = fitting
                pruned = pairs != .max
                break
            }
            if pairs == 1 { candidates = trial; shape = DateShape.ladder.last!; pruned = true }
        }
        let model = PackageModel(scenario: planner.scenario, candidates: candidates, commitments: planner.commitments,
                                 shape: shape, previous: planner.previous)
        return (model, model.isExact && !pruned)
    }
}

private let debugSearch = ProcessInfo.processInfo.environment["WSPLAN_DEBUG_SEARCH"] != nil

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
        var free = Set(plannable.filter { !served.contains($0) }.shuffled(using: &random).prefix(max(1, size / 3)))
        switch self {
        case .trainers:
            let trainers = planner.scenario.trainers.map(\.id).shuffled(using: &random)
            for trainer in trainers {
                let theirs = plan.filter { $0.pair.contains(trainer) }.map(\.request).shuffled(using: &random)
                for m in theirs where free.count < size { free.insert(m) }
                if free.count >= size { break }
            }
        case .period:
            let ordered = plan.sorted { ($0.workshop, $0.request) < ($1.workshop, $1.request) }
            guard !ordered.isEmpty else { break }
            let first = Int.random(in: 0..<ordered.count, using: &random)
            for choice in ordered[first...] where free.count < size { free.insert(choice.request) }
            for choice in ordered[..<first].reversed() where free.count < size { free.insert(choice.request) }
        case .region:
            let requests = planner.scenario.requests
            let centre = requests[plannable[Int.random(in: 0..<plannable.count, using: &random)]].location
            let nearest = plannable.sorted {
                (requests[$0].location.squaredDistance(to: centre), $0) < (requests[$1].location.squaredDistance(to: centre), $1)
            }
            for m in nearest where free.count < size { free.insert(m) }
        case .scattered:
            for m in plannable.shuffled(using: &random) where free.count < size { free.insert(m) }
        }
        return free
    }
}

extension PairOption {
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
