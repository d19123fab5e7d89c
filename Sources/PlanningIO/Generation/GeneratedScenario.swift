import Planning

/// A synthetic scenario as plain values, in the order it is written: what `ScenarioGenerator`
/// draws and `GeneratedScenario.yaml` writes.
public struct GeneratedScenario: Sendable, Equatable {
    public struct Trainer: Sendable, Equatable {
        public var id: String
        public var name: String
        /// A larger city, written as `Name, ST` so the gazetteer finds exactly it.
        public var home: Place
        public var maxPackages: Int
        public var maxDaysPerMonth: Int
        /// Sorted, as single days or `a..b` ranges.
        public var unavailable: [ClosedRange<Day>]
    }

    public struct Request: Sendable, Equatable {
        public var id: String
        public var name: String
        public var place: Place
        public var participants: Int
        public var earliest: Day?
        public var latest: Day?
        public var priority: Int
        public var blackout: [ClosedRange<Day>]
        public var requires: [String]
        public var excludes: [String]
    }

    public var name: String
    /// The command line that made it, for the file's header.
    public var origin: String
    public var planningStart: Day
    public var horizon: ClosedRange<Day>
    public var timeLimitSeconds: Int
    public var trainers: [Trainer]
    public var forbiddenPairs: [TrainerPair]
    public var preferredPairs: [TrainerPair]
    public var requests: [Request]
}
