import Foundation

extension PlanChecker {
    /// Objective, to the cent: each term of SPEC §4, recomputed over the packages that are not
    /// confirmed bookings, against `objective_terms`; the solver's objective against the spec's
    /// terms and against the sum of the plan's own terms (the ledger: no tolerance above half a cent).
    func objective(_ plan: Plan, _ facts: [PackageFacts]) -> [Violation] {
        let expected = expectedTerms(plan, facts)
        let stated = plan.objectiveTerms
        let terms: [(String, Double, Double)] = [
            ("unscheduled", stated.unscheduled, expected.unscheduled),
            ("travel", stated.travel, expected.travel),
            ("prep_gap", stated.prepGap, expected.prepGap),
            ("followup_gap", stated.followupGap, expected.followupGap),
            ("preferred_pairs", stated.preferredPairs, expected.preferredPairs),
            ("max_load", stated.maxLoad, expected.maxLoad),
            ("move", stated.move ?? 0, expected.move ?? 0),
        ]
        var found: [Violation] = []
        for (name, planned, recomputed) in terms where CheckerMoney.differ(planned, SpecTravel.cents(recomputed)) {
            found.append(Violation(.objective, nil,
                                   "term \(name) is \(CheckerText.eur(planned)) in the plan, \(CheckerText.eur(recomputed)) by the spec"))
        }
        if let objective = plan.solver.objective {
            let byTheSpec = terms.reduce(Decimal(0)) { $0 + SpecTravel.cents($1.2) }
            let byThePlan = terms.reduce(Decimal(0)) { $0 + SpecTravel.cents($1.1) }
            if CheckerMoney.differ(objective, byTheSpec) {
                found.append(Violation(.objective, nil,
                                       "the solver's objective is \(CheckerText.eur(objective)), "
                                           + "the terms by the spec sum to \(CheckerText.eur(byTheSpec))"))
            }
            if CheckerMoney.differ(objective, byThePlan) {
                found.append(Violation(.objective, nil,
                                       "the solver's objective is \(CheckerText.eur(objective)), "
                                           + "but the plan's objective_terms sum to \(CheckerText.eur(byThePlan))"))
            }
        }
        return found
    }

    /// The terms of SPEC §4 as the spec defines them for this plan.
    func expectedTerms(_ plan: Plan, _ facts: [PackageFacts]) -> ObjectiveTerms {
        let weights = scenario.weights
        var terms = ObjectiveTerms()
        let unscheduled = Set(plan.unscheduled.map(\.municipality))
        terms.unscheduled = unscheduled.compactMap { requestsByID[$0] }
            .reduce(0) { $0 + $1.priority * weights.unscheduledEur }
        var preferred = 0
        for fact in facts where !fact.isConfirmed {
            terms.travel += expectedTravel(fact).map(CheckerMoney.double) ?? fact.package.costs.travel
            if let start = fact.workshopStart {
                let prepGap = fact.package.preparation.distance(to: start)
                let followupGap = start.distance(to: fact.package.followup)
                terms.prepGap += weights.prepGapEur * Double(abs(prepGap - scenario.rules.prepGap.target))
                terms.followupGap += weights.followupGapEur * Double(abs(followupGap - scenario.rules.followupGap.target))
            }
            let trainers = fact.package.trainers
            if trainers.count == 2, let pair = TrainerPair(trainers[0], trainers[1]), scenario.preferredPairs.contains(pair) {
                preferred += 1
            }
        }
        terms.preferredPairs = -weights.preferredPairEur * Double(preferred)
        let largestLoad = packagesInHorizon(facts).values.map(\.count).max() ?? 0
        terms.maxLoad = weights.maxLoadEur * Double(largestLoad)
        // Without the previous plan the move term cannot be recomputed: the plan's own is taken.
        terms.move = previous.map { weights.moveEur * Double(movedEvents(plan, against: $0)) } ?? plan.objectiveTerms.move
        return terms
    }

    /// SPEC §4 `move_eur`: events (preparation, workshop, follow-up) of packages that were not
    /// confirmed in `previous` and now lie on another day, have other trainers, or are gone.
    func movedEvents(_ plan: Plan, against previous: Plan) -> Int {
        let now = Dictionary(plan.packages.filter { !$0.pinned }.map { ($0.municipality, $0) }, uniquingKeysWith: { a, _ in a })
        var moved = 0
        for before in previous.packages where !before.pinned && requestsByID[before.municipality] != nil
            && bookingsByMunicipality[before.municipality] == nil {
            guard let after = now[before.municipality] else { moved += 3; continue }
            if after.trainers.sorted() != before.trainers.sorted() { moved += 3; continue }
            moved += (after.preparation != before.preparation ? 1 : 0) + (after.workshop.first != before.workshop.first ? 1 : 0)
                + (after.followup != before.followup ? 1 : 0)
        }
        return moved
    }

    /// The solver's report is consistent (SPEC §6): the bound never exceeds the objective; a plan
    /// that claims `optimal` is proven, so its bound equals its objective to the cent (a bound
    /// below it is a gap, and the status must then be `feasible`); and the gap is
    /// `(objective − bound) / max(|objective|, 1)` up to the rounding of both to cents.
    func solverReport(_ solver: SolverReport) -> [Violation] {
        var found: [Violation] = []
        if let gap = solver.gap, gap < -1e-9 {
            found.append(Violation(.objective, nil, "solver.gap \(gap) is negative; a gap is (objective − bound) / max(|objective|, 1)"))
        }
        if solver.status == .optimal, solver.objective != nil, solver.bound == nil {
            found.append(Violation(.objective, nil, "solver.status is optimal but solver.bound is missing; an optimal plan's bound equals its objective"))
        }
        guard let objective = solver.objective, let bound = solver.bound else { return found }
        if bound > objective + Self.halfCent {
            found.append(Violation(.objective, nil,
                                   "solver.bound \(CheckerText.eur(bound)) exceeds solver.objective \(CheckerText.eur(objective)); "
                                       + "a lower bound on the objective can never be above it"))
        } else if solver.status == .optimal, objective - bound > Self.halfCent {
            let percent = ((objective - bound) / max(abs(objective), 1) * 10_000).rounded() / 100
            found.append(Violation(.objective, nil,
                                   "solver.status is optimal, but solver.bound \(CheckerText.eur(bound)) lies \(percent) % below "
                                       + "solver.objective \(CheckerText.eur(objective)); an optimal plan's bound equals its objective "
                                       + "to the cent, otherwise the status is feasible"))
        }
        if let gap = solver.gap {
            let scale = max(abs(objective), 1)
            let implied = (objective - bound) / scale
            // plan.json gives the gap to 6 decimals, from the bound before its rounding to cents.
            if abs(gap - implied) > 2e-6 + 0.01 / scale {
                found.append(Violation(.objective, nil,
                                       "solver.gap \(gap) does not match solver.objective \(CheckerText.eur(objective)) "
                                           + "and solver.bound \(CheckerText.eur(bound)) (gap \(implied))"))
            }
        }
        return found
    }

    /// Two amounts in EUR closer than this are the same number of cents.
    static let halfCent = 0.005
}
