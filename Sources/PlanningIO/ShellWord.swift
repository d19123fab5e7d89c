/// A word as a POSIX shell reads it back unchanged, for command lines the office can copy.
public enum ShellWord {
    /// The word as written when it holds only letters, digits and `-_./`; otherwise in single quotes.
    public static func quoted(_ word: String) -> String {
        !word.isEmpty && word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) })
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
