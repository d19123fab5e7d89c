/// The decision for one request: which pair, on which days. The common currency of the model's
/// solution, the greedy heuristic and the plan writer.
public struct PackageChoice: Hashable, Sendable {
    /// Index into the scenario's requests.
    public var request: Int
    public var pair: TrainerPair
    public var preparation: Day
    public var workshop: Day
    public var followup: Day

    public init(request: Int, pair: TrainerPair, preparation: Day, workshop: Day, followup: Day) {
        self.request = request
        self.pair = pair
        self.preparation = preparation
        self.workshop = workshop
        self.followup = followup
    }

    /// Preparation, both workshop days, follow-up.
    public var eventDays: [Day] { [preparation, workshop, workshop.advanced(by: 1), followup] }
}
