import Planning

/// The event days of a plan, one entry per event (the workshop as one two-day event), for the
/// timeline and the month calendar.
struct ReportEvent {
    enum Kind: String { case preparation, workshop, followup, exchange }

    var kind: Kind
    var first: Day
    var days: Int
    var package: PlannedPackage?
    var pinned: Bool { package?.pinned ?? false }

    var last: Day { first.advanced(by: days - 1) }

    /// Vorbereitungsworkshop, Integrationsworkshop, Nachbereitungstreffen, Erfahrungsaustausch.
    var germanName: String { kind.germanName }

    static func events(of plan: Plan) -> [ReportEvent] {
        var events: [ReportEvent] = []
        for package in plan.packages {
            events.append(ReportEvent(kind: .preparation, first: package.preparation, days: 1, package: package))
            events.append(ReportEvent(kind: .workshop, first: package.workshop[0], days: package.workshop.count, package: package))
            events.append(ReportEvent(kind: .followup, first: package.followup, days: 1, package: package))
        }
        if let exchange = plan.exchange {
            events.append(ReportEvent(kind: .exchange, first: exchange.date, days: 1, package: nil))
        }
        return events.sorted { ($0.first, $0.package?.name ?? "") < ($1.first, $1.package?.name ?? "") }
    }

    /// The CSS class of the event's colour: pinned bookings share one colour whatever their kind.
    var cssClass: String { pinned ? "ev-pinned" : "ev-\(kind.rawValue)" }
}

extension ReportEvent.Kind {
    var germanName: String {
        switch self {
        case .preparation: "Vorbereitungsworkshop"
        case .workshop: "Integrationsworkshop"
        case .followup: "Nachbereitungstreffen"
        case .exchange: "Erfahrungsaustausch"
        }
    }
}

extension EventKind {
    var germanName: String {
        switch self {
        case .preparation: "Vorbereitungsworkshop"
        case .workshop: "Integrationsworkshop"
        case .followup: "Nachbereitungstreffen"
        }
    }
}

extension Day {
    /// The first day of this day's month.
    var firstOfMonth: Day { let c = components; return Day(year: c.year, month: c.month, day: 1)! }
    /// The last day of this day's month.
    var lastOfMonth: Day { let c = components; return Day(year: c.year, month: c.month, day: Day.daysInMonth(year: c.year, month: c.month))! }
}
