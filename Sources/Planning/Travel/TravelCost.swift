import Foundation

/// Travel cost of SPEC §3: distance, round trips, hotel nights and EUR for one trainer and event.
public struct TravelCost: Sendable {
    public let settings: TravelSettings
    public init(settings: TravelSettings) { self.settings = settings }

    /// Mean Earth radius used by the spec.
    public static let earthRadiusKm = 6371.0

    /// Great-circle distance in km.
    public static func haversineKm(_ a: Coordinate, _ b: Coordinate) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * rad) * cos(b.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
    }

    /// Road km from the trainer's home: the distance table's value when given, else haversine × detour.
    public func km(from home: Coordinate, to place: Coordinate, table: Double? = nil) -> Double {
        table ?? TravelCost.haversineKm(home, place) * settings.detourFactor
    }

    /// One trainer's trip(s) to an event of `days` days at distance `km`.
    public func trip(km: Double, days: Int) -> (roundTrips: Int, hotelNights: Int, cost: Double) {
        let roundTrips: Int, nights: Int
        if km <= settings.commuteKm {
            roundTrips = days
            nights = 0
        } else {
            roundTrips = 1
            nights = (days - 1) + (km > settings.eveningBeforeKm ? 1 : 0)
        }
        let cost = Double(roundTrips) * 2 * km * settings.eurPerKm + Double(nights) * settings.hotelEur
        return (roundTrips, nights, cost)
    }

    /// One trainer's travel for a whole package (preparation, two-day workshop, follow-up).
    public func packageCost(km: Double) -> Double {
        EventKind.allCases.reduce(0) { $0 + trip(km: km, days: $1.days).cost }
    }
}

extension Scenario {
    /// Road km between a trainer's home and a municipality, honouring the distance table.
    public func km(trainer: Trainer, municipality id: String, at place: Coordinate) -> Double {
        TravelCost(settings: costs.travel).km(from: trainer.home, to: place, table: distances[trainer.id]?[id])
    }
}
