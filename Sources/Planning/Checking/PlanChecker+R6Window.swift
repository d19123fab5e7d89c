extension PlanChecker {
    /// R6 Window: W lies in the horizon and in the municipality's own window, and no event lies
    /// before the planning start; F may lie beyond the horizon. Confirmed bookings are exempt.
    func r6Window(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts where !fact.isConfirmed {
            func report(_ text: String) { found.append(Violation(.r6, fact.municipality, text)) }
            if let start = fact.workshopStart {
                if !scenario.horizon.contains(start) {
                    report("workshop \(start) lies outside the horizon \(CheckerText.range(scenario.horizon))")
                }
                if let earliest = fact.request?.earliest, start < earliest {
                    report("workshop \(start) is before the municipality's earliest day \(earliest)")
                }
                if let latest = fact.request?.latest, start > latest {
                    report("workshop \(start) is after the municipality's latest day \(latest)")
                }
            }
            for (kind, day) in fact.eventDays where day < scenario.planningStart {
                report("\(CheckerText.dayLabel(kind)) \(day) is before the planning start \(scenario.planningStart)")
            }
        }
        return found
    }
}
