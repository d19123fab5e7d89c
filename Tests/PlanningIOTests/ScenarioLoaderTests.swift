import Foundation
import Testing
@testable import PlanningIO
import Planning

@Suite struct ScenarioLoaderTests {
    static let fullScenario = """
        name: Rollout 2027 Q1
        planning_start: 2026-12-01        # no event before this day
        horizon: {from: 2027-01-01, to: 2027-03-31}
        rules:
          prep_gap_days: {min: 14, target: 21}
          max_participants: 40
          avoid_school_holidays: true
        costs: {fee_eur: 6500, travel: {hotel_eur: 120}}
        weights: {unscheduled_eur: 40000, move_eur: 0}
        calendar:
          organizer: {name: Stiftung – Programmbüro, email: programm@example.org}
          times: {meeting: ["10:00", "13:00"], workshop: ["09:00", "17:00"]}
        solver: {time_limit_s: 30, mip_gap: 0.01}
        trainers:
          - {id: mueller, name: Anna Müller, home: Koeln, max_packages: 6, max_days_per_month: 8,
             unavailable: ["2027-02-01..2027-02-03", "2027-03-05"]}
          - {id: yilmaz, name: Deniz Yılmaz, home: {lat: 52.52, lon: 13.40}}
          - {id: schmidt, home: "Neustadt, NI"}
        pairs: {forbidden: [[schmidt, mueller]], preferred: [[mueller, yilmaz]]}
        municipalities: requests.csv
        bookings: bookings.yaml
        distances: distances.csv
        exchange: {venues: [Gütersloh, Kassel, Berlin], months_after: {min: 12, max: 18}}
        """

    static let requestsCSV = "\u{FEFF}id,name,place,state,lat,lon,participants,earliest,latest,priority,blackout,requires,excludes\r\n"
        + "guetersloh,Stadt Gütersloh,Gütersloh,,,,25,2027-01-15,2027-03-15,2,2027-02-01;2027-02-10..2027-02-12,mueller,schmidt\r\n"
        + "frankfurt,\"Frankfurt am Main, Stadt\",Frankfurt am Main,,,,40,,,,,,\r\n"
        + "muenchen,Muenchen,,,,,12,,,,,,\r\n"
        + "\r\n"
        + "insel,\"Gemeinde \"\"Insel\"\"\",,SH,54.5,8.6,5,,,0.5,,mueller;yilmaz,\r\n"

    static let bookingsYAML = """
        packages:
          - {municipality: guetersloh-kreis, name: Gütersloh, state: NW, lat: 51.90693, lon: 8.37853,
             trainers: [yilmaz, mueller], preparation: 2027-01-12, workshop: [2027-02-09, 2027-02-10], followup: 2027-08-10}
          - municipality: kassel
            name: Kassel
            participants: 30
            trainers: [mueller, yilmaz]
            preparation: 2026-12-14
            workshop: [2027-01-19, 2027-01-20]
            followup: 2027-07-13
        """

    static let distancesCSV = """
        trainer,municipality,km
        mueller,guetersloh,180.5
        yilmaz,kassel,383

        """

