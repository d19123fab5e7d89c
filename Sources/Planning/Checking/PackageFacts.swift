/// One package of a plan together with the scenario's facts behind it: its request, or the
/// confirmed booking it carries over.
struct PackageFacts {
    /// Position in `plan.packages`, to keep findings about identical entries apart.
    let index: Int
    let package: PlannedPackage
    /// The request the package serves; nil for a confirmed booking and for an unknown municipality.
    let request: Request?
    /// The confirmed booking a pinned package carries over; nil when it is not pinned or no booking exists.
    let booking: Booking?

    var municipality: String { package.municipality }

    /// A pinned package backed by a confirmed booking: a fixed fact, exempt from R6 (its R2–R4
    /// are the booking's, checked once by `confirmedBookingRules`) and not part of the
    /// objective, but occupying its trainers' days (R5) and load (R7).
    var isConfirmed: Bool { booking != nil }

    /// The state whose public holidays apply: the request's or booking's, else what the plan says.
    var state: GermanState { request?.state ?? booking?.state ?? package.state }

    /// Where the events take place, when the scenario knows the municipality.
    var location: Coordinate? { request?.location ?? booking?.location }

    /// Participants by the scenario (request or booking), else by the plan.
    var participants: Int { request?.participants ?? booking?.participants ?? package.participants }

    /// W, the workshop's first day.
    var workshopStart: Day? { package.workshop.first }

    /// The package's trainers without repetitions, in plan order.
    var distinctTrainers: [String] {
        var seen: Set<String> = []
        return package.trainers.filter { seen.insert($0).inserted }
    }

    /// Every event day: the preparation, each workshop day, the follow-up.
    var eventDays: [(kind: EventKind, day: Day)] {
        [(.preparation, package.preparation)] + package.workshop.map { (.workshop, $0) } + [(.followup, package.followup)]
    }
}
