import Planning

/// `calendar.csv`: one row per event day (SPEC §6), sorted by date.
public enum CalendarCSV {
    public static let header = ["date", "weekday", "kind", "municipality", "name", "state", "trainers", "place", "pinned"]

    public static func render(_ plan: Plan) -> String {
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
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// RFC 4180 quoting when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
