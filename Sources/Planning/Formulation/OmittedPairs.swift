import Optimization

/// The columns a relaxation gives to the pairs the candidate builder left out (or thinned), so
/// that a request served by them still uses trainer capacity. Without this, the LP could serve
/// every request through pairs that occupy no one, and in a quarter where the caps cannot serve
/// all requests the bound fell to a few percent of the optimum.
///
/// - Per pair (when the scenario has at most `perPairUpTo` of them): `other[m,p]` at the pair's
///   cost (plus three moved events when a re-plan had the request on another pair), counted as
///   a package of both trainers: R7's caps, the days rows and the max-load term all see it.
/// - Beyond that: one `other[m]` per request at its least such cost, held only by the aggregate
///   row (`addTotalRow`): two trainer-packages per served request, at most what all trainers'
///   caps and free days allow.
/// No event days are known for these columns, so their gap penalties count as zero: still a relaxation.
struct OmittedPairs {
    static let perPairUpTo = 150_000

    let perPair: Bool
    /// Per request index, its `other` columns.
    private(set) var columns: [Int: [VariableRef]] = [:]

    init(_ candidates: [RequestCandidates]) {
        perPair = candidates.reduce(0) { $0 + $1.omittedPairs.count } <= Self.perPairUpTo
    }

    /// Adds request `m`'s columns to `model` and `assign`; `countPackage` is called for each
    /// trainer of a per-pair column.
    mutating func add(_ candidate: RequestCandidates, request m: Int, to model: inout Model, assign: inout LinearExpression,
                      weights: Weights, previous: PreviousPlacements?, countPackage: (String, VariableRef) -> Void) {
        guard !candidate.omittedPairs.isEmpty else { return }
        let before = previous?.byRequest[m]
        let moves = { (pair: TrainerPair) in before.map { $0.pair == pair ? 0 : 3 * weights.moveEur } ?? 0 }
        let id = candidate.request.id
        if perPair {
            for (pair, cost) in candidate.omittedPairs {
                let other = model.addBinary("other[\(id),\(pair)]", objective: cost + moves(pair))
                assign.add(other)
                columns[m, default: []].append(other)
                for trainer in pair.ids { countPackage(trainer, other) }
            }
        } else {
            let least = candidate.omittedPairs.map { $0.cost + moves($0.pair) }.min()!
            let other = model.addBinary("other[\(id)]", objective: least)
            assign.add(other)
            columns[m] = [other]
        }
    }

    /// The aggregate capacity row over `served` (every package column of the model, `other`
    /// included): a package takes two trainer-packages, so at most ⌊total / 2⌋ packages, the
    /// rounding being valid because packages are whole (a Chvátal–Gomory cut of the trainers' R7
    /// rows; without it the LP serves half a request more whenever the caps add up to an odd number).
    static func addTotalRow(to model: inout Model, served: LinearExpression, scenario: Scenario, commitments: TrainerCommitments) {
        guard !served.terms.isEmpty else { return }
        model.addConstraint("R7.total", served, upper: Double(totalPackages(scenario, commitments) / 2))
    }

    /// Trainer-packages all trainers together can still take: each at most its cap after
    /// confirmed bookings and a quarter of its free days (a package takes four event days).
    static func totalPackages(_ scenario: Scenario, _ commitments: TrainerCommitments) -> Int {
        scenario.trainers.reduce(0) { sum, trainer in
            let byDays = AssignmentRelaxation.freeDays(trainer, eventSpan(scenario), commitments) / 4
            let byCap = trainer.maxPackages.map { max(0, $0 - (commitments.pinnedPackages[trainer.id] ?? 0)) } ?? byDays
            return sum + min(byDays, byCap)
        }
    }

    /// Every day an event of a planned package can fall on: from the planning start (meetings
    /// before it are not candidates) to the last follow-up a workshop in the horizon allows.
    static func eventSpan(_ scenario: Scenario) -> ClosedRange<Day> {
        scenario.planningStart...max(scenario.planningStart, scenario.horizon.upperBound.advanced(by: scenario.rules.followupGap.max))
    }
}
