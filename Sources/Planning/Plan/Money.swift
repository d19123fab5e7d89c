/// Money as a ledger in cents (SPEC §3): every amount is a whole number of cents, rounded once,
/// half up, where it arises; sums are added in cents, so every total is the sum of its lines.
public enum Ledger {
    /// `value × scale` rounded to a whole number, half away from zero. Binary noise below a
    /// millionth of the unit is dropped first, so `186.05` km (stored as 186.04999…) counts as a tie.
    static func roundedHalfUp(_ value: Double, scale: Double) -> Int {
        let scaled = value * scale
        let denoised = (scaled * 1_000_000).rounded() / 1_000_000
        return Int(denoised.rounded(.toNearestOrAwayFromZero))
    }

    /// EUR rounded to whole cents, half up.
    public static func cents(_ eur: Double) -> Int { roundedHalfUp(eur, scale: 100) }

    /// Whole cents as EUR (the nearest Double, as plan.json writes it).
    public static func eur(_ cents: Int) -> Double { Double(cents) / 100 }

    /// km rounded to one decimal, 0.05 up, in tenths of a km.
    public static func kmTenths(_ km: Double) -> Int { roundedHalfUp(km, scale: 10) }
}

/// Rounds EUR amounts to cents for output (half away from zero).
public func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