    @Test func readsAFullScenarioWithDefaultsAndLookups() throws {
        let folder = try ScenarioFolder(["scenario.yaml": Self.fullScenario, "requests.csv": Self.requestsCSV,
                                         "bookings.yaml": Self.bookingsYAML, "distances.csv": Self.distancesCSV])
        let scenario = try folder.load()

        #expect(scenario.name == "Rollout 2027 Q1")
        #expect(scenario.planningStart == Day(iso: "2026-12-01"))
        #expect(scenario.horizon == Day(iso: "2027-01-01")!...Day(iso: "2027-03-31")!)

        // Given settings replace the defaults key by key; the rest keep SPEC's defaults.
        #expect(scenario.rules.prepGap == GapRule(min: 14, max: 42, target: 21))
        #expect(scenario.rules.followupGap == .followupDefault)
        #expect(scenario.rules.avoidSchoolHolidays)
        #expect(scenario.rules.officeClosure?.start == MonthDay(month: 12, day: 24))
        #expect(scenario.rules.officeClosure?.end == MonthDay(month: 1, day: 1))
        #expect(scenario.costs.feeEur == 6500)
        #expect(scenario.costs.materialsEurPerParticipant == 5)
        #expect(scenario.costs.travel.hotelEur == 120)
        #expect(scenario.costs.travel.eurPerKm == 0.25)
        #expect(scenario.costs.travel.detourFactor == 1.3)
        #expect(scenario.weights.unscheduledEur == 40_000)
        #expect(scenario.weights.moveEur == 0)
        #expect(scenario.weights.prepGapEur == 20)
        #expect(scenario.solver.timeLimitSeconds == 30)
        #expect(scenario.solver.mipGap == 0.01)
        #expect(scenario.calendar.meetingTimes == ("10:00", "13:00"))
        #expect(scenario.calendar.organizerName == "Stiftung – Programmbüro")

        // Trainers: gazetteer homes (umlaut-insensitive), coordinates, `Name, ST`, defaults.
        #expect(scenario.trainers.map(\.id) == ["mueller", "yilmaz", "schmidt"])
        let mueller = try #require(scenario.trainer("mueller"))
        #expect(mueller.name == "Anna Müller")
        #expect(mueller.home == Coordinate(lat: 50.93333, lon: 6.95))
        #expect(mueller.homeLabel == "Koeln")
        #expect(mueller.maxPackages == 6)
        #expect(mueller.maxDaysPerMonth == 8)
        #expect(mueller.unavailable == Set(["2027-02-01", "2027-02-02", "2027-02-03", "2027-03-05"].map { Day(iso: $0)! }))
        let yilmaz = try #require(scenario.trainer("yilmaz"))
        #expect(yilmaz.home == Coordinate(lat: 52.52, lon: 13.40))
        #expect(yilmaz.homeLabel == "52.52, 13.40")
        #expect(yilmaz.maxPackages == nil)
        #expect(yilmaz.maxDaysPerMonth == nil)
        #expect(yilmaz.unavailable.isEmpty)
        let schmidt = try #require(scenario.trainer("schmidt"))
        #expect(schmidt.name == "schmidt")
        #expect(schmidt.home == Coordinate(lat: 52.26799, lon: 10.52001))

        #expect(scenario.forbiddenPairs == [TrainerPair("mueller", "schmidt")!])
        #expect(scenario.preferredPairs == [TrainerPair("mueller", "yilmaz")!])

        // Requests from CSV: quoted fields, BOM, CRLF, a blank line, defaults.
        #expect(scenario.requests.map(\.id) == ["guetersloh", "frankfurt", "muenchen", "insel"])
        let guetersloh = scenario.requests[0]
        #expect(guetersloh.name == "Stadt Gütersloh")
        #expect(guetersloh.place == "Gütersloh")
        #expect(guetersloh.state == .NW)
        #expect(guetersloh.location == Coordinate(lat: 51.90693, lon: 8.37853))
        #expect(guetersloh.participants == 25)
        #expect(guetersloh.earliest == Day(iso: "2027-01-15"))
        #expect(guetersloh.latest == Day(iso: "2027-03-15"))
        #expect(guetersloh.priority == 2)
        #expect(guetersloh.blackout == Set(["2027-02-01", "2027-02-10", "2027-02-11", "2027-02-12"].map { Day(iso: $0)! }))
        #expect(guetersloh.requires == ["mueller"])
        #expect(guetersloh.excludes == ["schmidt"])
        let frankfurt = scenario.requests[1]
        #expect(frankfurt.name == "Frankfurt am Main, Stadt")
        #expect(frankfurt.state == .HE)
        #expect(frankfurt.location == Coordinate(lat: 50.11552, lon: 8.68417))
        #expect(frankfurt.priority == 1)
        #expect(frankfurt.earliest == nil && frankfurt.latest == nil)
        #expect(frankfurt.blackout.isEmpty && frankfurt.requires.isEmpty)
        let muenchen = scenario.requests[2]
        #expect(muenchen.place == "München")
        #expect(muenchen.state == .BY)
        let insel = scenario.requests[3]
        #expect(insel.name == "Gemeinde \"Insel\"")
        #expect(insel.state == .SH)
        #expect(insel.location == Coordinate(lat: 54.5, lon: 8.6))
        #expect(insel.priority == 0.5)
        #expect(insel.requires == ["mueller", "yilmaz"])

        // Bookings: given coordinates, or the name looked up; participants default to 0.
        #expect(scenario.bookings.count == 2)
        let booked = scenario.bookings[0]
        #expect(booked.municipality == "guetersloh-kreis")
        #expect(booked.trainers == TrainerPair("mueller", "yilmaz"))
        #expect(booked.participants == 0)
        #expect(booked.preparation == Day(iso: "2027-01-12"))
        #expect(booked.workshop == Day(iso: "2027-02-09"))
        #expect(booked.followup == Day(iso: "2027-08-10"))
        let kassel = scenario.bookings[1]
        #expect(kassel.state == .HE)
        #expect(kassel.location == Coordinate(lat: 51.31667, lon: 9.5))
        #expect(kassel.participants == 30)

        #expect(scenario.distances == ["mueller": ["guetersloh": 180.5], "yilmaz": ["kassel": 383]])
        #expect(scenario.schoolHolidays[.NW]?.isEmpty == false)
        #expect(scenario.schoolHolidays.count == 16)
    }

