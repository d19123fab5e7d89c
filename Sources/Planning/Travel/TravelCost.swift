import Foundation

/// Travel cost of SPEC §3: distance, round trips, hotel nights and EUR for one trainer and event,
/// by the ledger rule: the km rounded to one decimal (0.05 up) decide commute and evening before
/// and are priced, and each trip's cost is rounded to the cent (half up).
///
/// The one place the product prices travel: the formulation's candidates, plan.json's travel
/// lines, costs.csv and the report all take it from here.
public struct TravelCost: Sendable {
    public let settings: TravelSettings
    public init(settings: TravelSettings) { self.settings = settings }

    /// One trainer's journey to one event, as the ledger counts it.
    public struct Trip: Sendable, Equatable {
        /// The km as shown, in tenths of a km.
        public let kmTenths: Int
        public let roundTrips: Int
        public let hotelNights: Int
        /// The trip's cost in whole cents.
        public let costCents: Int

        /// The km as shown (one decimal).
        public var km: Double { Double(kmTenths) / 10 }
        /// The trip's cost in EUR (whole cents).
        public var cost: Double { Ledger.eur(costCents) }
    }

    /// Mean Earth radius used by the spec.
    public static let earthRadiusKm = 6371.0

    /// Great-circle distance in km.
    public static func haversineKm(_ a: Coordinate, _ b: Coordinate) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * rad) * cos(b.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
    }

    /// Road km from the trainer's home, unrounded: the distance table's value when given, else haversine × detour.
    public func km(from home: Coordinate, to place: Coordinate, table: Double? = nil) -> Double {
        table ?? TravelCost.haversineKm(home, place) * settings.detourFactor
    }

    /// One trainer's trip(s) to an event of `days` days at distance `km` (rounded here to one decimal).
    public func trip(km: Double, days: Int) -> Trip {
        let tenths = Ledger.kmTenths(km)
        let shown = Double(tenths) / 10
        let roundTrips: Int, nights: Int
        if shown <= settings.commuteKm {
            roundTrips = days
            nights = 0
        } else {
            roundTrips = 1
            nights = (days - 1) + (shown > settings.eveningBeforeKm ? 1 : 0)
        }
        let eur = Double(roundTrips) * 2 * shown * settings.eurPerKm + Double(nights) * settings.hotelEur
        return Trip(kmTenths: tenths, roundTrips: roundTrips, hotelNights: nights, costCents: Ledger.cents(eur))
    }

    /// One trainer's travel for a whole package (preparation, two-day workshop, follow-up), in cents:
    /// the sum of its three trip costs.
    public func packageCostCents(km: Double) -> Int {
        EventKind.allCases.reduce(0) { $0 + trip(km: km, days: $1.days).costCents }
    }

    /// One trainer's travel for a whole package in EUR (whole cents).
    public func packageCost(km: Double) -> Double { Ledger.eur(packageCostCents(km: km)) }
}

extension Scenario {
    /// Road km between a trainer's home and a municipality, honouring the distance table (unrounded).
    public func km(trainer: Trainer, municipality id: String, at place: Coordinate) -> Double {
        TravelCost(settings: costs.travel).km(from: trainer.home, to: place, table: distances[trainer.id]?[id])
    }
}
