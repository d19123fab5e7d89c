import Foundation
@testable import PlanningIO
import Planning
import Testing

/// Issue 15, item 7: careless input gets an error, never silence.
@Suite struct CarelessInputTests {
    @Test func swappedCoordinatesBadIdsCaseTwinsAndHugeNamesAreRefused() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Careless
                planning_start: 2026-12-01
                horizon: {from: 2027-01-01, to: 2027-03-31}
                trainers:
                  - {id: mueller, home: Köln}
                  - {id: Mueller, home: Bonn}
                  - {id: yilmaz, home: Berlin, name: "\(String(repeating: "y", count: 300))"}
                municipalities:
                  - {id: jena, name: Jena, state: TH, lat: 11.59, lon: 50.93, participants: 10}
                  - {id: "c:d", name: Bonn, participants: 10}
                  - {id: "x*y", name: Essen, participants: 10}
                  - {id: hamm, name: Hamm, participants: 10}
                  - {id: Hamm, name: Hamm, participants: 10}
                calendar: {organizer: {email: "x@y.org\\r\\nX-INJ:1"}}
                """,
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 6, "differ only in case"))
        #expect(problems.contains("scenario.yaml", line: 7, "at most 200"))
        #expect(problems.contains("scenario.yaml", line: 9, "did you swap them"))
        #expect(problems.contains("scenario.yaml", line: 10, "contains ':'"))
        #expect(problems.contains("scenario.yaml", line: 11, "contains '*'"))
        #expect(problems.contains("scenario.yaml", line: 13, "differ only in case"))
        #expect(problems.contains("scenario.yaml", line: 14, "not an e-mail address"))
    }

    /// `Neustadt` names places in HH, NI, TH and more: with the row's state SH (none there) an
    /// error listing them; with no state a warning naming the one taken; with coordinates but no
    /// state the namesake at them, or an error when none is near.
    @Test func ambiguousPlaceNamesAreNeverTakenSilently() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(municipalities: "requests.csv"),
            "requests.csv": """
                id,name,place,state,lat,lon,participants
                sh,Neustadt in Holstein,Neustadt,SH,,,10
                plain,Stadt Neustadt,Neustadt,,,,10
                holstein,Neustadt i. H.,Neustadt,,54.107,10.814,10
                harz,Neustadt bei Braunschweig,Neustadt,,52.27,10.52,10
                hh,Neustadt,Neustadt,HH,,,10
                """,
        ])
        let problems = folder.problems()
        let listed = problems.at("requests.csv", line: 2)
        #expect(listed.count == 1 && listed[0].message.contains("SH"), "\(problems)")
        for candidate in ["Neustadt, HH", "Neustadt, NI", "Neustadt, TH"] {
            #expect(listed[0].message.contains(candidate), "\(candidate) in \(listed)")
        }
        #expect(problems.contains("requests.csv", line: 4, "cannot be told"), "coordinates in SH, no namesake near: \(problems)")
        #expect(problems.at("requests.csv", line: 3).isEmpty && problems.at("requests.csv", line: 5).isEmpty && problems.at("requests.csv", line: 6).isEmpty)

        // Without the two errors it loads; the warnings name the place taken.
        try Data("""
            id,name,place,state,lat,lon,participants
            plain,Stadt Neustadt,Neustadt,,,,10
            harz,Neustadt bei Braunschweig,Neustadt,,52.27,10.52,10
            hh,Neustadt,Neustadt,HH,,,10
            far,Stadt Gütersloh,Gütersloh,,48.14,11.58,10
            """.utf8).write(to: URL(fileURLWithPath: folder.path("requests.csv")))
        var warnings: [InputProblem] = []
        let scenario = try ScenarioLoader.load(path: folder.path("scenario.yaml"), warnings: { warnings.append($0) })
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.contains("requests.csv", line: 2, "took Neustadt, HH"))
        #expect(warnings.contains("requests.csv", line: 3, "took Neustadt, NI"))
        #expect(warnings.contains("requests.csv", line: 5, "km from Gütersloh, NW"), "coordinates in Munich, the state taken from the name")
        #expect(scenario.requests.map(\.state) == [.HH, .NI, .HH, .NW])
    }
}
