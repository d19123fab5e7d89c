import Foundation

/// The checker's own reading of SPEC §3, kept apart from the product's `TravelCost` on purpose:
/// its own haversine and decimal arithmetic, so that a slip in either shows up against the other.
///
/// The ledger rule: the km of a trip are rounded to one decimal (0.05 up) and compared with
/// `commute_km` and `evening_before_km` as rounded; the trip's cost comes from those km and is
/// rounded to the cent (half up); a package's travel is the sum of its six trip costs.
struct SpecTravel {
    let settings: TravelSettings

    /// What the spec says one trainer's travel line to one event must be.
    struct Line: Equatable {
        let km: Decimal
        let roundTrips: Int
        let hotelNights: Int
        let cost: Decimal
    }

    /// Road km from `home` to `place`: the table's value when given, else great circle × detour factor.
    func roadKm(from home: Coordinate, to place: Coordinate, table: Double?) -> Double {
        if let table { return table }
        let radius = 6371.0, toRadians = Double.pi / 180
        let phi1 = home.lat * toRadians, phi2 = place.lat * toRadians
        let halfChord = pow(sin((phi2 - phi1) / 2), 2)
            + cos(phi1) * cos(phi2) * pow(sin((place.lon - home.lon) * toRadians / 2), 2)
        return 2 * radius * atan2(sqrt(halfChord), sqrt(max(0, 1 - halfChord))) * settings.detourFactor
    }

    /// The line for an event of `days` days at `km` road km.
    func line(km: Double, days: Int) -> Line {
        let shown = SpecTravel.rounded(SpecTravel.decimal(km), places: 1)
        let commutes = shown <= SpecTravel.decimal(settings.commuteKm)
        let roundTrips = commutes ? days : 1
        let nights = commutes ? 0 : (days - 1) + (shown > SpecTravel.decimal(settings.eveningBeforeKm) ? 1 : 0)
        let eur = Decimal(roundTrips) * 2 * shown * SpecTravel.decimal(settings.eurPerKm)
            + Decimal(nights) * SpecTravel.decimal(settings.hotelEur)
        return Line(km: shown, roundTrips: roundTrips, hotelNights: nights, cost: SpecTravel.rounded(eur, places: 2))
    }

    /// A number as a decimal, through its printed form to the micro-unit (so 186.05 stays 186.05).
    static func decimal(_ value: Double) -> Decimal {
        guard value.isFinite, abs(value) < 1e15 else { return Decimal(value) }
        return Decimal(string: String(format: "%.6f", value), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(value)
    }

    /// `value` rounded to `places` decimals, half away from zero.
    static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value, result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// An amount of EUR in whole cents, half up, as the ledger keeps it.
    static func cents(_ eur: Double) -> Decimal { rounded(decimal(eur), places: 2) }
}

/// Comparing the plan's amounts with the spec's, to the cent.
enum CheckerMoney {
    /// True when `stated` is not `expected` to the cent (more than half a cent off, or not a number).
    static func differ(_ stated: Double, _ expected: Decimal) -> Bool {
        !(abs(stated - double(expected)) <= 0.005)
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The km of a line as the plan shows them (one decimal) differ from the spec's.
    static func differKm(_ stated: Double, _ expected: Decimal) -> Bool {
        !(abs(stated - double(expected)) <= 0.0005)
    }
}
