import Planning

/// `trainers:` and `pairs:`.
extension ScenarioDecoder {
    static let trainerKeys = ["id", "name", "home", "max_packages", "max_days_per_month", "unavailable"]

    mutating func readTrainers(_ node: SourceNode) {
        guard let items = node.list(&log, what: "a list of trainers, e.g. [{id: mueller, home: Köln}]") else { return }
        if items.isEmpty {
            log.add("the list of trainers is empty; a package needs two trainers", at: node.location)
        }
        for item in items {
            guard item.mappingEntries(&log, what: "a trainer: {id: …, name: …, home: …}") != nil else { continue }
            item.checkKeys(Self.trainerKeys, &log)
            if let trainer = readTrainer(item) { trainers.append(trainer) }
        }
    }

    private mutating func readTrainer(_ node: SourceNode) -> Trainer? {
        guard let idNode = node.required("id", &log, example: "id: mueller"), let id = idNode.text(&log) else {
            return nil
        }
        var valid = checkIdentifier(id, at: idNode.location)
        if valid {
            if let first = trainerFileKeys[Identifier.fileKey(id)] {
                let spelled = first.id == id ? "" : " (as '\(first.id)': ids that differ only in case name the same calendar file)"
                log.add("the trainer id '\(id)' is used twice\(spelled) (first at \(first.location.reference(from: idNode.location))); give each trainer an id of their own",
                        at: idNode.location)
                valid = false
            } else {
                trainerFileKeys[Identifier.fileKey(id)] = (id, idNode.location)
                trainerDeclarations[id] = idNode.location
                trainerOrder.append(id)
            }
        }

        let name = node.optional("name").flatMap { $0.text(&log) } ?? id
        if let problem = TextLimits.nameProblem(name, what: "name") {
            log.add(problem, at: node["name"]?.location ?? idNode.location)
            valid = false
        }
        let home = node.required("home", &log, example: "home: Köln").flatMap { readHome($0) }
        let maxPackages = node.optional("max_packages").map { $0.integer(&log, atLeast: 0, atMost: 10_000) }
        let maxDays = node.optional("max_days_per_month").map { $0.integer(&log, atLeast: 0, atMost: 31) }
        let unavailable = node.optional("unavailable").map { readDayList($0) } ?? []

        // A present but unreadable limit has been reported; `.some(nil)` tells it from an absent one.
        guard valid, let home, maxPackages != .some(nil), maxDays != .some(nil) else { return nil }
        return Trainer(id: id, name: name, home: home.location, homeLabel: home.label,
                       maxPackages: maxPackages ?? nil, maxDaysPerMonth: maxDays ?? nil, unavailable: unavailable)
    }

    /// `Köln`, `Neustadt, NI` or `{lat: 52.52, lon: 13.40}`.
    private mutating func readHome(_ node: SourceNode) -> (label: String, location: Coordinate)? {
        switch node.content {
        case .scalar(let text, _):
            return place(text, state: nil, at: node.location).map { (text.trimmingSpaces, $0.location) }
        case .mapping:
            node.checkKeys(["lat", "lon"], &log)
            let latNode = node.required("lat", &log, example: "lat: 52.52"), lonNode = node.required("lon", &log, example: "lon: 13.40")
            let latText = latNode?.text(&log, what: "a latitude"), lonText = lonNode?.text(&log, what: "a longitude")
            let lat = latText.flatMap { coordinate($0, isLatitude: true, at: latNode!.location) }
            let lon = lonText.flatMap { coordinate($0, isLatitude: false, at: lonNode!.location) }
            guard let lat, let lon, let latText, let lonText else { return nil }
            if let problem = Self.outsideGermany(lat: lat, lon: lon) {
                log.add(problem, at: node.location)
                return nil
            }
            return ("\(latText.trimmingSpaces), \(lonText.trimmingSpaces)", Coordinate(lat: lat, lon: lon))
        case .sequence:
            log.add("expected a place such as Köln or coordinates {lat: …, lon: …}, found a list", at: node.location)
            return nil
        }
    }

    /// A list of days and `a..b` ranges (a single text is taken as a list of one).
    mutating func readDayList(_ node: SourceNode) -> Set<Day> {
        let items: [SourceNode]
        switch node.content {
        case .scalar: items = [node]
        case .sequence(let list): items = list
        case .mapping:
            log.add("expected a list of days such as [\"2027-02-01..2027-02-14\", \"2027-03-05\"], found a mapping", at: node.location)
            return []
        }
        var texts: [(text: String, location: SourceLocation)] = []
        for item in items {
            if let text = item.text(&log, what: "a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD") {
                texts.append((text, item.location))
            }
        }
        return DayText.days(texts, &log)
    }

    mutating func readPairs(_ node: SourceNode) {
        guard node.mappingEntries(&log) != nil else { return }
        node.checkKeys(["forbidden", "preferred"], &log)
        var locations: [TrainerPair: SourceLocation] = [:]
        if let list = node.optional("forbidden") { forbiddenPairs = readPairList(list, locations: &locations) }
        var preferredLocations: [TrainerPair: SourceLocation] = [:]
        if let list = node.optional("preferred") { preferredPairs = readPairList(list, locations: &preferredLocations) }
        for pair in preferredPairs.intersection(forbiddenPairs).sorted() {
            log.add("the pair \(pair.first), \(pair.second) is both forbidden (at \(locations[pair]!.reference(from: preferredLocations[pair]!))) and preferred; remove it from one list",
                    at: preferredLocations[pair]!)
        }
    }

    /// `[[a, b], [c, d]]`.
    private mutating func readPairList(_ node: SourceNode, locations: inout [TrainerPair: SourceLocation]) -> Set<TrainerPair> {
        guard let items = node.list(&log, what: "a list of pairs such as [[mueller, schmidt]]") else { return [] }
        var pairs = Set<TrainerPair>()
        for item in items {
            guard let ids = item.list(&log, what: "a pair of two trainer ids such as [mueller, schmidt]") else { continue }
            guard ids.count == 2 else {
                log.add("a pair has two trainer ids, this one has \(ids.count); write it as [mueller, schmidt]", at: item.location)
                continue
            }
            let texts = ids.map { $0.text(&log, what: "a trainer id") }
            guard let a = texts[0], let b = texts[1] else { continue }
            let knownA = checkTrainer(a, at: ids[0].location), knownB = checkTrainer(b, at: ids[1].location)
            guard let pair = TrainerPair(a, b) else {
                log.add("the pair names trainer '\(a)' twice; a pair is two different trainers", at: item.location)
                continue
            }
            if knownA && knownB, pairs.insert(pair).inserted { locations[pair] = item.location }
        }
        return pairs
    }
}
