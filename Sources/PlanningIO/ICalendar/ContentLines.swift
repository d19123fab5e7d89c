import Foundation

/// RFC 5545 content lines: TEXT escaping, folding at 75 octets, CRLF.
public enum ContentLines {
    /// Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and newlines.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A parameter value (§3.2): quoted, since names may hold `:` `;` `,`; DQUOTE cannot appear and is dropped.
    public static func quotedParameter(_ text: String) -> String {
        "\"" + text.filter { $0 != "\"" && !$0.isNewline } + "\""
    }

    /// Folds one logical line (§3.1): physical lines of at most 75 octets, continuation lines
    /// starting with one space, never splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> [UInt8] {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
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
        return out
    }

    /// Every line folded and terminated by CRLF.
    public static func render(_ lines: [String]) -> Data {
        var data = Data()
        for line in lines { data.append(contentsOf: fold(line)) }
        return data
    }
}
