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
}
