/// What one package costs the municipality (SPEC §1, §3): fee, materials, travel per trainer and event.
public struct PackageCostCalculator: Sendable {
    public let scenario: Scenario
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Costs of a package at `location` run by `pair`; amounts unrounded, so sums stay exact.
    public func costs(municipality id: String, location: Coordinate, participants: Int, pair: TrainerPair) -> PackageCosts {
        let travel = TravelCost(settings: scenario.costs.travel)
        var items: [TravelItem] = []
        for trainerID in pair.ids {
            let km = scenario.trainer(trainerID).map { scenario.km(trainer: $0, municipality: id, at: location) }
                ?? scenario.distances[trainerID]?[id] ?? 0
            for event in EventKind.allCases {
                let trip = travel.trip(km: km, days: event.days)
                items.append(TravelItem(trainer: trainerID, event: event, km: km, roundTrips: trip.roundTrips,
                                        hotelNights: trip.hotelNights, cost: trip.cost))
            }
        }
        let fee = scenario.costs.feeEur
        let materials = Double(participants) * scenario.costs.materialsEurPerParticipant
        let travelTotal = items.reduce(0) { $0 + $1.cost }
        return PackageCosts(fee: fee, materials: materials, travel: travelTotal, total: fee + materials + travelTotal, travelItems: items)
    }
}
