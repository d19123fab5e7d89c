import Foundation
import Planning

/// What the report shows that plan.json does not carry: the trainers' homes and unavailable
/// days, where the unscheduled requests are, and the horizon. Taken from the scenario.
public struct ReportFacts: Sendable {
    public struct TrainerFacts: Sendable {
        public var id: String
        public var name: String
        public var homeLabel: String
        public var home: Coordinate
        public var unavailable: Set<Day>
    }

    public struct RequestFacts: Sendable {
        public var name: String
        public var place: String
        public var state: GermanState
        public var location: Coordinate
        /// The request's own window (`earliest`, `latest`), for the changes that would widen it.
        public var earliest: Day?
        public var latest: Day?
    }

    public var trainers: [TrainerFacts]
    /// Requests by municipality id.
    public var requests: [String: RequestFacts]
    public var horizon: ClosedRange<Day>

    /// The scenario file as the office names it (`Scenarios/2027-Q1.yaml`), for the commands the
    /// report suggests; nil when not known.
    public var scenarioFile: String?

    public init(scenario: Scenario, file: String? = nil) {
        scenarioFile = file
        trainers = scenario.trainers.map {
            TrainerFacts(id: $0.id, name: $0.name, homeLabel: Self.readableHome($0.homeLabel, $0.home), home: $0.home,
                         unavailable: $0.unavailable)
        }
        var requests: [String: RequestFacts] = [:]
        for request in scenario.requests {
            requests[request.id] = RequestFacts(name: request.name, place: request.place, state: request.state, location: request.location,
                                               earliest: request.earliest, latest: request.latest)
        }
        self.requests = requests
        horizon = scenario.horizon
    }

    func trainer(_ id: String) -> TrainerFacts? { trainers.first { $0.id == id } }

    /// A home given as coordinates ("52.52, 13.40") reads as the largest town of the gazetteer
    /// within 25 km ("bei Berlin"), else as German coordinates.
    static func readableHome(_ label: String, _ home: Coordinate) -> String {
        let parts = label.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ Double($0) != nil }) else { return label }
        // The gazetteer lists the most inhabitants first.
        if let place = Gazetteer.shared.places.first(where: { TravelCost.haversineKm(home, $0.location) <= 25 }) {
            return "bei \(place.name)"
        }
        return "\(GermanFormat.number(home.lat, decimals: 2))° N, \(GermanFormat.number(home.lon, decimals: 2))° O"
    }
}
