import Foundation
import Planning

/// `costs.csv`: what each municipality pays, one row per municipality, in a `CSVDialect`.
///
/// Scheduled and pinned packages come first, in the plan's order (by workshop), then every
/// unscheduled request with its status, dates and amounts left empty and its first reason, so the
/// sheet lists every municipality of the request list (their state is not in the plan: left empty).
/// Amounts are plan.json's, to the cent: `total = fee + materials + travel`, and the two trainers'
/// travel adds up to `travel` (each trainer's share is the sum of their trips in plan.json; a
/// rounding cent, when there is one, goes to the second trainer). `km` is the distance both
/// trainers drive for the package (round trips × 2 × km, over the three events).
public enum CostsCSV {
    public static let header = ["municipality", "name", "state", "status", "trainers", "preparation", "workshop", "followup",
                                "participants", "fee", "materials", "travel_trainer_1", "travel_trainer_2", "travel",
                                "hotel_nights", "km", "total", "reason"]

    public static func render(_ plan: Plan, dialect: CSVDialect = .excelGerman) -> Data {
        func money(_ value: Double) -> String { dialect.number(value, decimals: 2) }
        var rows: [[String]] = plan.packages.map { package in
            let costs = package.costs
            let first = package.trainers.first ?? ""
            let firstCents = costs.travelItems.filter { $0.trainer == first }.reduce(0) { $0 + inCents($1.cost) }
            let secondCents = inCents(costs.travel) - firstCents
            let km = costs.travelItems.reduce(0.0) { $0 + Double($1.roundTrips) * 2 * $1.km }
            let nights = costs.travelItems.reduce(0) { $0 + $1.hotelNights }
            return [package.municipality, package.name, package.state.rawValue, package.pinned ? "pinned" : "scheduled",
                    package.trainers.joined(separator: " "), package.preparation.iso, package.workshop[0].iso, package.followup.iso,
                    String(package.participants), money(costs.fee), money(costs.materials),
                    money(Double(firstCents) / 100), money(Double(secondCents) / 100), money(costs.travel),
                    String(nights), dialect.number(km, decimals: 1), money(costs.total), ""]
        }
        for request in plan.unscheduled {
            rows.append([request.municipality, request.name, "", "unscheduled", "", "", "", "", "", "", "", "", "", "", "", "", "",
                         request.reasons.first ?? ""])
        }
        return dialect.render(header: header, rows: rows)
    }

    private static func inCents(_ value: Double) -> Int { Int((value * 100).rounded()) }
}
