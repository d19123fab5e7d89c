extension PlanChecker {
    /// R2–R4 for the scenario's confirmed bookings (`BookingRules`): a booking that breaks them is
    /// reported under its rule, as "confirmed booking: …", though the plan cannot change it.
    func confirmedBookingRules() -> [Violation] {
        guard !scenario.bookings.isEmpty else { return [] }
        let years = scenario.bookings.flatMap { [$0.preparation.year, $0.followup.year] }
        let rules = BookingRules(rules: scenario.rules, years: years.min()!...years.max()!)
        return scenario.bookings.flatMap { booking in
            rules.findings(booking).map { Violation($0.rule, booking.municipality, "confirmed booking: \($0.text)") }
        }
    }
}
