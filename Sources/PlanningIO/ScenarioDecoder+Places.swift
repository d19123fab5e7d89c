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
    ///
    /// A name that several places in different states share is never taken silently: with a
    /// state (given, or as `, ST`) that none of them lies in, it is an error listing them; with
    /// no state, the largest is taken (the one nearest `near`, when the row gives coordinates)
    /// and a warning names it: its state decides a municipality's public holidays, its place a
    /// trainer's travel.
    mutating func place(_ text: String, state: GermanState?, near: Coordinate? = nil, at location: SourceLocation) -> Place? {
        let trimmed = text.trimmingSpaces
        let coordinatesHint = "or give the coordinates (lat, lon) and the state"
        let namesakes = gazetteer.places(named: trimmed)
        let ambiguous = Set(namesakes.map(\.state)).count > 1
        let asked = state ?? Self.stateSuffix(of: trimmed)
        if let place = gazetteer.lookup(name: trimmed, state: state) {
            if ambiguous, asked == nil { return takeNamesake(of: trimmed, among: namesakes, largest: place, near: near, at: location) }
            if asked == nil, let near, TravelCost.haversineKm(place.location, near) > Self.namesakeToleranceKm {
                log.warn("lat \(near.lat), lon \(near.lon) lie \(Int(TravelCost.haversineKm(place.location, near).rounded())) km from \(place), the place '\(trimmed)' names, whose state \(place.state.rawValue) was taken (its public holidays apply); give the state if that is wrong",
                         at: location)
            }
            return place
        }
        if let comma = trimmed.lastIndex(of: ",") {
            let suffix = String(trimmed[trimmed.index(after: comma)...]).trimmingSpaces
            if suffix.count == 2, GermanState(rawValue: suffix.uppercased()) == nil {
                log.add("'\(suffix)' in '\(trimmed)' is not a German state code; use one of \(GermanState.allCases.map(\.rawValue).joined(separator: " "))",
                        at: location)
                return nil
            }
        }
        if let asked, !namesakes.isEmpty {
            log.add("no place '\(Self.bareName(trimmed))' lies in \(asked.rawValue), the state this row gives; places of that name: \(Self.list(namesakes)). "
                    + "Write the one you mean as 'Name, ST' with its state, \(coordinatesHint)", at: location)
            return nil
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

    /// How far given coordinates may lie from the place their name picks before the place (and
    /// its state) is not believed.
    static let namesakeToleranceKm = 30.0

    /// A name shared by places in several states, no state given: the largest, or the one nearest
    /// the row's coordinates; a warning names it (an error when even that one lies far away).
    private mutating func takeNamesake(of text: String, among namesakes: [Place], largest: Place, near: Coordinate?,
                                       at location: SourceLocation) -> Place? {
        let name = Self.bareName(text)
        let others = "'\(name)' names places in several states (\(Self.list(namesakes)))"
        guard let near else {
            log.warn("\(others); took \(largest), the largest; write '\(name), ST' or give the state to choose another",
                     at: location)
            return largest
        }
        let nearest = namesakes.min { TravelCost.haversineKm($0.location, near) < TravelCost.haversineKm($1.location, near) }!
        let km = TravelCost.haversineKm(nearest.location, near)
        guard km <= Self.namesakeToleranceKm else {
            log.add("\(others); the nearest to lat \(near.lat), lon \(near.lon) is \(nearest), \(Int(km.rounded())) km away, so the state cannot be told from the name: give the state",
                    at: location)
            return nil
        }
        log.warn("\(others); took \(nearest), the one at the given coordinates; give the state to be sure", at: location)
        return nearest
    }

    /// The state of a `Name, ST` text, nil without one.
    private static func stateSuffix(of text: String) -> GermanState? {
        guard let comma = text.lastIndex(of: ",") else { return nil }
        return GermanState(rawValue: String(text[text.index(after: comma)...]).trimmingSpaces.uppercased())
    }

    /// `Name` of a `Name, ST` text.
    private static func bareName(_ text: String) -> String {
        guard stateSuffix(of: text) != nil, let comma = text.lastIndex(of: ",") else { return text }
        return String(text[..<comma]).trimmingSpaces
    }

    /// `Neustadt, HH; Neustadt, NI; …` (at most 12).
    private static func list(_ places: [Place]) -> String {
        places.prefix(12).map(\.description).joined(separator: "; ") + (places.count > 12 ? "; …" : "")
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
        if let lat, let lon, let problem = Self.outsideGermany(lat: lat, lon: lon) {
            log.add(problem, at: location)
            return nil
        }
        if let state, let lat, let lon {
            return (placeText.trimmingSpaces, state, Coordinate(lat: lat, lon: lon))
        }
        // A state or coordinate that was given but is invalid has been reported; a lookup would
        // only add a second, confusing problem.
        if stateGiven && state == nil { return nil }
        if latLonGiven.lat && (lat == nil || lon == nil) { return nil }
        let near = lat.flatMap { lat in lon.map { Coordinate(lat: lat, lon: $0) } }
        guard let place = place(placeText, state: state, near: near, at: placeLocation) else { return nil }
        let location = lat.flatMap { lat in lon.map { Coordinate(lat: lat, lon: $0) } } ?? place.location
        return (place.name, state ?? place.state, location)
    }

    /// What is wrong with coordinates outside Germany (suggesting a swap when that lies inside),
    /// nil when they lie in it.
    static func outsideGermany(lat: Double, lon: Double) -> String? {
        guard !germany(lat: lat, lon: lon) else { return nil }
        let swap = germany(lat: lon, lon: lat) ? "; did you swap them? lat \(lon), lon \(lat) lies in Germany" : ""
        return "lat \(lat), lon \(lon) lies outside Germany (lat 47.2–55.1, lon 5.8–15.1)\(swap); correct the coordinates"
    }

    /// Whether a point lies in Germany's bounding box (with a small margin).
    static func germany(lat: Double, lon: Double) -> Bool { (47.2...55.1).contains(lat) && (5.8...15.1).contains(lon) }
}
