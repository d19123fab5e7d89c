/// Limits for free text read from any input (names, places, e-mail addresses), so that a pasted
/// megabyte cannot blow up every calendar and report, and a line break cannot start a new
/// calendar property.
public enum TextLimits {
    /// The longest name of a scenario, trainer, municipality or place, in characters.
    public static let maxNameLength = 200

    /// What is wrong with a name, as a sentence; nil when it is fine.
    public static func nameProblem(_ text: String, what: String) -> String? {
        if text.count > maxNameLength {
            return "the \(what) '\(text.prefix(40))…' is \(text.count) characters long; shorten it to at most \(maxNameLength)"
        }
        if text.unicodeScalars.contains(where: isBreakOrControl) {
            return "the \(what) '\(text.prefix(40))' contains a line break or control character; write it on one line"
        }
        return nil
    }

    /// Control characters, the Unicode line and paragraph separators (which some calendar and
    /// spreadsheet programs show as line breaks) and the bidirectional controls that make text
    /// read differently from how it is stored.
    static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isBidiControl
        }
    }

    /// What is wrong with an e-mail address (calendar.organizer.email), as a sentence; nil when
    /// it is a plain `local@domain.tld`: no spaces, control characters, `:`, `;`, `,`, quotes or angle brackets.
    public static func emailProblem(_ email: String) -> String? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = [":", ";", ",", "\"", "<", ">", "\\", "(", ")", "[", "]"]
        let plain = email.count <= 254 && !email.contains(where: { $0.isWhitespace || forbidden.contains($0) })
            && !email.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        guard plain, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return "'\(email.prefix(60))' is not an e-mail address; write it as name@example.org (no spaces, line breaks or punctuation other than . - _ +)"
        }
        return nil
    }

    /// Whether `text` is a time of day `HH:MM` (00:00–23:59).
    public static func isTimeOfDay(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
