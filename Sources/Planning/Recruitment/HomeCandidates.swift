/// A place where a new trainer might live: a town of the gazetteer or a left-out request's place.
public struct HomeCandidate: Hashable, Sendable, Codable {
    public var name: String
    public var state: GermanState
    public var location: Coordinate
    /// Why it is a candidate: `spread` (a large town, spread over the country) or `region` (near a left-out request).
    public var source: String

    public init(name: String, state: GermanState, location: Coordinate, source: String) {
        self.name = name
        self.state = state
        self.location = location
        self.source = source
    }
}

/// Chooses the home towns `wsplan recruit` tries.
public enum HomeCandidates {
    /// Towns closer than this to one already chosen add nothing new.
    static let minimumSpacingKm = 15.0

    /// `count` towns of `places` (most inhabitants first) spread over the country: greedy
    /// farthest-point among the `pool` largest, starting with the largest, so that every region
    /// has a large town near it rather than the Ruhr having five.
    public static func spread(_ places: [HomeCandidate], count: Int, pool: Int = 200) -> [HomeCandidate] {
        let pool = Array(places.prefix(max(pool, count)))
        guard let first = pool.first, count > 0 else { return [] }
        var chosen = [first]
        var nearest = pool.map { TravelCost.haversineKm($0.location, first.location) }
        while chosen.count < min(count, pool.count) {
            // The farthest from everything chosen; ties go to the larger town (earlier in the list).
            guard let next = nearest.indices.max(by: { nearest[$0] < nearest[$1] || (nearest[$0] == nearest[$1] && $0 > $1) }),
                  nearest[next] > 0 else { break }
            chosen.append(pool[next])
            for i in pool.indices { nearest[i] = min(nearest[i], TravelCost.haversineKm(pool[i].location, pool[next].location)) }
        }
        return chosen
    }

    /// For each left-out request: the largest town of `places` within `radiusKm` of it, else the
    /// request's own place; so a region without a trainer nearby always has a candidate of its own.
    public static func near(_ requests: [Request], places: [HomeCandidate], radiusKm: Double = 30) -> [HomeCandidate] {
        requests.map { request in
            if var town = places.first(where: { TravelCost.haversineKm($0.location, request.location) <= radiusKm }) {
                town.source = "region"
                return town
            }
            return HomeCandidate(name: request.place.isEmpty ? request.name : request.place, state: request.state,
                                 location: request.location, source: "region")
        }
    }

    /// `first` then `second`, without places within `minimumSpacingKm` of one already listed.
    public static func merged(_ first: [HomeCandidate], _ second: [HomeCandidate]) -> [HomeCandidate] {
        var result: [HomeCandidate] = []
        for home in first + second where !result.contains(where: { TravelCost.haversineKm($0.location, home.location) < minimumSpacingKm }) {
            result.append(home)
        }
        return result
    }
}
