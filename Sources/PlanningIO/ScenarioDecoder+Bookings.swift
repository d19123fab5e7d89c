import Planning

/// `bookings:`: confirmed packages (R9), in a YAML file `{packages: [...]}` as `wsplan confirm`
/// writes it, or inline as a list.
///
/// The one reader of bookings: a scenario reads them here, and so does `wsplan confirm` (through
/// `readBookingsFile`, with no scenario around them), by the same rules.
extension ScenarioDecoder {
    static let bookingKeys = ["municipality", "name", "state", "lat", "lon", "participants", "trainers",
                              "preparation", "workshop", "followup"]

    mutating func readBookings(_ node: SourceNode) {
        switch node.content {
        case .scalar(let name, _):
            readBookingsFile(InputFiles.path(name, relativeTo: node.file), reference: node.location)
        case .sequence(let items):
            readPackages(items)
        case .mapping:
            log.add("expected a bookings file name such as bookings.yaml or a list of packages, found a mapping", at: node.location)
        }
    }

    /// The packages of the bookings file at `path`; `reference` is where a scenario names it.
    mutating func readBookingsFile(_ path: String, reference: SourceLocation?) {
        guard let root = InputFiles.yaml(at: path, reference: reference, allowEmpty: true, &log),
              root.mappingEntries(&log, what: "a bookings file: `packages:` and a list of packages") != nil else { return }
        root.checkKeys(["packages"], &log)
        guard let list = root.optional("packages") else { return }
        readPackages(list.list(&log, what: "a list of packages") ?? [])
    }

    /// A bookings file read on its own, as `wsplan confirm` reads it under its lock: the same
    /// rules as in a scenario, and no two bookings needing one trainer on one day (R5). Trainer
    /// ids are checked by `Identifier`'s rule only (no scenario lists them), participants up to
    /// the bound a plan file has.
    static func readBookingsFile(_ path: String, gazetteer: Gazetteer) -> (bookings: [Booking], locations: [SourceLocation], log: ProblemLog) {
        var decoder = ScenarioDecoder(gazetteer: gazetteer)
        decoder.bookingsAlone = true
        decoder.rules.maxParticipants = PlanFileRules.largestParticipants
        decoder.readBookingsFile(path, reference: nil)
        decoder.checkBookingsAgainstEachOther()
        return (decoder.bookings, decoder.bookingLocations, decoder.log)
    }

    private mutating func readPackages(_ packages: [SourceNode]) {
        for package in packages {
            guard package.mappingEntries(&log, what: "a package: {municipality: …, trainers: […], preparation: …, workshop: […], followup: …}") != nil
            else { continue }
            package.checkKeys(Self.bookingKeys, &log)
            if let booking = readBooking(package) {
                bookings.append(booking)
                bookingLocations.append(package.location)
            }
        }
    }

    /// A trainer id of a booking: one the scenario declares, or, read without a scenario
    /// (`bookingsAlone`), any id by `Identifier`'s rule.
    private mutating func checkBookingTrainer(_ id: String, at location: SourceLocation) -> Bool {
        bookingsAlone ? checkIdentifier(id, at: location) : checkTrainer(id, at: location)
    }

