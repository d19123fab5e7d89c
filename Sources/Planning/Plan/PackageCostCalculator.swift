/// What one package costs the municipality (SPEC §1, §3), as a ledger in cents: fee, materials,
/// and six travel lines (two trainers × three events) from `TravelCost`; the travel is the sum of
/// the lines and the total the sum of fee, materials and travel.
public struct PackageCostCalculator: Sendable {
    public let scenario: Scenario
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Costs of a package at `location` run by `pair`, every amount in whole cents.
    public func costs(municipality id: String, location: Coordinate, participants: Int, pair: TrainerPair) -> PackageCosts {
        let travel = TravelCost(settings: scenario.costs.travel)
        var items: [TravelItem] = []
        var travelCents = 0
        for trainerID in pair.ids {
            let km = scenario.trainer(trainerID).map { scenario.km(trainer: $0, municipality: id, at: location) }
                ?? scenario.distances[trainerID]?[id] ?? 0
            for event in EventKind.allCases {
                let trip = travel.trip(km: km, days: event.days)
                travelCents += trip.costCents
                items.append(TravelItem(trainer: trainerID, event: event, km: trip.km, roundTrips: trip.roundTrips,
                                        hotelNights: trip.hotelNights, cost: trip.cost))
            }
        }
        let feeCents = Ledger.cents(scenario.costs.feeEur)
        let materialsCents = Ledger.cents(Double(participants) * scenario.costs.materialsEurPerParticipant)
        return PackageCosts(fee: Ledger.eur(feeCents), materials: Ledger.eur(materialsCents), travel: Ledger.eur(travelCents),
                            total: Ledger.eur(feeCents + materialsCents + travelCents), travelItems: items)
    }
}
