import Planning

/// A value of a request as written, in a CSV cell or in YAML, with where.
struct FieldText {
    var text: String
    var location: SourceLocation
}

/// One municipality's request before validation: the same shape whether it comes from a CSV row
/// or from an inline YAML mapping, so both are checked by the same code.
struct RequestRecord {
    /// The row or list item.
    var location: SourceLocation
    /// Non-empty single values by column name.
    var values: [String: FieldText] = [:]
    /// `blackout`, `requires` and `excludes`: the items of a `;`-separated text or a YAML list.
    var lists: [String: [FieldText]] = [:]
}

/// `municipalities:`: a CSV file named relative to the scenario (with its encoding and separator
/// when declared), a workbook, or an inline list.
extension ScenarioDecoder {
    static let requestColumns = ["id", "name", "place", "state", "lat", "lon", "participants", "earliest", "latest",
                                 "priority", "blackout", "requires", "excludes"]
    static let requestListColumns: Set<String> = ["blackout", "requires", "excludes"]

    mutating func readRequests(_ node: SourceNode) {
        let records: [RequestRecord]
        switch node.content {
        case .sequence(let items):
            records = items.compactMap { inlineRequest($0) }
        case .scalar, .mapping:
            guard let file = csvFile(node, example: "requests.csv") else { return }
            records = readRequestFile(file.path, reference: file.location, form: file.form)
        }
        for record in records {
            if let request = readRequest(record) { requests.append(request) }
        }
    }

    private mutating func readRequestFile(_ path: String, reference: SourceLocation, form: CSVForm) -> [RequestRecord] {
        guard let table = CSVTable.read(path, reference: reference, columns: Self.requestColumns,
                                        required: ["id", "name", "participants"],
                                        germanDates: ["earliest", "latest", "blackout"], decimalCommas: ["lat", "lon"],
                                        form: form, &log) else { return [] }
        return table.rows.map { row in
            var record = RequestRecord(location: SourceLocation(file: table.path, line: row.line))
            for (column, field) in row.cells where !field.text.isEmpty {
                let location = SourceLocation(file: table.path, line: field.line, column: field.column, field: column)
                if Self.requestListColumns.contains(column) {
                    record.lists[column] = splitList(field.text, at: location)
                } else {
                    record.values[column] = FieldText(text: field.text, location: location)
                }
            }
            return record
        }
    }

    private mutating func inlineRequest(_ node: SourceNode) -> RequestRecord? {
        guard let entries = node.mappingEntries(&log, what: "a municipality: {id: …, name: …, participants: …}") else { return nil }
        node.checkKeys(Self.requestColumns, &log)
        var record = RequestRecord(location: node.location)
        for (key, _, value) in entries where Self.requestColumns.contains(key) && !value.isNull {
            switch value.content {
            case .scalar(let text, _):
                if Self.requestListColumns.contains(key) {
                    record.lists[key] = splitList(text, at: value.location)
                } else if !text.trimmingSpaces.isEmpty {
                    record.values[key] = FieldText(text: text, location: value.location)
                }
            case .sequence(let items) where Self.requestListColumns.contains(key):
                record.lists[key] = items.compactMap { item in
                    item.text(&log).map { FieldText(text: $0.trimmingSpaces, location: item.location) }
                }
            default:
                log.add("expected a single value, found \(value.kindDescription)", at: value.location)
            }
        }
        return record
    }

    /// `a;b;c` → its non-empty items.
    private func splitList(_ text: String, at location: SourceLocation) -> [FieldText] {
        text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            .map { FieldText(text: $0, location: location) }
    }

