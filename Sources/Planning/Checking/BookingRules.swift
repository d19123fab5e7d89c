/// SPEC §2's R2–R4 for a confirmed package: a booking is a package like any planned one, so its
/// gaps and working days follow the same rules. `wsplan confirm` refuses to add to a bookings
/// file that holds one breaking them, and `wsplan check` reports it.
///
/// What a booking does not carry is not checked: the municipality's blackout days (its request
/// is gone once it is booked) and the optional school-holiday rule (a switch of the scenario,
/// not part of R4).
public struct BookingRules: Sendable {
    /// One rule a booking breaks, with a plain sentence (without the municipality).
    public struct Finding: Sendable, Equatable {
        public var rule: Rule
        public var text: String
        /// Whether a scenario setting decides it (the gaps, the office closure), not the
        /// calendar alone (weekends, public holidays).
        public var dependsOnSettings: Bool
    }

    public let rules: Rules
    private let calendar: WorkingCalendar

    /// Public holidays are computed for `years` (and by rule for any other year).
    public init(rules: Rules, years: ClosedRange<Int>) {
        var plain = rules
        plain.avoidSchoolHolidays = false
        self.rules = rules
        calendar = WorkingCalendar(rules: plain, years: years)
    }

    /// Every R2, R3 and R4 finding of `booking`, in that order.
    public func findings(_ booking: Booking) -> [Finding] {
        var found: [Finding] = []
        let workshop = booking.workshop
        let prepGap = booking.preparation.distance(to: workshop)
        if prepGap < rules.prepGap.min || prepGap > rules.prepGap.max {
            found.append(Finding(rule: .r2, text: "workshop \(workshop) is \(prepGap) days after the preparation \(booking.preparation); allowed \(rules.prepGap.min)–\(rules.prepGap.max)",
                                 dependsOnSettings: true))
        }
        let followupGap = workshop.distance(to: booking.followup)
        if followupGap < rules.followupGap.min || followupGap > rules.followupGap.max {
            found.append(Finding(rule: .r3, text: "follow-up \(booking.followup) is \(followupGap) days after the workshop \(workshop); allowed \(rules.followupGap.min)–\(rules.followupGap.max)",
                                 dependsOnSettings: true))
        }
        let days: [(EventKind, Day)] = [(.preparation, booking.preparation), (.workshop, workshop),
                                        (.workshop, workshop.advanced(by: 1)), (.followup, booking.followup)]
        for (kind, day) in days {
            if let reason = calendar.reasonNotWorking(day, state: booking.state) {
                found.append(Finding(rule: .r4, text: "\(CheckerText.dayLabel(kind)) \(day) is not a working day: \(reason.text)",
                                     dependsOnSettings: calendar.isOfficeClosure(day) && !day.isWeekend && calendar.publicHoliday(day, state: booking.state) == nil))
            }
        }
        return found
    }
}
