import Foundation

/// RFC 5545 content lines: TEXT escaping, folding at 75 octets, CRLF.
///
/// Nothing from a scenario can start a line of its own: TEXT values turn line breaks into `\\n`,
/// every other value loses its control characters, and `fold` drops any control character that
/// is still left, so a hostile name or e-mail address never produces a raw property line.
public enum ContentLines {
    /// Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and newlines; other control
    /// characters (not allowed in TEXT) are dropped.
    public static func escapeText(_ text: String) -> String {
        // Most values need nothing: no byte to escape and no control character.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") })
            && !mayHoldControl(text) { return text }
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: if !isControl(ch) { out.append(ch) }
            }
        }
        return out
    }

    /// A parameter value (§3.2): quoted, since names may hold `:` `;` `,`; DQUOTE and control
    /// characters cannot appear and are dropped.
    public static func quotedParameter(_ text: String) -> String {
        "\"" + text.filter { $0 != "\"" && !isControl($0) } + "\""
    }

    /// A `mailto:` address for CAL-ADDRESS (§3.3.3): controls and spaces dropped, and the
    /// characters that would end the value or start a parameter percent-encoded.
    public static func mailto(_ address: String) -> String {
        var out = "mailto:"
        for scalar in address.unicodeScalars where !(scalar.value < 0x21 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)) {
            switch scalar {
            case ";", ",", "\"", ":", "\\", "%": out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls except tab, DEL and C1 controls: never part of a content line (§3.1).
    static func isControl(_ ch: Character) -> Bool {
        ch.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    /// Whether `text` may hold a control character of `isControl`: a byte below 0x20 or 0x7F, or
    /// the lead byte 0xC2 of a C1 control (U+0080–U+009F). False means it certainly holds none.
    static func mayHoldControl(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }

    /// Folds one logical line (§3.1): physical lines of at most 75 octets, continuation lines
    /// starting with one space, never splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> [UInt8] {
        var out: [UInt8] = []
        fold(line, into: &out)
        return out
    }

    /// `fold`, appending to `out`.
    static func fold(_ line: String, into out: inout [UInt8]) {
        // The last guard: no raw CR or LF inside a line.
        let bytes = mayHoldControl(line) ? Array(line.filter { !isControl($0) }.utf8) : Array(line.utf8)
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            while end > start && (bytes[end] & 0xC0) == 0x80 { end -= 1 }   // not inside a UTF-8 character
            out += bytes[start..<end]
            out += [0x0D, 0x0A, 0x20]
            start = end
            limit = 74   // the leading space counts
        }
        out += bytes[start...]
        out += [0x0D, 0x0A]
    }

    /// Every line folded and terminated by CRLF.
    public static func render(_ lines: [String]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 2 })
        for line in lines { fold(line, into: &bytes) }
        return Data(bytes)
    }
}
