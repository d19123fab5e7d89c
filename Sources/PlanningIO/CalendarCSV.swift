import Planning

import Foundation

/// `calendar.csv`: one row per event day (SPEC §6), sorted by date, in a `CSVDialect`.
public enum CalendarCSV {
    public static let header = ["date", "weekday", "kind", "municipality", "name", "state", "trainers", "place", "pinned"]

    public static func render(_ plan: Plan, dialect: CSVDialect = .excelGerman) -> Data {
        var rows: [[String]] = []
        for package in plan.packages {
            let events: [(Day, String)] = [(package.preparation, "preparation"), (package.workshop[0], "workshop day 1"),
                                           (package.workshop[1], "workshop day 2"), (package.followup, "followup")]
            for (day, kind) in events {
                rows.append([day.iso, weekdayNames[day.weekday - 1], kind, package.municipality, package.name,
                             package.state.rawValue, package.trainers.joined(separator: " "), package.place,
                             package.pinned ? "yes" : "no"])
            }
        }
        if let exchange = plan.exchange {
            // With an exchange day, the cohort's milestones: the day itself and each expected council decision.
            rows.append([exchange.date.iso, weekdayNames[exchange.date.weekday - 1], "exchange day", "",
                         "Erfahrungsaustausch (\(exchange.municipalities.count) municipalities)", exchange.state.rawValue, "", exchange.venue, "no"])
            for package in plan.packages where !package.pinned {
                let day = package.workshop[0].addingMonths(12)
                rows.append([day.iso, weekdayNames[day.weekday - 1], "council decision (expected)", package.municipality, package.name,
                             package.state.rawValue, "", package.place, "no"])
            }
        }
        rows.sort { ($0[0], $0[3], $0[2]) < ($1[0], $1[3], $1[2]) }
        return dialect.render(header: header, rows: rows)
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
