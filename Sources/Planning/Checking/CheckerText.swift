import Foundation

/// Wording shared by the checker's findings, kept in one place so every rule speaks alike.
enum CheckerText {
    /// An amount of EUR with two decimals.
    static func eur(_ amount: Decimal) -> String { eur(CheckerMoney.double(amount)) }

    /// An amount of EUR with two decimals.
    static func eur(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 1e15 else { return "\(amount)" }
        let cents = (amount * 100).rounded()
        let sign = cents < 0 ? "-" : ""
        let whole = Int(abs(cents)) / 100, fraction = Int(abs(cents)) % 100
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `YYYY-MM` of a `Day.monthKey`.
    static func month(_ monthKey: Int) -> String {
        let month = monthKey % 12 + 1
        return "\(monthKey / 12)-\(month < 10 ? "0" : "")\(month)"
    }

    /// `from..to`, as the scenario writes ranges.
    static func range(_ range: ClosedRange<Day>) -> String { "\(range.lowerBound)..\(range.upperBound)" }

    /// The name of an event in a finding about one of its days.
    static func dayLabel(_ kind: EventKind) -> String {
        switch kind {
        case .preparation: "preparation"
        case .workshop: "workshop day"
        case .followup: "follow-up"
        }
    }

    /// The name of an event: "preparation", "workshop", "follow-up".
    static func eventName(_ kind: EventKind) -> String { kind == .followup ? "follow-up" : kind.rawValue }

    /// A number with its noun, in the singular for one.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
