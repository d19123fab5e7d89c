/// What confirmed bookings and unavailability already take from each trainer (R5, R7, R9).
public struct TrainerCommitments: Sendable {
    /// Days a trainer cannot take a new event: unavailable days and days of confirmed bookings.
    public private(set) var blockedDays: [String: Set<Day>] = [:]
    /// Confirmed packages whose workshop starts in the horizon, per trainer (count against `max_packages`).
    public private(set) var pinnedPackages: [String: Int] = [:]
    /// Event days of confirmed bookings per trainer and month key (count against `max_days_per_month`).
    public private(set) var pinnedDaysPerMonth: [String: [Int: Int]] = [:]

    public init(scenario: Scenario) {
        for trainer in scenario.trainers { blockedDays[trainer.id] = trainer.unavailable }
        for booking in scenario.bookings {
            for id in booking.trainers.ids {
                for day in booking.eventDays {
                    blockedDays[id, default: []].insert(day)
                    pinnedDaysPerMonth[id, default: [:]][day.monthKey, default: 0] += 1
                }
                if scenario.horizon.contains(booking.workshop) { pinnedPackages[id, default: 0] += 1 }
            }
        }
    }

    public func isFree(_ trainer: String, on day: Day) -> Bool { !(blockedDays[trainer]?.contains(day) ?? false) }

    public func isFree(_ pair: TrainerPair, on day: Day) -> Bool { isFree(pair.first, on: day) && isFree(pair.second, on: day) }
}

extension Booking {
    /// Preparation, both workshop days and follow-up.
    public var eventDays: [Day] { [preparation, workshop, workshop.advanced(by: 1), followup] }
}
