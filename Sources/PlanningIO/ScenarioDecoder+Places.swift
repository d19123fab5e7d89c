import Planning

/// Places, states and coordinates, shared by trainers' homes, requests and bookings.
extension ScenarioDecoder {
    /// A state code such as `NW` (any case).
    mutating func state(_ text: String, at location: SourceLocation) -> GermanState? {
        let code = text.trimmingSpaces.uppercased()
        guard let state = GermanState(rawValue: code) else {
            log.add("'\(text)' is not a German state code; use one of \(GermanState.allCases.map(\.rawValue).joined(separator: " "))",
                    at: location)
            return nil
        }
        return state
    }

    /// A latitude (−90…90) or longitude (−180…180) written as text.
    mutating func coordinate(_ text: String, isLatitude: Bool, at location: SourceLocation) -> Double? {
        guard let value = NumberText.number(text, at: location, &log) else { return nil }
        let limit = isLatitude ? 90.0 : 180.0
        guard abs(value) <= limit else {
            let name = isLatitude ? "latitude" : "longitude"
            log.add("\(text) is not a \(name); it must lie between -\(Int(limit)) and \(Int(limit)) degrees (Germany: lat about 47–55, lon 6–15)",
                    at: location)
            return nil
        }
        return value
    }

    /// The gazetteer's place for `Name` or `Name, ST` (in `state` when given); logs an unknown
    /// place with the closest spellings that do exist.
    mutating func place(_ text: String, state: GermanState?, at location: SourceLocation) -> Place? {
        let trimmed = text.trimmingSpaces
        if let place = gazetteer.lookup(name: trimmed, state: state) { return place }
        let coordinatesHint = "or give the coordinates (lat, lon) and the state"
        if let comma = trimmed.lastIndex(of: ",") {
            let suffix = String(trimmed[trimmed.index(after: comma)...]).trimmingSpaces
            if suffix.count == 2, GermanState(rawValue: suffix.uppercased()) == nil {
                log.add("'\(suffix)' in '\(trimmed)' is not a German state code; use one of \(GermanState.allCases.map(\.rawValue).joined(separator: " "))",
                        at: location)
                return nil
            }
        }
        let query = state.map { "\(trimmed), \($0.rawValue)" } ?? trimmed
        let suggestions = gazetteer.suggestions(for: query)
        let known = state.map { "no place '\(trimmed)' in \($0.rawValue) is known" } ?? "unknown place '\(trimmed)'"
        if suggestions.isEmpty {
            log.add("\(known); check the spelling \(coordinatesHint)", at: location)
        } else {
            let names = Spelling.list(suggestions.map { "'\($0)'" })
            log.add("\(known); did you mean \(names)? Write one of these \(coordinatesHint)", at: location)
        }
        return nil
    }

    /// Where a municipality lies: the given state and coordinates when all three are there,
    /// otherwise the gazetteer's place for `placeText` (within the given state), with given
    /// coordinates taking precedence over the place's.
    mutating func locate(placeText: String, placeLocation: SourceLocation, state: GermanState?, stateGiven: Bool,
                         lat: Double?, lon: Double?, latLonGiven: (lat: Bool, lon: Bool), at location: SourceLocation)
        -> (label: String, state: GermanState, location: Coordinate)? {
        if latLonGiven.lat != latLonGiven.lon {
            log.add("give both lat and lon, or neither", at: location)
            return nil
        }
        if let lat, let lon, !Self.germany(lat: lat, lon: lon) {
            let swap = Self.germany(lat: lon, lon: lat) ? "; did you swap them? lat \(lon), lon \(lat) lies in Germany" : ""
            log.add("lat \(lat), lon \(lon) lies outside Germany (lat 47.2–55.1, lon 5.8–15.1)\(swap); correct the coordinates",
                    at: location)
            return nil
        }
        if let state, let lat, let lon {
            return (placeText.trimmingSpaces, state, Coordinate(lat: lat, lon: lon))
        }
        // A state or coordinate that was given but is invalid has been reported; a lookup would
        // only add a second, confusing problem.
        if stateGiven && state == nil { return nil }
        if latLonGiven.lat && (lat == nil || lon == nil) { return nil }
        guard let place = place(placeText, state: state, at: placeLocation) else { return nil }
        let location = lat.flatMap { lat in lon.map { Coordinate(lat: lat, lon: $0) } } ?? place.location
        return (place.name, state ?? place.state, location)
    }

    /// Whether a point lies in Germany's bounding box (with a small margin).
    static func germany(lat: Double, lon: Double) -> Bool { (47.2...55.1).contains(lat) && (5.8...15.1).contains(lon) }
}
