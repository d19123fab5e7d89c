import Planning

/// Checks that need several sections at once, run after everything is read: a horizon that holds
/// a workshop at all, enough trainers, and confirmed bookings that fit together (R5, R9).
extension ScenarioDecoder {
    mutating func checkConsistency(root: SourceNode, planningStart: Day?, horizon: ClosedRange<Day>?) {
        if let planningStart, let horizon, let node = root["horizon"] {
            checkWorkshopDayExists(planningStart: planningStart, horizon: horizon, at: node.location)
        }
        if trainers.count == 1, trainerOrder.count == 1, let node = root["trainers"] {
            log.add("the scenario lists one trainer, but every package is run by two; add a second trainer", at: node.location)
        }
        checkBookingsAgainstEachOther()
        checkBookingsAgainstUnavailability()
        warnAboutBookingRules()
    }

    /// R2–R4 for confirmed packages: one that breaks them is a fact the plan keeps (R9), so a
    /// warning here; `wsplan check` reports it, and `wsplan confirm` adds nothing to such a file.
    private mutating func warnAboutBookingRules() {
        guard !bookings.isEmpty else { return }
        let years = bookings.flatMap { [$0.preparation.year, $0.followup.year] }
        let bookingRules = BookingRules(rules: rules, years: years.min()!...years.max()!)
        for (booking, location) in zip(bookings, bookingLocations) {
            for finding in bookingRules.findings(booking) {
                log.warn("the confirmed package of '\(booking.municipality)' breaks \(finding.rule.code): \(finding.text); it is kept as booked (R9) and `wsplan check` reports it: correct the booking if its dates are wrong",
                         at: location)
            }
        }
    }

    /// A horizon in which no state has two consecutive working days (from planning_start on) can
    /// hold no workshop at all: always a mistake in the dates, never a plan to compute.
    private mutating func checkWorkshopDayExists(planningStart: Day, horizon: ClosedRange<Day>, at location: SourceLocation) {
        let first = max(horizon.lowerBound, planningStart)
        guard first <= horizon.upperBound else { return }  // reported with the horizon
        let calendar = WorkingCalendar(rules: rules, schoolHolidays: rules.avoidSchoolHolidays ? BundledSchoolHolidays.byState : [:],
                                       years: first.year...horizon.upperBound.advanced(by: 1).year)
        for day in first...horizon.upperBound {
            if GermanState.allCases.contains(where: { calendar.isWorkingDay(day, state: $0) && calendar.isWorkingDay(day.advanced(by: 1), state: $0) }) {
                return
            }
        }
        let from = first == horizon.lowerBound ? "" : " from planning_start (\(planningStart)) on"
        log.add("the horizon \(horizon.lowerBound)..\(horizon.upperBound) has no two consecutive working days\(from) in any state (weekends, public holidays and the office closure leave none), so no workshop fits; widen the horizon",
                at: location)
    }

    /// R5/R9: no trainer has two confirmed events on one day.
    mutating func checkBookingsAgainstEachOther() {
        var taken: [String: [Day: Int]] = [:]  // trainer → day → index of the first booking
        for (index, booking) in bookings.enumerated() {
            var reported = Set<Int>()
            for trainer in booking.trainers.ids {
                for day in booking.eventDays {
                    guard let other = taken[trainer]?[day] else {
                        taken[trainer, default: [:]][day] = index
                        continue
                    }
                    guard other != index, reported.insert(other).inserted else { continue }
                    let otherBooking = bookings[other]
                    log.add("the confirmed packages of '\(otherBooking.municipality)' (at \(bookingLocations[other].reference(from: bookingLocations[index]))) and '\(booking.municipality)' both need trainer '\(trainer)' on \(day); a trainer runs one event a day: correct the dates or trainers of one of them",
                            at: bookingLocations[index])
                }
            }
        }
    }

    /// R5/R9: a confirmed event never falls on a day its trainer marked unavailable.
    private mutating func checkBookingsAgainstUnavailability() {
        let byID = Dictionary(trainers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, booking) in bookings.enumerated() {
            for id in booking.trainers.ids {
                guard let trainer = byID[id] else { continue }
                let clashes = booking.eventDays.filter { trainer.unavailable.contains($0) }
                guard !clashes.isEmpty else { continue }
                let days = Spelling.list(clashes.map(\.iso), conjunction: "and")
                let declared = trainerDeclarations[id].map { " (trainer at \($0.reference(from: bookingLocations[index])))" } ?? ""
                log.add("the confirmed package of '\(booking.municipality)' needs trainer '\(id)' on \(days), but '\(id)' is unavailable then\(declared); remove the day(s) from the trainer's unavailable list or correct the booking",
                        at: bookingLocations[index])
            }
        }
    }
}
