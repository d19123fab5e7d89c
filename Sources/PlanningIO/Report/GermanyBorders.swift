import Foundation
import Planning

/// The sixteen states' outlines for the report map: rings of (lon, lat), from the bundled
/// `germany-states.json` (Natural Earth 1:10m, public domain; `scripts/make-boundaries.sh`).
enum GermanyBorders {
    struct File: Decodable {
        var states: [String: [[[Double]]]]
    }

    static let attribution = "Landesgrenzen: Natural Earth (1:10m, gemeinfrei / public domain), vereinfacht"

    /// State code → rings of [lon, lat]; empty when the resource is missing or unreadable, so the
    /// report still renders (without borders) rather than failing a solve.
    static let states: [(GermanState, [[Coordinate]])] = {
        guard let url = Bundle.module.url(forResource: "germany-states", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.states.compactMap { code, rings -> (GermanState, [[Coordinate]])? in
            guard let state = GermanState(rawValue: code) else { return nil }
            let coordinates = rings.map { ring in ring.compactMap { $0.count == 2 ? Coordinate(lat: $0[1], lon: $0[0]) : nil } }
            return (state, coordinates)
        }.sorted { $0.0 < $1.0 }
    }()
}
