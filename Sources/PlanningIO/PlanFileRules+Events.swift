import Planning

/// The calendar events of a plan (`events`, from which `ics` writes every calendar) must be the
/// ones its packages give (`CalendarEventLedger`): each package's four days with its trainers, and
/// any other event cancelled. Without this, a hand-edited event date passes `check` (which reads
/// the packages) while the calendars show another day.
extension PlanFileRules {
    mutating func checkEvents(_ events: [CalendarEvent], of packages: [PlannedPackage], trainers listed: [PlanTrainer]) {
        var byUID: [String: (index: Int, event: CalendarEvent)] = [:]
        for (i, event) in events.enumerated() {
            let at = "events[\(i)]"
            if let problem = Self.uidProblem(event.uid) { add("\(at).uid", problem); continue }
            if let first = byUID.updateValue((i, event), forKey: event.uid) {
                add("\(at).uid", "the UID '\(event.uid)' is listed twice (first at events[\(first.index)])")
            }
        }
        var expected = Set<String>()
        for (p, package) in packages.enumerated() where package.workshop.count == 2 {
            let days: [(EventKind, Int?, Day)] = [(.preparation, nil, package.preparation), (.workshop, 1, package.workshop[0]),
                                                  (.workshop, 2, package.workshop[1]), (.followup, nil, package.followup)]
            for (kind, workshopDay, date) in days {
                let uid = CalendarEvent.uid(municipality: package.municipality, kind: kind, workshopDay: workshopDay)
                expected.insert(uid)
                let what = "the \(kind.rawValue)\(workshopDay.map { " (day \($0))" } ?? "") of packages[\(p)] (\(package.municipality))"
                guard let (i, event) = byUID[uid] else {
                    add("events", "\(what) has no calendar event \(uid)")
                    continue
                }
                let at = "events[\(i)]"
                if event.municipality != package.municipality || event.kind != kind || event.workshopDay != workshopDay {
                    add(at, "the event \(uid) does not describe \(what)")
                }
                if event.date != date { add("\(at).date", "the event says \(event.date.iso), \(what) is on \(date.iso)") }
                if event.trainers != package.trainers {
                    add("\(at).trainers", "the event names \(event.trainers.joined(separator: " + ")), \(what) is run by \(package.trainers.joined(separator: " + "))")
                }
                let status: CalendarEvent.Status = package.pinned ? .confirmed : .tentative
                if event.status != status { add("\(at).status", "the event is \(event.status.rawValue), \(what) is \(status.rawValue)") }
            }
        }
        for (i, event) in events.enumerated() where !expected.contains(event.uid) && event.status != .cancelled {
            add("events[\(i)].status", "the event \(event.uid) belongs to no package of the plan, so it can only be cancelled")
        }
        checkSpellings(events, listed)
    }

    /// Every event names a calendar file (`municipality-ID.ics`, `trainer-ID.ics`); two spellings
    /// of one id that differ only in case (a cancelled `Hamm` beside a planned `hamm`) would be
    /// two files that are one on Windows and macOS.
    private mutating func checkSpellings(_ events: [CalendarEvent], _ listed: [PlanTrainer]) {
        var municipalities: [String: String] = [:]
        var trainers = Dictionary(listed.map { (Identifier.fileKey($0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        for (i, event) in events.enumerated() {
            if let first = municipalities.updateValue(event.municipality, forKey: Identifier.fileKey(event.municipality)),
               first != event.municipality {
                add("events[\(i)].municipality", "the municipality '\(event.municipality)' is also spelt '\(first)'; ids that differ only in case name the same calendar file")
            }
            for trainer in (event.formerDates.map { Array($0.keys).sorted() } ?? []) {
                if let problem = Identifier.problem(trainer) { add("events[\(i)].former_dates", problem) }
            }
            for trainer in event.trainers + event.formerTrainers + (event.formerDates.map { Array($0.keys).sorted() } ?? [])
            where Identifier.problem(trainer) == nil {
                if let first = trainers.updateValue(trainer, forKey: Identifier.fileKey(trainer)), first != trainer {
                    add("events[\(i)].trainers", "the trainer '\(trainer)' is also spelt '\(first)'; ids that differ only in case name the same calendar file")
                }
            }
        }
    }

    /// A UID is written unescaped into calendars: `MUNICIPALITY-KIND@wsplan` holds only an id's
    /// characters and `@`, never the `;`, `,` or `\` that iCalendar text would have to escape.
    static func uidProblem(_ uid: String) -> String? {
        let allowed = uid.allSatisfy { $0 == "@" || $0 == "-" || $0 == "_" || $0 == "." || $0.isLetter || ($0.isASCII && $0.isNumber) }
        guard uid.utf8.count > 300 || !allowed || uid.isEmpty
                || uid.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        else { return nil }
        return "the UID '\(uid.prefix(40))' holds characters other than letters, digits, '-', '_', '.' and '@' or is too long"
    }
}
