import Planning

/// What a re-plan changed for one municipality (the change notice, Änderungen): its package
/// added, cancelled, moved (any of its dates) or re-staffed (other trainers), with the old and
/// new dates and trainers and everyone who must be told.
public struct PlanChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case added, cancelled, moved, restaffed

        /// neu, abgesagt, verschoben, neu besetzt.
        public var germanName: String {
            switch self {
            case .added: "neu"
            case .cancelled: "abgesagt"
            case .moved: "verschoben"
            case .restaffed: "neu besetzt"
            }
        }
    }

    /// The package's three event dates: preparation, first workshop day, follow-up.
    public struct Dates: Sendable, Equatable {
        public var preparation: Day
        public var workshop: Day
        public var followup: Day

        init(_ package: PlannedPackage) {
            preparation = package.preparation
            workshop = package.workshop[0]
            followup = package.followup
        }
    }

    public var municipality: String
    public var name: String
    /// Moved and re-staffed may come together; added and cancelled stand alone.
    public var kinds: [Kind]
    public var old: Dates?
    public var new: Dates?
    public var oldTrainers: [String]
    public var newTrainers: [String]

    /// Who must be told: the municipality, and every trainer of the old or the new package.
    public var trainersToTell: [String] { oldTrainers + newTrainers.filter { !oldTrainers.contains($0) } }

    /// The changes from `previous` to `current`, by the current plan's order, then what was cancelled.
    public static func between(previous: Plan, current: Plan) -> [PlanChange] {
        let before = Dictionary(previous.packages.map { ($0.municipality, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [PlanChange] = []
        var seen = Set<String>()
        for package in current.packages {
            seen.insert(package.municipality)
            let now = Dates(package)
            guard let old = before[package.municipality] else {
                changes.append(PlanChange(municipality: package.municipality, name: package.name, kinds: [.added], old: nil, new: now,
                                          oldTrainers: [], newTrainers: package.trainers))
                continue
            }
            let then = Dates(old)
            var kinds: [Kind] = []
            if then != now || old.workshop != package.workshop { kinds.append(.moved) }
            if Set(old.trainers) != Set(package.trainers) { kinds.append(.restaffed) }
            if !kinds.isEmpty {
                changes.append(PlanChange(municipality: package.municipality, name: package.name, kinds: kinds, old: then, new: now,
                                          oldTrainers: old.trainers, newTrainers: package.trainers))
            }
        }
        for old in previous.packages where !seen.contains(old.municipality) {
            changes.append(PlanChange(municipality: old.municipality, name: old.name, kinds: [.cancelled], old: Dates(old), new: nil,
                                      oldTrainers: old.trainers, newTrainers: []))
        }
        return changes
    }

    /// One line for the terminal: `moved, restaffed: kiel (Landeshauptstadt Kiel) workshop 2027-02-16 -> 2027-02-23, trainers nowak yilmaz -> hansen yilmaz; tell kiel, nowak, yilmaz, hansen`.
    public var terminalLine: String {
        var parts: [String] = []
        switch (old, new) {
        case let (old?, new?) where kinds.contains(.moved):
            parts.append("dates \(old.preparation.iso)/\(old.workshop.iso)/\(old.followup.iso) -> \(new.preparation.iso)/\(new.workshop.iso)/\(new.followup.iso)")
        case let (_, new?) where kinds == [.added]:
            parts.append("workshop \(new.workshop.iso)")
        case let (old?, _) where kinds == [.cancelled]:
            parts.append("was workshop \(old.workshop.iso)")
        default: break
        }
        if kinds.contains(.restaffed) { parts.append("trainers \(oldTrainers.joined(separator: " ")) -> \(newTrainers.joined(separator: " "))") }
        else if kinds == [.added] { parts.append("trainers \(newTrainers.joined(separator: " "))") }
        else if kinds == [.cancelled] { parts.append("trainers \(oldTrainers.joined(separator: " "))") }
        let tell = ([municipality] + trainersToTell).joined(separator: ", ")
        return "change: \(kinds.map(\.rawValue).joined(separator: ", ")): \(municipality) (\(name)) \(parts.joined(separator: ", ")); tell \(tell)"
    }
}

import Foundation

/// `changes.csv`: the change notice as a sheet, one row per changed municipality, in a `CSVDialect`.
public enum ChangesCSV {
    static let columns: [(english: String, german: String)] = [
        ("municipality", "Kommune"), ("name", "Name"), ("change", "Änderung"),
        ("old_preparation", "Vorbereitung bisher"), ("old_workshop", "Workshop bisher"), ("old_followup", "Nachbereitung bisher"),
        ("new_preparation", "Vorbereitung neu"), ("new_workshop", "Workshop neu"), ("new_followup", "Nachbereitung neu"),
        ("old_trainers", "Trainer/innen bisher"), ("new_trainers", "Trainer/innen neu"), ("tell", "Zu benachrichtigen"),
    ]

    public static func header(_ dialect: CSVDialect) -> [String] { dialect.header(columns) }

    public static func render(_ changes: [PlanChange], dialect: CSVDialect = .excelGerman) -> Data {
        let rows = changes.map { change -> [String] in
            let kinds = dialect.forOffice ? change.kinds.map(\.germanName).joined(separator: ", ") : change.kinds.map(\.rawValue).joined(separator: "+")
            func dates(_ d: PlanChange.Dates?) -> [String] { d.map { [dialect.date($0.preparation), dialect.date($0.workshop), dialect.date($0.followup)] } ?? ["", "", ""] }
            return [change.municipality, change.name, kinds] + dates(change.old) + dates(change.new)
                + [change.oldTrainers.joined(separator: " "), change.newTrainers.joined(separator: " "),
                   ([change.municipality] + change.trainersToTell).joined(separator: " ")]
        }
        return dialect.render(header: header(dialect), rows: rows)
    }
}
