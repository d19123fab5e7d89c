import Planning

/// The checks `PlanFile.read` makes on a decoded plan before any command uses it: ids by
/// `Identifier`'s rule (unique regardless of case), names of bounded length, packages of the
/// shape SPEC §1 gives (two trainers, two consecutive workshop days between preparation and
/// follow-up), counts and coordinates in range, and the calendar settings a scenario would accept.
struct PlanFileRules {
    let file: String
    /// The most participants a package of a plan (or a booking read without its scenario) may give.
    static let largestParticipants = 100_000
    private(set) var problems: [InputProblem] = []

    init(file: String) { self.file = file }

    func problems(of plan: Plan) -> [InputProblem] {
        var rules = self
        rules.check(plan)
        return rules.problems
    }

    mutating func add(_ field: String, _ message: String) {
        problems.append(InputProblem(file: file, field: field, message: message + "; this is not a plan wsplan wrote: solve the scenario again"))
    }

    private mutating func id(_ value: String, _ field: String) {
        if let problem = Identifier.problem(value) { add(field, problem) }
    }

    private mutating func name(_ value: String, _ field: String) {
        if let problem = TextLimits.nameProblem(value, what: "name") { add(field, problem) }
    }

    /// The years of a scenario's dates (`DayText.years`): a plan holds no other.
    private mutating func day(_ value: Day, _ field: String) {
        if !DayText.years.contains(value.year) {
            add(field, "the date \(value.iso) lies outside the years \(DayText.years.lowerBound)–\(DayText.years.upperBound)")
        }
    }

    private mutating func count(_ value: Int, _ range: ClosedRange<Int>, _ field: String) {
        if !range.contains(value) { add(field, "\(value) is out of range (\(range.lowerBound) to \(range.upperBound))") }
    }

    private mutating func check(_ plan: Plan) {
        name(plan.scenario, "scenario")
        var municipalities: [String: String] = [:]
        for (i, package) in plan.packages.enumerated() {
            let at = "packages[\(i)]"
            id(package.municipality, "\(at).municipality")
            if let first = municipalities.updateValue(package.municipality, forKey: Identifier.fileKey(package.municipality)) {
                add("\(at).municipality", "the municipality '\(package.municipality)' has a second package (first as '\(first)'); a municipality has one")
            }
            name(package.name, "\(at).name")
            name(package.place, "\(at).place")
            checkPackageShape(package, at)
            day(package.preparation, "\(at).preparation")
            for (j, workshopDay) in package.workshop.enumerated() { day(workshopDay, "\(at).workshop[\(j)]") }
            day(package.followup, "\(at).followup")
            count(package.participants, 0...Self.largestParticipants, "\(at).participants")
            if (package.lat == nil) != (package.lon == nil) { add(at, "gives only one of lat and lon") }
            if let lat = package.lat, abs(lat) > 90 { add("\(at).lat", "\(lat) is not a latitude") }
            if let lon = package.lon, abs(lon) > 180 { add("\(at).lon", "\(lon) is not a longitude") }
            for (j, item) in package.costs.travelItems.enumerated() {
                let itemAt = "\(at).costs.travel_items[\(j)]"
                id(item.trainer, "\(itemAt).trainer")
                count(item.roundTrips, 0...1_000, "\(itemAt).round_trips")
                count(item.hotelNights, 0...1_000, "\(itemAt).hotel_nights")
                if item.km < 0 { add("\(itemAt).km", "a distance cannot be negative") }
            }
        }
        for (i, request) in plan.unscheduled.enumerated() {
            id(request.municipality, "unscheduled[\(i)].municipality")
            name(request.name, "unscheduled[\(i)].name")
            checkFreeText(request, "unscheduled[\(i)]")
            if let first = municipalities.updateValue(request.municipality, forKey: Identifier.fileKey(request.municipality)) {
                add("unscheduled[\(i)].municipality", "the municipality '\(request.municipality)' is both planned and unscheduled (as '\(first)')")
            }
        }
        var trainers: [String: String] = [:]
        for (i, trainer) in (plan.trainers ?? []).enumerated() {
            id(trainer.id, "trainers[\(i)].id")
            name(trainer.name, "trainers[\(i)].name")
            if let first = trainers.updateValue(trainer.id, forKey: Identifier.fileKey(trainer.id)) {
                add("trainers[\(i)].id", "the trainer id '\(trainer.id)' is listed twice (first as '\(first)')")
            }
        }
        if let calendar = plan.calendar { checkCalendar(calendar) }
        for (i, event) in (plan.events ?? []).enumerated() {
            let at = "events[\(i)]"
            id(event.municipality, "\(at).municipality")
            for (j, trainer) in event.trainers.enumerated() { id(trainer, "\(at).trainers[\(j)]") }
            for (j, trainer) in event.formerTrainers.enumerated() { id(trainer, "\(at).former_trainers[\(j)]") }
            if let day = event.workshopDay { count(day, 1...2, "\(at).workshop_day") }
            count(event.sequence, 0...1_000_000, "\(at).sequence")
            day(event.date, "\(at).date")
            for (trainer, date) in (event.formerDates ?? [:]).sorted(by: { $0.key < $1.key }) { day(date, "\(at).former_dates.\(trainer)") }
            if !Self.isTimestamp(event.modified) {
                add("\(at).modified", "'\(event.modified.prefix(40))' is not a UTC time YYYYMMDDTHHMMSSZ (it is written into every calendar as it is)")
            }
            if let name = event.name { self.name(name, "\(at).name") }
            if let place = event.place { self.name(place, "\(at).place") }
        }
        if let events = plan.events { checkEvents(events, of: plan.packages, trainers: plan.trainers ?? []) }
        if let exchange = plan.exchange {
            name(exchange.venue, "exchange.venue")
            day(exchange.date, "exchange.date")
            for (i, municipality) in exchange.municipalities.enumerated() { id(municipality, "exchange.municipalities[\(i)]") }
        }
        if let moves = plan.moves {
            count(moves.eventsMoved, 0...10_000_000, "moves.events_moved")
            name(moves.previous, "moves.previous")
        }
        if let problem = TextLimits.nameProblem(plan.solver.name, what: "solver's name") { add("solver.name", problem) }
        if plan.solver.seconds < 0 { add("solver.seconds", "\(plan.solver.seconds) seconds: a solve cannot take negative time") }
        if let rows = plan.solver.rows { count(rows, 0...Int(PlanFile.largestNumber), "solver.rows") }
    }

