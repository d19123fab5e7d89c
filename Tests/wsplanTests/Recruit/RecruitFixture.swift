import Foundation
import GLPKBackend
import Planning
import PlanningIO

/// Small scenarios with too few trainers, written as YAML so the gazetteer places them.
enum RecruitFixture {
    /// Three trainers around Köln; serving Saxony from there costs more travel than leaving it out
    /// (unscheduled_eur 2000), so the three Saxon requests stay out until someone lives nearby.
    static let farEast = """
        name: far east
        planning_start: 2026-12-01
        horizon: {from: 2027-01-01, to: 2027-03-31}
        solver: {time_limit_s: 20}
        weights: {unscheduled_eur: 2000}
        trainers:
          - {id: anna, name: Anna Adler, home: Köln, max_packages: 4, max_days_per_month: 12}
          - {id: bert, name: Bert Berg, home: Bonn, max_packages: 4, max_days_per_month: 12}
          - {id: carla, name: Carla Clausen, home: Düsseldorf, max_packages: 4, max_days_per_month: 12}
        municipalities:
          - {id: koeln, name: Köln, participants: 20}
          - {id: dueren, name: Düren, participants: 20}
          - {id: dresden, name: Dresden, participants: 20}
          - {id: goerlitz, name: Görlitz, participants: 20}
          - {id: bautzen, name: Bautzen, participants: 20}
        """

    /// Two trainers with two packages each: one package takes two of their four slots, so they
    /// serve two of four requests; each added trainer (two packages) brings one more.
    static let scarce = """
        name: scarce
        planning_start: 2026-12-01
        horizon: {from: 2027-01-01, to: 2027-03-31}
        solver: {time_limit_s: 10}
        trainers:
          - {id: anna, name: Anna Adler, home: Köln, max_packages: 2, max_days_per_month: 8}
          - {id: bert, name: Bert Berg, home: Bonn, max_packages: 2, max_days_per_month: 8}
        municipalities:
          - {id: koeln, name: Köln, participants: 20}
          - {id: dueren, name: Düren, participants: 20}
          - {id: dresden, name: Dresden, participants: 20}
          - {id: goerlitz, name: Görlitz, participants: 20}
        """

    static let dresden = Coordinate(lat: 51.05, lon: 13.74)

    /// Writes `yaml` into a new temporary folder; returns the scenario's path.
    static func write(_ yaml: String, name: String = "scenario.yaml") throws -> (folder: URL, path: String) {
        let folder = try WSPlanBinary.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return (folder, url.path)
    }

    static func load(_ yaml: String) throws -> Scenario {
        let (folder, path) = try write(yaml)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try ScenarioLoader.load(path: path)
    }

    static func places() -> [HomeCandidate] {
        Gazetteer.shared.places.map { HomeCandidate(name: $0.name, state: $0.state, location: $0.location, source: "spread") }
    }

    static func home(_ name: String) -> HomeCandidate {
        let place = Gazetteer.shared.lookup(name)!
        return HomeCandidate(name: place.name, state: place.state, location: place.location, source: "spread")
    }

    /// The requests of `scenario` that `plan` serves (confirmed bookings aside).
    static func served(_ plan: Plan, _ scenario: Scenario) -> Set<String> {
        Set(plan.packages.filter { !$0.pinned }.map(\.municipality)).intersection(scenario.requests.map(\.id))
    }
}
