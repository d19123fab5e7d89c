extension PlanChecker {
    /// Plan amounts are rounded to cents; this allows for that rounding and no more.
    static let centTolerance = 0.011

    /// Cost: each package's fee, materials (participants × rate) and travel (SPEC §3, both trainers,
    /// three events) as the municipality pays them, and a total that is their sum; confirmed bookings included.
    func costs(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts {
            let stated = fact.package.costs
            let fee = scenario.costs.feeEur
            let materials = Double(fact.participants) * scenario.costs.materialsEurPerParticipant
            let travel = expectedTravel(fact) ?? stated.travel
            for (item, planned, expected) in [("fee", stated.fee, fee), ("materials", stated.materials, materials),
                                              ("travel", stated.travel, travel)]
            where abs(planned - expected) > PlanChecker.centTolerance {
                found.append(Violation("cost", fact.municipality,
                                       "\(item) is \(CheckerText.eur(planned)) EUR in the plan, "
                                           + "\(CheckerText.eur(expected)) EUR by the spec"))
            }
            // The total is judged against the plan's own items, so that one wrong item is one finding.
            let sum = stated.fee + stated.materials + stated.travel
            if abs(stated.total - sum) > PlanChecker.centTolerance {
                found.append(Violation("cost", fact.municipality,
                                       "total is \(CheckerText.eur(stated.total)) EUR in the plan, but its fee, "
                                           + "materials and travel sum to \(CheckerText.eur(sum)) EUR"))
            }
        }
        return found
    }

    /// The package's travel cost by SPEC §3: for each trainer and event, the trip at the trainer's
    /// distance to the municipality. Nil when the municipality or a trainer is unknown.
    func expectedTravel(_ fact: PackageFacts) -> Double? {
        guard let location = fact.location, let trainers = knownTrainers(of: fact.package) else { return nil }
        var total = 0.0
        for trainer in trainers {
            let km = scenario.km(trainer: trainer, municipality: fact.municipality, at: location)
            for event in EventKind.allCases { total += travel.trip(km: km, days: event.days).cost }
        }
        return total
    }
}
