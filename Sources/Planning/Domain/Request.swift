/// A municipality's request for one package.
public struct Request: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The place as written or looked up, for display (e.g. "Gütersloh").
    public var place: String
    public var state: GermanState
    public var location: Coordinate
    public var participants: Int
    /// R6: the municipality's own window for the workshop's first day (inclusive), if any.
    public var earliest: Day?
    public var latest: Day?
    /// Weight of leaving the request unscheduled (default 1).
    public var priority: Double
    /// R4: days on which no event of this municipality may lie.
    public var blackout: Set<Day>
    /// R1: trainers that must (`requires`) or must not (`excludes`) run this package.
    public var requires: [String]
    public var excludes: [String]

    public init(id: String, name: String, place: String = "", state: GermanState, location: Coordinate,
                participants: Int, earliest: Day? = nil, latest: Day? = nil, priority: Double = 1,
                blackout: Set<Day> = [], requires: [String] = [], excludes: [String] = []) {
        self.id = id
        self.name = name
        self.place = place.isEmpty ? name : place
        self.state = state
        self.location = location
        self.participants = participants
        self.earliest = earliest
        self.latest = latest
        self.priority = priority
        self.blackout = blackout
        self.requires = requires
        self.excludes = excludes
    }
}
