/// A freelance trainer who travels from home to the municipalities.
public struct Trainer: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Where the trainer lives: the origin of every trip.
    public var home: Coordinate
    /// The place as written in the scenario (for display), e.g. "Köln".
    public var homeLabel: String
    /// R7: at most this many packages with W in the horizon (nil: no limit).
    public var maxPackages: Int?
    /// R7: at most this many event days in any calendar month (nil: no limit).
    public var maxDaysPerMonth: Int?
    /// R5: days the trainer cannot work.
    public var unavailable: Set<Day>

    public init(id: String, name: String, home: Coordinate, homeLabel: String = "",
                maxPackages: Int? = nil, maxDaysPerMonth: Int? = nil, unavailable: Set<Day> = []) {
        self.id = id
        self.name = name
        self.home = home
        self.homeLabel = homeLabel
        self.maxPackages = maxPackages
        self.maxDaysPerMonth = maxDaysPerMonth
        self.unavailable = unavailable
    }
}

/// Two distinct trainers, stored with their ids sorted so that a pair has one spelling.
public struct TrainerPair: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let first: String
    public let second: String

    /// Nil when both ids are the same.
    public init?(_ a: String, _ b: String) {
        guard a != b else { return nil }
        (first, second) = a < b ? (a, b) : (b, a)
    }

    public var ids: [String] { [first, second] }
    public func contains(_ id: String) -> Bool { first == id || second == id }
    public var description: String { "\(first)+\(second)" }

    public static func < (a: TrainerPair, b: TrainerPair) -> Bool {
        (a.first, a.second) < (b.first, b.second)
    }
}
