extension PlanChecker {
    /// The ids of `plan` that its scenario does not know: a package's municipality that is
    /// neither a request nor a confirmed booking, an unscheduled municipality that is no request,
    /// a trainer of a package or of the plan's list who is not the scenario's. Such a plan was
    /// made for another scenario (or edited by hand). `check` lists these among its coverage and
    /// R1 findings; `report` and `roster` refuse the plan with them, since their pages would
    /// describe municipalities and trainers with facts the scenario does not have.
    public func unknownIDs(_ plan: Plan) -> [Violation] {
        let facts = packageFacts(plan)
        return (unknownMunicipalities(plan, facts) + facts.flatMap(unknownTrainers) + unlistedTrainers(plan))
            .sorted(by: Violation.areInListingOrder)
    }

    func unknownMunicipalities(_ plan: Plan, _ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts where !fact.isConfirmed && fact.request == nil {
            found.append(Violation(.coverage, fact.municipality, "the plan schedules a package, but the scenario has no request with this id"))
        }
        for entry in plan.unscheduled where requestsByID[entry.municipality] == nil {
            found.append(Violation(.coverage, entry.municipality, "the plan lists it as unscheduled, but the scenario has no request with this id"))
        }
        return found
    }

    func unknownTrainers(_ fact: PackageFacts) -> [Violation] {
        Set(fact.package.trainers).sorted().filter { trainersByID[$0] == nil }
            .map { Violation(.r1, fact.municipality, "unknown trainer \($0)") }
    }

    /// The plan's list of trainers (their names go into calendars and rosters).
    func unlistedTrainers(_ plan: Plan) -> [Violation] {
        (plan.trainers ?? []).filter { trainersByID[$0.id] == nil }
            .map { Violation(.coverage, nil, "the plan names trainer \($0.id), but the scenario has no trainer with this id") }
    }
}
