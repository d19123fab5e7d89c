/// One published calendar event: one day of one package (a workshop has two).
///
/// Its UID comes from what the event *is* – municipality, kind, workshop day – never from its
/// date, so a re-plan updates subscribed calendars instead of duplicating entries. SEQUENCE rises
/// whenever the event moves, changes trainers, or is cancelled.
public struct CalendarEvent: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// A confirmed (pinned) booking.
        case confirmed
        /// A planned package not yet confirmed.
        case tentative
        /// Published before, gone from the current plan.
        case cancelled
    }

    public var uid: String
    public var municipality: String
    /// The municipality's name and place, kept so a cancellation still reads well after the
    /// municipality has left the scenario.
    public var name: String?
    public var place: String?
    public var kind: EventKind
    /// 1 or 2 for the workshop's days, nil for the meetings.
    public var workshopDay: Int?
    public var date: Day
    public var trainers: [String]
    /// Trainers who had this event in an earlier version: their calendars get the cancellation.
    public var formerTrainers: [String]
    /// Each former trainer's own last date of this event (what her calendar shows), when it was
    /// known: her cancellation goes on that date, not on the event's new one.
    public var formerDates: [String: Day]?
    public var status: Status
    public var sequence: Int
    /// When this version was made, UTC, `YYYYMMDDTHHMMSSZ`.
    public var modified: String

    public init(uid: String, municipality: String, kind: EventKind, workshopDay: Int?, date: Day, trainers: [String],
                formerTrainers: [String] = [], status: Status, sequence: Int, modified: String) {
        self.uid = uid
        self.municipality = municipality
        self.kind = kind
        self.workshopDay = workshopDay
        self.date = date
        self.trainers = trainers
        self.formerTrainers = formerTrainers
        self.status = status
        self.sequence = sequence
        self.modified = modified
    }

    /// The stable identity of a municipality's event.
    public static func uid(municipality: String, kind: EventKind, workshopDay: Int?) -> String {
        "\(municipality)-\(kind.rawValue)\(workshopDay.map { "-\($0)" } ?? "")@wsplan"
    }

    enum CodingKeys: String, CodingKey {
        case uid, municipality, name, place, kind, date, trainers, status, sequence, modified
        case workshopDay = "workshop_day"
        case formerTrainers = "former_trainers"
        case formerDates = "former_dates"
    }
}

/// Derives a plan's calendar events from its packages and the events of the previous plan.
public enum CalendarEventLedger {
    /// - Parameters:
    ///   - previous: the events of the plan this one replaces (nil or empty for a first plan).
    ///   - now: the modification stamp for every event that is new or changed.
    public static func events(for packages: [PlannedPackage], previous: [CalendarEvent]?, now: String) -> [CalendarEvent] {
        let before = Dictionary((previous ?? []).map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [CalendarEvent] = []
        var seen = Set<String>()
        for package in packages {
            let days: [(EventKind, Int?, Day)] = [(.preparation, nil, package.preparation), (.workshop, 1, package.workshop[0]),
                                                  (.workshop, 2, package.workshop[1]), (.followup, nil, package.followup)]
            for (kind, workshopDay, date) in days {
                let uid = CalendarEvent.uid(municipality: package.municipality, kind: kind, workshopDay: workshopDay)
                let status: CalendarEvent.Status = package.pinned ? .confirmed : .tentative
                var event = CalendarEvent(uid: uid, municipality: package.municipality, kind: kind, workshopDay: workshopDay,
                                          date: date, trainers: package.trainers, status: status, sequence: 0, modified: now)
                event.name = package.name
                event.place = package.place
                if let old = before[uid] {
                    event.formerTrainers = Set(old.formerTrainers + old.trainers).subtracting(package.trainers).sorted()
                    var dates: [String: Day] = [:]
                    for trainer in event.formerTrainers {
                        dates[trainer] = old.trainers.contains(trainer) ? old.date : old.formerDates?[trainer]
                    }
                    event.formerDates = dates.isEmpty ? nil : dates
                    let unchanged = old.date == date && old.trainers == package.trainers && old.status == status
                    event.sequence = unchanged ? old.sequence : old.sequence + 1
                    event.modified = unchanged ? old.modified : now
                }
                seen.insert(uid)
                result.append(event)
            }
        }
        // Events that disappeared are published once more, cancelled, so calendars drop them.
        for old in previous ?? [] where !seen.contains(old.uid) {
            var cancelled = old
            if old.status != .cancelled {
                cancelled.status = .cancelled
                cancelled.sequence += 1
                cancelled.modified = now
            }
            result.append(cancelled)
        }
        return result.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
    }
}