    private mutating func readBooking(_ node: SourceNode) -> Booking? {
        let problemsBefore = log.problems.count
        let idNode = node.required("municipality", &log, example: "municipality: guetersloh")
        let id = idNode.flatMap { idNode in idNode.text(&log).flatMap { checkIdentifier($0, at: idNode.location) ? $0 : nil } }
        if let id, let idNode {
            if let first = bookingDeclarations[Identifier.fileKey(id)] {
                let spelled = first.id == id ? "" : " (as '\(first.id)': ids that differ only in case name the same calendar file)"
                log.add("the municipality '\(id)' is booked twice\(spelled) (first at \(first.location.reference(from: idNode.location))); a municipality has one confirmed package: remove one entry",
                        at: idNode.location)
            } else {
                bookingDeclarations[Identifier.fileKey(id)] = (id, idNode.location)
            }
            bookedMunicipalities.insert(id)
        }
        let nameNode = node.required("name", &log, example: "name: Gütersloh")
        let name = nameNode?.text(&log)
        if let name, let nameNode, let problem = TextLimits.nameProblem(name, what: "name") { log.add(problem, at: nameNode.location) }

        let participants = node.optional("participants").map { $0.integer(&log, atLeast: 0, atMost: rules.maxParticipants) } ?? 0

        let pair: TrainerPair? = node.required("trainers", &log, example: "trainers: [mueller, yilmaz]").flatMap { list in
            guard let items = list.list(&log, what: "two trainer ids such as [mueller, yilmaz]") else { return nil }
            guard items.count == 2 else {
                log.add("a package is run by two trainers; this one names \(items.count)", at: list.location)
                return nil
            }
            let ids = items.map { item in item.text(&log, what: "a trainer id").flatMap { checkBookingTrainer($0, at: item.location) ? $0 : nil } }
            guard let a = ids[0], let b = ids[1] else { return nil }
            guard let pair = TrainerPair(a, b), Identifier.fileKey(a) != Identifier.fileKey(b) else {
                let spelled = a == b ? "" : " (as '\(b)': ids that differ only in case are one trainer)"
                log.add("the package names trainer '\(a)' twice\(spelled); a package is run by two different trainers", at: list.location)
                return nil
            }
            return pair
        }

        let preparation = node.required("preparation", &log, example: "preparation: 2027-01-12")?.day(&log)
        let workshop = node.required("workshop", &log, example: "workshop: [2027-02-09, 2027-02-10]").flatMap { readWorkshopDays($0) }
        let followup = node.required("followup", &log, example: "followup: 2027-08-10")?.day(&log)
        if let preparation, let workshop, preparation >= workshop {
            log.add("the preparation (\(preparation)) must come before the workshop (\(workshop)); correct the dates", at: node["preparation"]!.location)
        }
        if let followup, let workshop, followup <= workshop.advanced(by: 1) {
            log.add("the follow-up (\(followup)) must come after the workshop (\(workshop), \(workshop.advanced(by: 1))); correct the dates",
                    at: node["followup"]!.location)
        }

        let stateNode = node.optional("state"), latNode = node.optional("lat"), lonNode = node.optional("lon")
        let state = stateNode.flatMap { stateNode in stateNode.text(&log, what: "a state code such as NW").flatMap { self.state($0, at: stateNode.location) } }
        let lat = latNode.flatMap { latNode in latNode.text(&log, what: "a latitude").flatMap { coordinate($0, isLatitude: true, at: latNode.location) } }
        let lon = lonNode.flatMap { lonNode in lonNode.text(&log, what: "a longitude").flatMap { coordinate($0, isLatitude: false, at: lonNode.location) } }
        var whereabouts: (label: String, state: GermanState, location: Coordinate)?
        if let name, let nameNode {
            whereabouts = locate(placeText: name, placeLocation: nameNode.location, state: state, stateGiven: stateNode != nil,
                                 lat: lat, lon: lon, latLonGiven: (latNode != nil, lonNode != nil), at: node.location)
        }

        guard log.problems.count == problemsBefore, let id, let name, let participants, let pair, let preparation,
              let workshop, let followup, let whereabouts else { return nil }
        return Booking(municipality: id, name: name, state: whereabouts.state, location: whereabouts.location,
                       participants: participants, trainers: pair, preparation: preparation, workshop: workshop,
                       followup: followup)
    }

    /// `[d1, d2]`, two consecutive days; returns the first.
    private mutating func readWorkshopDays(_ node: SourceNode) -> Day? {
        let what = "the workshop's two consecutive days, e.g. [2027-02-09, 2027-02-10]"
        guard let items = node.list(&log, what: what) else { return nil }
        guard items.count == 2 else {
            log.add("expected \(what); found \(items.count) day\(items.count == 1 ? "" : "s")", at: node.location)
            return nil
        }
        let days = items.map { $0.day(&log) }
        guard let first = days[0], let second = days[1] else { return nil }
        guard second == first.advanced(by: 1) else {
            log.add("the workshop's days \(first) and \(second) are not consecutive; a workshop runs on two days in a row",
                    at: node.location)
            return nil
        }
        return first
    }
}
