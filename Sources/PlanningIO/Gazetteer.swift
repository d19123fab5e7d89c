import Foundation
import Planning

/// A German place of the bundled gazetteer.
public struct Place: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var state: GermanState
    public var location: Coordinate
    public var population: Int

    public init(name: String, state: GermanState, location: Coordinate, population: Int) {
        self.name = name
        self.state = state
        self.location = location
        self.population = population
    }

    /// `Name, ST`: the spelling that picks this place even where the name repeats.
    public var description: String { "\(name), \(state.rawValue)" }
}

/// Finds German places by name: `Name` or `Name, ST`, ignoring case and umlaut spelling.
///
/// `Köln`, `Koeln`, `koln` and `KÖLN` all find Köln. A name that exists in several states gives
/// the place with the most inhabitants (ties: the earlier row), so the same text always gives
/// the same place; `Neustadt, NI` picks another.
public struct Gazetteer: Sendable {
    /// All places, most inhabitants first.
    public let places: [Place]
    /// Places by `Spelling.transcribedKey` of their name, most inhabitants first.
    private let byTranscribedName: [String: [Int]]
    /// Places by `Spelling.baseLetterKey` of their name, most inhabitants first.
    private let byBaseLetterName: [String: [Int]]
    /// One entry per distinct base-letter name, for suggestions.
    private let suggestionEntries: [(key: String, scalars: [Unicode.Scalar], place: Int)]

    /// The gazetteer shipped with wsplan (GeoNames, CC BY 4.0; see the README), loaded on first use.
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "places", withExtension: "csv"),
              let data = try? Data(contentsOf: url) else {
            fatalError("wsplan is installed without its gazetteer resource places.csv")
        }
        return Gazetteer(csv: String(decoding: data, as: UTF8.self))
    }()

    public init(places: [Place]) {
        // Most inhabitants first; equal populations keep their given order, so lookups are deterministic.
        let ordered = places.enumerated().sorted { a, b in
            a.element.population != b.element.population
                ? a.element.population > b.element.population : a.offset < b.offset
        }.map(\.element)
        self.places = ordered
        var transcribed: [String: [Int]] = [:]
        var baseLetter: [String: [Int]] = [:]
        var entries: [(key: String, scalars: [Unicode.Scalar], place: Int)] = []
        for (index, place) in ordered.enumerated() {
            transcribed[Spelling.transcribedKey(place.name), default: []].append(index)
            let key = Spelling.baseLetterKey(place.name)
            if baseLetter[key] == nil { entries.append((key, Array(key.unicodeScalars), index)) }
            baseLetter[key, default: []].append(index)
        }
        byTranscribedName = transcribed
        byBaseLetterName = baseLetter
        suggestionEntries = entries
    }

    /// Reads `name,state,lat,lon,population` rows (a header line first); skips malformed rows.
    public init(csv: String) {
        var places: [Place] = []
        places.reserveCapacity(12_000)
        // Byte-wise: the file is plain (no quoted fields) and this runs on every start.
        for line in csv.utf8.split(separator: UInt8(ascii: "\n")).dropFirst() {
            let columns = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self) }
            guard columns.count == 5, let state = GermanState(rawValue: columns[1]),
                  let lat = Double(columns[2]), let lon = Double(columns[3]), let population = Int(columns[4])
            else { continue }
            places.append(Place(name: columns[0], state: state,
                                location: Coordinate(lat: lat, lon: lon), population: population))
        }
        self.init(places: places)
    }

    /// The place for `Name` or `Name, ST`, or nil when there is none.
    public func lookup(_ text: String) -> Place? {
        let query = Query(text)
        if query.unknownStateCode != nil { return nil }
        return lookup(name: query.name, state: query.state)
    }

    /// The largest place called `name` (spelling-tolerant), within `state` when given.
    ///
    /// `name` may itself end in `, ST`; a state there must agree with `state`.
    public func lookup(name: String, state: GermanState?) -> Place? {
        let query = Query(name)
        guard query.unknownStateCode == nil else { return nil }
        if let inner = query.state, let state, inner != state { return nil }
        let wanted = state ?? query.state
        for candidates in [byTranscribedName[Spelling.transcribedKey(query.name)],
                           byBaseLetterName[Spelling.baseLetterKey(query.name)]] {
            if let index = candidates?.first(where: { wanted == nil || places[$0].state == wanted }) {
                return places[index]
            }
        }
        return nil
    }

    /// Every place `lookup` would choose among for the name of `text` (a `, ST` ending is
    /// ignored), in every state, most inhabitants first: more than one means the name alone is
    /// ambiguous.
    public func places(named text: String) -> [Place] {
        let query = Query(text)
        for candidates in [byTranscribedName[Spelling.transcribedKey(query.name)],
                           byBaseLetterName[Spelling.baseLetterKey(query.name)]] {
            if let candidates, !candidates.isEmpty { return candidates.map { places[$0] } }
        }
        return []
    }

    /// Up to `limit` spellings that do exist and are close to `text`, best first, for error messages.
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        let query = Query(text)
        guard limit > 0 else { return [] }
        let state = query.unknownStateCode == nil ? query.state : nil
        let baseKey = Spelling.baseLetterKey(query.name)

        // The name exists, only not in the state asked for: offer the states where it does.
        if let state, let same = byBaseLetterName[baseKey], !same.isEmpty {
            let others = same.map { places[$0] }.filter { $0.state != state }
            if !others.isEmpty { return Array(others.prefix(limit).map(\.description)) }
        }

        let scalars = Array(baseKey.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        let tolerance = scalars.count <= 4 ? 1 : (scalars.count <= 8 ? 2 : 3)
        var scored: [(distance: Int, index: Int)] = []
        for entry in suggestionEntries {
            let index: Int
            if let state {
                guard let inState = byBaseLetterName[entry.key]?
                    .first(where: { places[$0].state == state }) else { continue }
                index = inState
            } else {
                index = entry.place
            }
            // A longer name that starts with the text ("Frankfurt" → "Frankfurt am Main") counts as close.
            if entry.scalars.count > scalars.count, entry.scalars.starts(with: scalars) {
                scored.append((1, index))
                continue
            }
            let distance = Spelling.editDistance(scalars, entry.scalars, limit: tolerance)
            if distance <= tolerance { scored.append((distance, index)) }
        }
        // Closest first; among equally close names the larger place (the smaller index).
        scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        var seen = Set<String>()
        var result: [String] = []
        for (_, index) in scored {
            let place = places[index]
            let spelling = state == nil ? place.name : place.description
            if seen.insert(spelling).inserted { result.append(spelling) }
            if result.count == limit { break }
        }
        return result
    }
}

/// `Name` or `Name, ST`, split.
private struct Query {
    var name: String
    var state: GermanState?
    /// A two-letter suffix after the last comma that is not a state code.
    var unknownStateCode: String?

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let comma = trimmed.lastIndex(of: ",") {
            let suffix = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if suffix.count == 2, suffix.allSatisfy(\.isLetter) {
                name = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
                if let state = GermanState(rawValue: suffix.uppercased()) {
                    self.state = state
                } else {
                    unknownStateCode = suffix
                }
                return
            }
        }
        name = trimmed
    }
}
