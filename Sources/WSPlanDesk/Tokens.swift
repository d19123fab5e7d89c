/// Secrets: 160 random bits from the system's cryptographic generator, as 40 hex digits.
enum Tokens {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<5).map { _ in
            let word = UInt32.random(in: 0...UInt32.max, using: &generator)
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// Compares without stopping at the first difference, so timing does not reveal a prefix.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