    /// The reasons of an unscheduled request (each one line, at most `longestReason` characters:
    /// `PlanFileValues` checks every text) are few, one rule code each, and its kind is one word.
    private mutating func checkFreeText(_ request: UnscheduledRequest, _ at: String) {
        let most = UnscheduledRequest.mostReasons
        if request.reasons.count > most { add("\(at).reasons", "\(request.reasons.count) reasons; at most \(most) are allowed") }
        if let rules = request.rules, rules.count > most { add("\(at).rules", "\(rules.count) rules; at most \(most) are allowed") }
        if let kind = request.kind, Diagnosis.Kind(rawValue: kind) == nil {
            add("\(at).kind", "'\(kind.prefix(40))' is not a kind of obstacle (structural or capacity)")
        }
    }

    /// `YYYYMMDDTHHMMSSZ`, as `CalendarEvent.modified` is written.
    static func isTimestamp(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count == 16, characters[8] == UInt8(ascii: "T"), characters[15] == UInt8(ascii: "Z") else { return false }
        return (characters[0..<8] + characters[9..<15]).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// SPEC §1: two different trainers; preparation, then two consecutive workshop days, then the follow-up.
    private mutating func checkPackageShape(_ package: PlannedPackage, _ at: String) {
        if package.trainers.count != 2 || Set(package.trainers.map(Identifier.fileKey)).count != 2 {
            add("\(at).trainers", "a package is run by two different trainers; this one names \(package.trainers.count == 2 ? "the same one twice" : "\(package.trainers.count)")")
        }
        for (j, trainer) in package.trainers.enumerated() { id(trainer, "\(at).trainers[\(j)]") }
        guard package.workshop.count == 2, package.workshop[1] == package.workshop[0].advanced(by: 1) else {
            add("\(at).workshop", "a workshop runs on two consecutive days; found \(package.workshop.map(\.iso).joined(separator: ", "))")
            return
        }
        if package.preparation >= package.workshop[0] {
            add("\(at).preparation", "the preparation (\(package.preparation.iso)) must come before the workshop (\(package.workshop[0].iso))")
        }
        if package.followup <= package.workshop[1] {
            add("\(at).followup", "the follow-up (\(package.followup.iso)) must come after the workshop (\(package.workshop[1].iso))")
        }
    }

    private mutating func checkCalendar(_ calendar: PlanCalendarSettings) {
        if let problem = TextLimits.nameProblem(calendar.organizerName, what: "organizer's name") { add("calendar.organizer_name", problem) }
        if let problem = TextLimits.emailProblem(calendar.organizerEmail) { add("calendar.organizer_email", problem) }
        for (field, span) in [("calendar.meeting", calendar.meeting), ("calendar.workshop", calendar.workshop)]
            where span.count != 2 || !span.allSatisfy(TextLimits.isTimeOfDay) || span[1] <= span[0] {
            add(field, "expected two times [\"HH:MM\", \"HH:MM\"], the end after the start (a calendar event cannot end before it begins)")
        }
    }
}
