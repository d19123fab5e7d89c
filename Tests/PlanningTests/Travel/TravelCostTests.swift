import Foundation
import Testing
@testable import Planning

@Suite struct TravelCostTests {
    static let berlin = Coordinate(lat: 52.52437, lon: 13.41053)
    static let muenchen = Coordinate(lat: 48.13743, lon: 11.57549)
    static let cost = TravelCost(settings: TravelSettings())

    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol }

    @Test func haversineBerlinMuenchen() {
        // By hand: h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), d = 2 R asin(√h), R = 6371 km.
        let rad = Double.pi / 180
        let phi1 = 52.52437 * rad, phi2 = 48.13743 * rad
        let dPhi = (48.13743 - 52.52437) * rad, dLambda = (11.57549 - 13.41053) * rad
        let h = pow(sin(dPhi / 2), 2) + cos(phi1) * cos(phi2) * pow(sin(dLambda / 2), 2)
        let byHand = 2 * 6371.0 * asin(sqrt(h))
        #expect(abs(byHand - 504.85) < 0.01)   // ≈ 504.85 km

        let computed = TravelCost.haversineKm(Self.berlin, Self.muenchen)
        #expect(abs(computed - byHand) <= 1)
        #expect(abs(computed - 504.85) <= 1)
        // Symmetric.
        #expect(Self.close(computed, TravelCost.haversineKm(Self.muenchen, Self.berlin), 1e-9))
        // Road km with the default detour factor 1.3.
        #expect(abs(Self.cost.km(from: Self.berlin, to: Self.muenchen) - 504.85 * 1.3) <= 1.3)
    }

    @Test func haversineZeroDistance() {
        #expect(TravelCost.haversineKm(Self.berlin, Self.berlin) == 0)
        #expect(Self.cost.km(from: Self.muenchen, to: Self.muenchen) == 0)
        let trip = Self.cost.trip(km: 0, days: 2)
        #expect(trip.roundTrips == 2 && trip.hotelNights == 0 && trip.cost == 0)
    }

    @Test func oneDegreeOfLatitude() {
        // One degree along a meridian is R·π/180 = 111.19 km.
        let d = TravelCost.haversineKm(Coordinate(lat: 50, lon: 10), Coordinate(lat: 51, lon: 10))
        #expect(abs(d - 111.19) < 0.01)
    }

    // (km, days, round trips, hotel nights, EUR) with default settings:
    // 0.25 EUR/km, commute ≤ 100 km, evening before > 250 km, 100 EUR per night.
    @Test(arguments: [
        (100.0, 1, 1, 0, 50.00),      // commute
        (100.0, 2, 2, 0, 100.00),     // commute both days
        (100.04, 1, 1, 0, 50.00),     // shown as 100.0 km: commute (the ledger compares the rounded km)
        (100.05, 1, 1, 0, 50.05),     // shown as 100.1 km: no commute, no night
        (100.05, 2, 1, 1, 150.05),    // one round trip + night between the days
        (250.0, 1, 1, 0, 125.00),     // no evening-before night yet
        (250.0, 2, 1, 1, 225.00),
        (250.01, 1, 1, 0, 125.00),    // shown as 250.0 km: no evening before
        (250.05, 1, 1, 1, 225.05),    // shown as 250.1 km: evening before
        (250.05, 2, 1, 2, 325.05),    // evening before + night between
        (186.03, 1, 1, 0, 93.00),     // shown as 186.0 km: 2 × 186.0 × 0.25, as the sheet shows it
        (40.0, 2, 2, 0, 40.00),
        (400.0, 2, 1, 2, 400.00),
    ])
    func tripThresholds(km: Double, days: Int, roundTrips: Int, nights: Int, eur: Double) {
        let trip = Self.cost.trip(km: km, days: days)
        #expect(trip.roundTrips == roundTrips)
        #expect(trip.hotelNights == nights)
        #expect(Self.close(trip.cost, eur), "\(trip.cost) != \(eur)")
    }

    @Test func customSettings() {
        var s = TravelSettings()
        s.eurPerKm = 0.30
        s.commuteKm = 50
        s.eveningBeforeKm = 150
        s.hotelEur = 80
        let c = TravelCost(settings: s)
        let t = c.trip(km: 60, days: 2)           // no commute, no evening-before
        #expect(t.roundTrips == 1 && t.hotelNights == 1)
        #expect(Self.close(t.cost, 2 * 60 * 0.30 + 80))   // 116.00
        let u = c.trip(km: 200, days: 1)          // evening before
        #expect(u.roundTrips == 1 && u.hotelNights == 1)
        #expect(Self.close(u.cost, 200.00))
    }

    @Test func distanceTableOverridesHaversine() {
        #expect(Self.cost.km(from: Self.berlin, to: Self.muenchen, table: 42) == 42)
        #expect(Self.cost.km(from: Self.berlin, to: Self.berlin, table: 584.5) == 584.5)
        let computed = TravelCost.haversineKm(Self.berlin, Self.muenchen) * 1.3
        #expect(Self.close(Self.cost.km(from: Self.berlin, to: Self.muenchen, table: nil), computed))

        var detour = TravelSettings()
        detour.detourFactor = 1.0
        #expect(Self.close(TravelCost(settings: detour).km(from: Self.berlin, to: Self.muenchen),
                           TravelCost.haversineKm(Self.berlin, Self.muenchen)))
    }

    @Test func scenarioDistanceTable() {
        let t1 = Trainer(id: "t1", name: "Eins", home: Self.berlin)
        let t2 = Trainer(id: "t2", name: "Zwei", home: Self.berlin)
        var scenario = Scenario(name: "s", planningStart: Day(iso: "2027-01-04")!,
                                horizon: Day(iso: "2027-01-04")!...Day(iso: "2027-12-31")!,
                                trainers: [t1, t2], requests: [])
        scenario.distances = ["t1": ["m1": 321.5]]
        #expect(scenario.km(trainer: t1, municipality: "m1", at: Self.muenchen) == 321.5)
        // Other municipality or other trainer: haversine × 1.3.
        let road = TravelCost.haversineKm(Self.berlin, Self.muenchen) * 1.3
        #expect(Self.close(scenario.km(trainer: t1, municipality: "m2", at: Self.muenchen), road))
        #expect(Self.close(scenario.km(trainer: t2, municipality: "m1", at: Self.muenchen), road))
    }

    @Test(arguments: [
        (100.0, 200.00),     // 50 + 100 + 50
        (100.05, 250.15),    // 50.05 + 150.05 + 50.05
        (250.0, 475.00),     // 125 + 225 + 125
        (250.05, 775.15),    // 225.05 + 325.05 + 225.05
    ])
    func packageCostIsSumOfThreeEvents(km: Double, eur: Double) {
        let c = Self.cost
        #expect(Self.close(c.packageCost(km: km), eur), "\(c.packageCost(km: km)) != \(eur)")
        let sum = c.trip(km: km, days: 1).cost + c.trip(km: km, days: 2).cost + c.trip(km: km, days: 1).cost
        #expect(Self.close(c.packageCost(km: km), sum))
    }
}
