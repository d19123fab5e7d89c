/// Where the previous plan put each not-yet-confirmed package, for the `move_eur` term: a re-plan
/// pays for every event (preparation, workshop, follow-up) it moves, re-staffs or drops.
public struct PreviousPlacements: Sendable {
    public let scenarioName: String
    /// Per request index: the previous package.
    public let byRequest: [Int: PackageChoice]

    /// Pinned packages are confirmed bookings, constants of both plans: not counted; nor are
    /// packages confirmed since (now in `booked`).
    public init(previous: Plan, requests: [Request], booked: Set<String>) {
        scenarioName = previous.scenario
        let index = Dictionary(requests.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var placements: [Int: PackageChoice] = [:]
        for package in previous.packages where !package.pinned && !booked.contains(package.municipality) {
            guard let m = index[package.municipality], package.trainers.count == 2,
                  let pair = TrainerPair(package.trainers[0], package.trainers[1]), package.workshop.count == 2 else { continue }
            placements[m] = PackageChoice(request: m, pair: pair, preparation: package.preparation,
                                          workshop: package.workshop[0], followup: package.followup)
        }
        byRequest = placements
    }

    /// Events of request `m` that `choice` moves or re-staffs (3 when it drops a placed package).
    public func movedEvents(_ m: Int, _ choice: PackageChoice?) -> Int {
        guard let before = byRequest[m] else { return 0 }
        guard let choice else { return 3 }
        if choice.pair != before.pair { return 3 }
        return (choice.preparation != before.preparation ? 1 : 0) + (choice.workshop != before.workshop ? 1 : 0)
            + (choice.followup != before.followup ? 1 : 0)
    }

    /// The fewest events any package of `m` on workshop day `w` with `pair` can move, given the
    /// candidate meeting days: a lower bound for the relaxation.
    func leastMovedEvents(_ m: Int, pair: TrainerPair, workshop: WorkshopOption) -> Int {
        guard let before = byRequest[m] else { return 0 }
        if pair != before.pair { return 3 }
        return (workshop.day != before.workshop ? 1 : 0) + (workshop.preparations.contains(before.preparation) ? 0 : 1)
            + (workshop.followups.contains(before.followup) ? 0 : 1)
    }
}
