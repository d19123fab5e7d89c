extension PlanChecker {
    /// R4 Working days: the workshop is two consecutive calendar days, and every event day is Monday
    /// to Friday, no public holiday in the municipality's state, outside the office closure, not a
    /// blackout day of the municipality, and outside the state's school holidays when
    /// `avoid_school_holidays` is on. Confirmed bookings are checked by `confirmedBookingRules`.
    func r4WorkingDays(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts where !fact.isConfirmed {
            let workshop = fact.package.workshop
            if workshop.count != 2 || workshop[0].advanced(by: 1) != workshop[1] {
                let days = workshop.isEmpty ? "none" : workshop.map(\.iso).joined(separator: ", ")
                found.append(Violation(.r4, fact.municipality,
                                       "the workshop days (\(days)) are not two consecutive calendar days"))
            }
            let blackout = fact.request?.blackout ?? []
            for (kind, day) in fact.eventDays {
                if let reason = calendar.reasonNotWorking(day, state: fact.state, blackout: blackout) {
                    found.append(Violation(.r4, fact.municipality,
                                           "\(CheckerText.dayLabel(kind)) \(day) is not a working day: \(reason.text)"))
                }
            }
        }
        return found
    }
}