    /// Validates one request; nil (with problems logged) when anything is wrong.
    private mutating func readRequest(_ record: RequestRecord) -> Request? {
        let at = record.location
        func missing(_ column: String) -> SourceLocation { at.naming(at.field.map { "\($0).\(column)" } ?? column) }
        var valid = true

        guard let idField = record.values["id"] else {
            log.add("the municipality has no id; give it a short unique word such as 'guetersloh'", at: missing("id"))
            return nil
        }
        let id = idField.text.trimmingSpaces
        if !checkIdentifier(id, at: idField.location) { valid = false }
        if let first = requestFileKeys[Identifier.fileKey(id)] {
            let spelled = first.id == id ? "" : " (as '\(first.id)': ids that differ only in case name the same calendar file)"
            log.add("the municipality id '\(id)' is used twice\(spelled) (first at \(first.location.reference(from: idField.location))); give each request its own id",
                    at: idField.location)
            valid = false
        } else {
            requestFileKeys[Identifier.fileKey(id)] = (id, idField.location)
            requestDeclarations[id] = idField.location
        }

        let nameField = record.values["name"]
        if nameField == nil {
            log.add("municipality '\(id)' has no name; give the name the office uses, e.g. Gütersloh", at: missing("name"))
            valid = false
        }
        let name = nameField?.text.trimmingSpaces ?? id
        if let nameField, let problem = TextLimits.nameProblem(name, what: "name") {
            log.add(problem, at: nameField.location)
            valid = false
        }

        var participants: Int?
        if let field = record.values["participants"] {
            participants = readParticipants(field, id: id)
        } else {
            log.add("municipality '\(id)' gives no number of participants; write how many take part (1 to \(rules.maxParticipants))",
                    at: missing("participants"))
        }

        // Where: the place column (or the name) in the gazetteer, unless state, lat and lon are all given.
        let stateField = record.values["state"], latField = record.values["lat"], lonField = record.values["lon"]
        let state = stateField.flatMap { self.state($0.text, at: $0.location) }
        let lat = latField.flatMap { coordinate($0.text, isLatitude: true, at: $0.location) }
        let lon = lonField.flatMap { coordinate($0.text, isLatitude: false, at: $0.location) }
        var whereabouts: (label: String, state: GermanState, location: Coordinate)?
        if let placeField = record.values["place"] ?? nameField {
            whereabouts = locate(placeText: placeField.text, placeLocation: placeField.location, state: state,
                                 stateGiven: stateField != nil, lat: lat, lon: lon,
                                 latLonGiven: (latField != nil, lonField != nil), at: at)
        }

        // R6: the municipality's own window for the workshop.
        let earliest = record.values["earliest"].map { DayText.day($0.text, at: $0.location, &log) }
        let latest = record.values["latest"].map { DayText.day($0.text, at: $0.location, &log) }
        if earliest == .some(nil) || latest == .some(nil) { valid = false }
        if let earliest = earliest ?? nil, let latest = latest ?? nil, earliest > latest {
            log.add("earliest (\(earliest)) is after latest (\(latest)), so no workshop date fits; swap them or change one",
                    at: record.values["latest"]!.location)
            valid = false
        }

        var priority = 1.0
        if let field = record.values["priority"] {
            if let value = NumberText.number(field.text, above: 0, atMost: 1000, at: field.location, &log) { priority = value } else { valid = false }
        }

        let problemsBefore = log.problems.count
        let blackout = DayText.days((record.lists["blackout"] ?? []).map { ($0.text, $0.location) }, &log)
        let requires = readTrainerList(record.lists["requires"] ?? [])
        let excludes = readTrainerList(record.lists["excludes"] ?? [])
        checkRequirements(requires: requires, excludes: excludes, id: id,
                          requiresAt: record.lists["requires"]?.first?.location ?? at,
                          excludesAt: record.lists["excludes"]?.first?.location ?? at)
        if log.problems.count > problemsBefore { valid = false }

        guard valid, let participants, let whereabouts else { return nil }
        return Request(id: id, name: name, place: whereabouts.label, state: whereabouts.state, location: whereabouts.location,
                       participants: participants, earliest: earliest ?? nil, latest: latest ?? nil, priority: priority,
                       blackout: blackout, requires: requires, excludes: excludes)
    }

    /// R8: at least one participant, at most `rules.max_participants`; more is an error, never a silent split.
    private mutating func readParticipants(_ field: FieldText, id: String) -> Int? {
        guard let count = NumberText.integer(field.text, atLeast: nil, at: field.location, &log) else { return nil }
        if count < 1 {
            log.add("municipality '\(id)' has \(count) participants; a workshop needs at least 1", at: field.location)
            return nil
        }
        if count > rules.maxParticipants {
            log.add("municipality '\(id)' has \(count) participants, more than the \(rules.maxParticipants) one workshop takes (rules.max_participants); split it into two requests or lower the number",
                    at: field.location)
            return nil
        }
        return count
    }

    /// Trainer ids, each known, without repeats.
    private mutating func readTrainerList(_ fields: [FieldText]) -> [String] {
        var ids: [String] = []
        for field in fields where checkTrainer(field.text, at: field.location) && !ids.contains(field.text) {
            ids.append(field.text)
        }
        return ids
    }

    /// R1: at most two required trainers, not also excluded, not a forbidden pair, and two trainers left.
    private mutating func checkRequirements(requires: [String], excludes: [String], id: String,
                                            requiresAt location: SourceLocation, excludesAt excludesLocation: SourceLocation) {
        if requires.count > 2 {
            log.add("municipality '\(id)' requires \(requires.count) trainers (\(requires.joined(separator: ", "))), but a package is run by two; name at most two",
                    at: location)
        }
        for trainer in requires where excludes.contains(trainer) {
            log.add("municipality '\(id)' both requires and excludes trainer '\(trainer)'; keep it in one list", at: location)
        }
        if requires.count == 2, let pair = TrainerPair(requires[0], requires[1]), forbiddenPairs.contains(pair) {
            log.add("municipality '\(id)' requires \(pair.first) and \(pair.second), a forbidden pair; drop one or allow the pair",
                    at: location)
        }
        let remaining = trainerOrder.filter { !excludes.contains($0) }
        if !excludes.isEmpty, remaining.count < 2 {
            log.add("municipality '\(id)' excludes so many trainers that fewer than two are left to run its package; exclude fewer",
                    at: excludesLocation)
        }
    }
}