    @Test func readsInlineMunicipalities() throws {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario(municipalities: """

              - {id: koeln, name: Köln, participants: 20, blackout: ["2027-01-05..2027-01-06"], requires: [yilmaz]}
              - {id: neustadt, name: Neustadt, place: "Neustadt, NI", participants: 10, requires: "mueller; yilmaz"}
              - {id: bonn, name: Bonn, state: NW, lat: 50.73, lon: 7.1, participants: 30, earliest: 2027-02-01}
            """)])
        let scenario = try folder.load()
        #expect(scenario.requests.map(\.id) == ["koeln", "neustadt", "bonn"])
        #expect(scenario.requests[0].location == Coordinate(lat: 50.93333, lon: 6.95))
        #expect(scenario.requests[0].blackout == [Day(iso: "2027-01-05")!, Day(iso: "2027-01-06")!])
        #expect(scenario.requests[0].requires == ["yilmaz"])
        #expect(scenario.requests[1].state == .NI)
        #expect(scenario.requests[1].location == Coordinate(lat: 52.26799, lon: 10.52001))
        #expect(scenario.requests[1].requires == ["mueller", "yilmaz"])
        #expect(scenario.requests[2].location == Coordinate(lat: 50.73, lon: 7.1))
        #expect(scenario.requests[2].place == "Bonn")
        #expect(scenario.requests[2].earliest == Day(iso: "2027-02-01"))

        // Defaults of SPEC §2–§4 when no section is given.
        #expect(scenario.rules == Rules())
        #expect(scenario.costs == Costs())
        #expect(scenario.weights == Weights())
        #expect(scenario.solver == SolverSettings())
        #expect(scenario.calendar == CalendarSettings())
        #expect(scenario.bookings.isEmpty && scenario.distances.isEmpty)
    }

    @Test func aStateAloneWithAPlacePicksThatStatesPlace() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(),
            "requests.csv": "id,name,place,state,participants\nn1,Neustadt,,,5\nn2,Neustadt,,NI,5\nn3,Stadt,neustadt,ni,5\n",
        ])
        let scenario = try folder.load()
        // A bare name picks the largest place of that name.
        #expect(scenario.requests[0].state == Gazetteer.shared.lookup("Neustadt")?.state)
        #expect(scenario.requests[1].state == .NI)
        #expect(scenario.requests[1].location == Coordinate(lat: 52.26799, lon: 10.52001))
        #expect(scenario.requests[2].location == Coordinate(lat: 52.26799, lon: 10.52001))
        #expect(scenario.requests[2].place == "Neustadt")
    }

    @Test func yamlAnchorsAndQuotedDatesAreRead() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: "Anchors"
                planning_start: '2026-12-01'
                horizon: {from: "2027-01-01", to: 2027-03-31}
                trainers:
                  - {id: mueller, home: Köln, unavailable: &leave ["2027-01-04..2027-01-05"]}
                  - {id: yilmaz, home: Berlin, unavailable: *leave}
                municipalities: [{id: koeln, name: Köln, participants: "12"}]
                """,
        ])
        let scenario = try folder.load()
        #expect(scenario.planningStart == Day(iso: "2026-12-01"))
        #expect(scenario.trainers[1].unavailable == [Day(iso: "2027-01-04")!, Day(iso: "2027-01-05")!])
        #expect(scenario.requests[0].participants == 12)
    }

    @Test func officeClosureCanBeSwitchedOff() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("rules: {office_closure: []}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        #expect(try folder.load().rules.officeClosure == nil)
    }

    @Test func anEmptyBookingsFileHasNoBookings() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("bookings: bookings.yaml"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
            "bookings.yaml": "# nothing confirmed yet\n",
        ])
        #expect(try folder.load().bookings.isEmpty)
    }
}
