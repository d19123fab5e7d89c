import Planning

import Foundation

/// `calendar.csv`: one row per event day (SPEC §6), sorted by date, in a `CSVDialect`
/// (German headers and values for the office, English machine names in `.plain`).
public enum CalendarCSV {
    static let columns: [(english: String, german: String)] = [
        ("date", "Datum"), ("weekday", "Wochentag"), ("kind", "Termin"), ("municipality", "Kommune"), ("name", "Name"),
        ("state", "Land"), ("trainers", "Trainer/innen"), ("place", "Ort"), ("pinned", "Fest gebucht"),
    ]

    /// The header in `dialect`.
    public static func header(_ dialect: CSVDialect) -> [String] { dialect.header(columns) }

    public static func render(_ plan: Plan, dialect: CSVDialect = .excelGerman) -> Data {
        var rows: [(day: Day, cells: [String])] = []
        func row(_ day: Day, _ kind: String, _ municipality: String, _ name: String, _ state: GermanState,
                 _ trainers: String, _ place: String, _ pinned: Bool) {
            rows.append((day, [dialect.date(day), dialect.weekday(day), kind, municipality, name, dialect.state(state),
                               trainers, place, dialect.yesNo(pinned)]))
        }
        for package in plan.packages {
            let events: [(Day, String)] = [
                (package.preparation, dialect.word("preparation", "Vorbereitung")),
                (package.workshop[0], dialect.word("workshop day 1", "Workshop Tag 1")),
                (package.workshop[1], dialect.word("workshop day 2", "Workshop Tag 2")),
                (package.followup, dialect.word("followup", "Nachbereitung")),
            ]
            for (day, kind) in events {
                row(day, kind, package.municipality, package.name, package.state, package.trainers.joined(separator: " "),
                    package.place, package.pinned)
            }
        }
        if let exchange = plan.exchange {
            // With an exchange day, the cohort's milestones: the day itself and each expected council decision.
            row(exchange.date, dialect.word("exchange day", "Erfahrungsaustausch"), "",
                "Erfahrungsaustausch (\(exchange.municipalities.count) \(dialect.word("municipalities", "Kommunen")))",
                exchange.state, "", exchange.venue, false)
            for package in plan.packages where !package.pinned {
                row(package.workshop[0].addingMonths(12), dialect.word("council decision (expected)", "Ratsbeschluss (erwartet)"),
                    package.municipality, package.name, package.state, "", package.place, false)
            }
        }
        rows.sort { ($0.day, $0.cells[3], $0.cells[2]) < ($1.day, $1.cells[3], $1.cells[2]) }
        return dialect.render(header: header(dialect), rows: rows.map(\.cells))
    }
}
