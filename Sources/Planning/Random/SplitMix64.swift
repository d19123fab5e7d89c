/// A small, fast pseudo-random generator with a fixed algorithm (SplitMix64, Steele et al. 2014),
/// so the same seed gives the same scenario on every machine and Swift version – unlike
/// `SystemRandomNumberGenerator`, and unlike Swift's `shuffled()`/`randomElement()`, whose use of
/// the generator is not a documented contract.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0), by rejection, so no value is favoured.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let x = next()
            if x < limit { return Int(x % b) }
        }
    }

    /// `items` in a uniformly random order (Fisher–Yates with `below`): our own algorithm, so the
    /// same seed gives the same order on every Swift version.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
        return items
    }

    /// Uniform in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An index drawn with probability proportional to `weights[i]` (all ≥ 0, some > 0).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0)
        var r = unit() * total
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.lastIndex { $0 > 0 }!
    }

    /// `count` distinct indices drawn one after another with probability proportional to their
    /// weights among those not drawn yet (weighted sampling without replacement).
    public mutating func weightedSample(_ weights: [Double], count: Int) -> [Int] {
        var remaining = weights
        var drawn: [Int] = []
        for _ in 0..<min(count, weights.filter { $0 > 0 }.count) {
            let i = weightedIndex(remaining)
            drawn.append(i)
            remaining[i] = 0
        }
        return drawn
    }
}
