/// Escaping for text and attribute values in report.html: names come from user input.
public enum HTML {
    /// Escapes `& < > " '` so the text can stand in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        // Most names hold none of the five: then the text is its own escape.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                           || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// An SVG `<title>` (the hover tooltip) holding escaped text.
    static func title(_ text: String) -> String { "<title>\(escape(text))</title>" }
}
