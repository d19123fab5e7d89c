import Foundation

/// Spelling-tolerant comparison of names: place names in the gazetteer and keys in a scenario.
enum Spelling {
    /// Lower case, umlauts written out (`ä` → `ae`, `ß` → `ss`), other accents dropped, runs of
    /// spaces collapsed: "Köln" and "Koeln" give `koeln`.
    static func transcribedKey(_ text: some StringProtocol) -> String { key(text, transcribe: true) }

    /// Lower case with umlauts reduced to their base letter (`ä` → `a`, `ß` → `ss`): "Köln" and
    /// "Koln" give `koln`. Kept apart from `transcribedKey` because collapsing `ue` to `u` would
    /// merge real names (Neuenkirchen and Neunkirchen, Aue and Au).
    static func baseLetterKey(_ text: some StringProtocol) -> String { key(text, transcribe: false) }

    private static func key(_ text: some StringProtocol, transcribe: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar.value {
            case 0..<0x80:
                out.append(scalar)
            case 0xE4, 0xF6, 0xFC: // ä ö ü
                out.append(baseLetter[scalar]!)
                if transcribe { out.append("e") }
            case 0x308: // a combining diaeresis, as in decomposed (NFD) text: "a\u{308}"
                if transcribe, let last = out.last, "aou".unicodeScalars.contains(last) { out.append("e") }
            case 0xDF, 0x1E9E: // ß ẞ
                out.append(contentsOf: "ss".unicodeScalars)
            case 0x300..<0x370: // other combining accents
                continue
            default:
                out.append(contentsOf: String(scalar).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars)
            }
        }
        return String(out)
    }

    private static let baseLetter: [Unicode.Scalar: Unicode.Scalar] = ["ä": "a", "ö": "o", "ü": "u"]

    /// Levenshtein distance over Unicode scalars; stops early and returns `limit + 1` once the
    /// distance is certain to exceed `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit &+ 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit &+ 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The known word closest to `word` (case-insensitive), when it is close enough to be a typo.
    static func closest(to word: String, among known: [String]) -> String? {
        let lowered = word.lowercased()
        let limit = max(1, min(3, lowered.count / 3))
        var best: (word: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(lowered, candidate.lowercased(), limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// "a, b or c".
    static func list(_ items: [String], conjunction: String = "or") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }
}
