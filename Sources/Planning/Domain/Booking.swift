/// A confirmed package from an earlier plan (R9): fixed, never moved or dropped.
public struct Booking: Hashable, Sendable {
    public var municipality: String
    public var name: String
    public var state: GermanState
    public var location: Coordinate
    public var participants: Int
    public var trainers: TrainerPair
    public var preparation: Day
    /// The workshop's first day; the second is the next calendar day.
    public var workshop: Day
    public var followup: Day

    public init(municipality: String, name: String, state: GermanState, location: Coordinate,
                participants: Int = 0, trainers: TrainerPair, preparation: Day, workshop: Day, followup: Day) {
        self.municipality = municipality
        self.name = name
        self.state = state
        self.location = location
        self.participants = participants
        self.trainers = trainers
        self.preparation = preparation
        self.workshop = workshop
        self.followup = followup
    }
}
