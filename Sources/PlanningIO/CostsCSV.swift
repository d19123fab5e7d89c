import Foundation
import Planning

/// `costs.csv`: what each municipality pays, one row per municipality, in a `CSVDialect`.
///
/// Scheduled and pinned packages come first, in the plan's order (by workshop), then every
/// unscheduled request with its status, state (when the scenario's facts are given), dates and
/// amounts left empty and its first reason (German in the office dialect), so the sheet lists every municipality of the request
/// list. Amounts are plan.json's, to the cent: `total = fee + materials + travel`, and the two
/// trainers' travel adds up to `travel` (each trainer's share is the sum of their trips in
/// plan.json; a rounding cent, when there is one, goes to the second trainer). `km` is the
/// distance both trainers drive for the package (round trips × 2 × km, over the three events).
public enum CostsCSV {
    static let columns: [(english: String, german: String)] = [
        ("municipality", "Kommune"), ("name", "Name"), ("state", "Land"), ("status", "Status"), ("trainers", "Trainer/innen"),
        ("preparation", "Vorbereitung"), ("workshop", "Workshop"), ("followup", "Nachbereitung"),
        ("participants", "Teilnehmende"), ("fee", "Honorar"), ("materials", "Material"),
        ("travel_trainer_1", "Reisekosten Trainer/in 1"), ("travel_trainer_2", "Reisekosten Trainer/in 2"),
        ("travel", "Reisekosten"), ("hotel_nights", "Hotelnächte"), ("km", "km"), ("total", "Gesamt"), ("reason", "Grund"),
    ]

    /// The header in `dialect`.
    public static func header(_ dialect: CSVDialect) -> [String] { dialect.header(columns) }

    /// - Parameter states: the state of each request by municipality id (from the scenario), for
    ///   the unscheduled requests, whose state plan.json does not carry.
    public static func render(_ plan: Plan, dialect: CSVDialect = .excelGerman, states: [String: GermanState] = [:]) -> Data {
        func money(_ value: Double) -> String { dialect.number(value, decimals: 2) }
        var rows: [[String]] = plan.packages.map { package in
            let costs = package.costs
            let first = package.trainers.first ?? ""
            let firstCents = costs.travelItems.filter { $0.trainer == first }.reduce(0) { $0 + inCents($1.cost) }
            let secondCents = inCents(costs.travel) - firstCents
            let km = costs.travelItems.reduce(0.0) { $0 + Double($1.roundTrips) * 2 * $1.km }
            let nights = costs.travelItems.reduce(0) { $0 + $1.hotelNights }
            let status = package.pinned ? dialect.word("pinned", "fest gebucht") : dialect.word("scheduled", "geplant")
            return [package.municipality, package.name, dialect.state(package.state), status,
                    package.trainers.joined(separator: " "), dialect.date(package.preparation), dialect.date(package.workshop[0]),
                    dialect.date(package.followup), String(package.participants), money(costs.fee), money(costs.materials),
                    money(Double(firstCents) / 100), money(Double(secondCents) / 100), money(costs.travel),
                    String(nights), dialect.number(km, decimals: 1), money(costs.total), ""]
        }
        let german = GermanReasons(plan: plan)
        for request in plan.unscheduled {
            rows.append([request.municipality, request.name, states[request.municipality].map(dialect.state) ?? "",
                         dialect.word("unscheduled", "nicht geplant"), "", "", "", "", "", "", "", "", "", "", "", "", "",
                         dialect.forOffice ? german.firstReason(request) : request.reasons.first ?? ""])
        }
        return dialect.render(header: header(dialect), rows: rows)
    }

    private static func inCents(_ value: Double) -> Int { Int((value * 100).rounded()) }
}
