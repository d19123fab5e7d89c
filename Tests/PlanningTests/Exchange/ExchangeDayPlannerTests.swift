import Planning
import Testing

struct ExchangeDayPlannerTests {
    static func package(_ id: String, workshop: String, at location: Coordinate) -> PlannedPackage {
        let w = Day(iso: workshop)!
        return PlannedPackage(municipality: id, name: id, state: .HE, place: id, trainers: ["a", "b"], pinned: false,
                              preparation: w.advanced(by: -28), workshop: [w, w.advanced(by: 1)], followup: w.advanced(by: 182),
                              participants: 20, costs: PackageCosts(fee: 0, materials: 0, travel: 0, total: 0, travelItems: []),
                              location: location)
    }

    static let kassel = Coordinate(lat: 51.31667, lon: 9.5), berlin = Coordinate(lat: 52.52437, lon: 13.41053)

    static func scenario() -> Scenario {
        var s = Scenario(name: "x", planningStart: Day(iso: "2026-12-01")!, horizon: Day(iso: "2027-01-01")!...Day(iso: "2027-12-31")!,
                         trainers: [], requests: [])
        s.exchange = ExchangeSettings(venues: [.init(name: "Berlin", state: .BE, location: berlin),
                                               .init(name: "Kassel", state: .HE, location: kassel)])
        return s
    }

    /// Windows (12–18 months): A 2028-01-11..07-11, B 2028-03-01..09-01, C 2028-09-06..2029-03-06.
    /// At most two overlap (A and B, from 1 March 2028); both lie near Kassel, so Kassel on
    /// Wednesday 1 March 2028, the first working day that covers both.
    @Test func mostCoveredThenLeastTravelThenEarliest() {
        let near = Coordinate(lat: 51.3, lon: 9.4), far = Coordinate(lat: 52.5, lon: 13.4)
        let packages = [Self.package("a", workshop: "2027-01-11", at: near), Self.package("b", workshop: "2027-03-01", at: near),
                        Self.package("c", workshop: "2027-09-06", at: far)]
        let s = Self.scenario()
        let day = ExchangeDayPlanner.choose(for: packages, scenario: s, calendar: WorkingCalendar(scenario: s))
        #expect(day?.venue == "Kassel")
        #expect(day?.date == Day(iso: "2028-03-01"))
        #expect(day?.municipalities == ["a", "b"])
    }

    /// Without an `exchange:` section there is no exchange day.
    @Test func noExchangeWithoutSettings() {
        var s = Self.scenario()
        s.exchange = nil
        #expect(ExchangeDayPlanner.choose(for: [Self.package("a", workshop: "2027-01-11", at: Self.kassel)], scenario: s,
                                          calendar: WorkingCalendar(scenario: s)) == nil)
    }

    @Test func monthsAreAddedWithinTheMonth() {
        #expect(Day(iso: "2027-01-31")!.addingMonths(1) == Day(iso: "2027-02-28"))
        #expect(Day(iso: "2028-02-29")!.addingMonths(12) == Day(iso: "2029-02-28"))
        #expect(Day(iso: "2027-11-15")!.addingMonths(18) == Day(iso: "2029-05-15"))
    }
}
