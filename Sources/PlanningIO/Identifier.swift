/// The one rule for ids of trainers and municipalities, wherever they are read (scenarios, CSVs,
/// bookings, plan.json): ids name files (`trainer-ID.ics`) and appear in `;`-separated lists, so
/// they hold only letters, digits, `-`, `_` and `.`, and two ids that differ only in case would
/// name the same file on Windows and macOS.
public enum Identifier {
    /// The longest id (in bytes), so that `municipality-ID.ics` stays a valid file name.
    public static let maxLength = 100

    /// What is wrong with `id`, as the end of a sentence; nil when it is a valid id.
    public static func problem(_ id: String) -> String? {
        if id.isEmpty { return "the id is empty; give a short word such as 'mueller'" }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "the id contains an invisible control character; retype it with letters, digits, '-', '_' or '.'"
        }
        if id.utf8.count > maxLength {
            return "the id '\(id.prefix(40))…' is longer than \(maxLength) characters and cannot name a calendar file; use a short word of letters, digits, '-', '_' or '.'"
        }
        if let bad = id.first(where: { !isAllowed($0) }) {
            let shown = bad.isWhitespace ? "a space" : "'\(bad)'"
            return "the id '\(id)' contains \(shown); use only letters, digits, '-', '_' or '.'"
        }
        if id.allSatisfy({ $0 == "." }) {
            return "the id '\(id)' cannot name a calendar file; use a short word of letters, digits, '-', '_' or '.'"
        }
        return nil
    }

    /// The key under which ids clash: case folded, as Windows and macOS compare file names.
    /// Upper case first, then lower: `ı` and `i`, `ſ` and `s` both become one letter in upper
    /// case (NTFS compares names in upper case), which `lowercased()` alone keeps apart. Swift
    /// compares the keys canonically, so a composed `á` and `a` with a combining accent clash too.
    public static func fileKey(_ id: String) -> String { id.uppercased().lowercased() }

    private static func isAllowed(_ character: Character) -> Bool {
        character == "-" || character == "_" || character == "." || character.isLetter
            || (character.isASCII && character.isNumber)
    }
}
