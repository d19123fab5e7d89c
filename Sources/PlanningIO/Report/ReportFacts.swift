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
    }

    public var trainers: [TrainerFacts]
    /// Requests by municipality id.
    public var requests: [String: RequestFacts]
    public var horizon: ClosedRange<Day>

    public init(scenario: Scenario) {
        trainers = scenario.trainers.map {
            TrainerFacts(id: $0.id, name: $0.name, homeLabel: $0.homeLabel, home: $0.home, unavailable: $0.unavailable)
        }
        var requests: [String: RequestFacts] = [:]
        for request in scenario.requests {
            requests[request.id] = RequestFacts(name: request.name, place: request.place, state: request.state, location: request.location)
        }
        self.requests = requests
        horizon = scenario.horizon
    }

    func trainer(_ id: String) -> TrainerFacts? { trainers.first { $0.id == id } }
}
