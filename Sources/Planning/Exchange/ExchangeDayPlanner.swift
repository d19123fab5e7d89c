/// The cohort's exchange day (SPEC §1): one date and one venue for the municipalities of a plan,
/// 12–18 months after each one's workshop, as many covered as possible, then the least total
/// delegate travel (km from the municipalities), then the earliest date.
///
/// Small enough to solve exactly by enumeration: every venue × every working day in the window.
public enum ExchangeDayPlanner {
    public static func choose(for packages: [PlannedPackage], scenario: Scenario, calendar: WorkingCalendar) -> ExchangeDay? {
        guard let settings = scenario.exchange, !settings.venues.isEmpty else { return nil }
        let cohort = packages.filter { !$0.pinned }
        guard !cohort.isEmpty else { return nil }
        let windows = cohort.map { p in (p, p.workshop[0].addingMonths(settings.monthsMin), p.workshop[0].addingMonths(settings.monthsMax)) }
        let first = windows.map(\.1).min()!, last = windows.map(\.2).max()!
        let travel = TravelCost(settings: scenario.costs.travel)

        var best: (count: Int, km: Double, choice: ExchangeDay)?
        for day in first...last {
            let covered = windows.filter { $0.1 <= day && day <= $0.2 }.map(\.0)
            if let b = best, covered.count < b.count { continue }
            for venue in settings.venues where calendar.isWorkingDay(day, state: venue.state) {
                let km = covered.reduce(0.0) { sum, p in
                    sum + travel.km(from: Coordinate(lat: p.lat ?? venue.location.lat, lon: p.lon ?? venue.location.lon), to: venue.location)
                }
                // More municipalities first, then fewer km; ties keep the earlier day and venue.
                if let b = best, covered.count == b.count && km >= b.km - 1e-9 { continue }
                best = (covered.count, km, ExchangeDay(date: day, venue: venue.name, state: venue.state,
                                                       municipalities: covered.map(\.municipality).sorted(), km: cents(km)))
            }
        }
        return best?.choice
    }
}

/// The chosen exchange day, as plan.json carries it.
public struct ExchangeDay: Codable, Sendable, Equatable {
    public var date: Day
    public var venue: String
    public var state: GermanState
    public init(date: Day, venue: String, state: GermanState, municipalities: [String], km: Double) {
        self.date = date; self.venue = venue; self.state = state; self.municipalities = municipalities; self.km = km
    }

    /// The municipalities whose 12–18-month window holds the date.
    public var municipalities: [String]
    /// Total one-way delegate travel to the venue, km (haversine × detour factor).
    public var km: Double
}

extension Day {
    /// The same day of the month `months` later, on the month's last day when it is shorter.
    public func addingMonths(_ months: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        return Day(year: year, month: month, day: Swift.min(c.day, Day.daysInMonth(year: year, month: month)))!
    }
}
