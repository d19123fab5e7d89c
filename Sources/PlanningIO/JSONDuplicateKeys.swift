import Foundation

/// Finds a key written twice in one JSON object.
///
/// JSONSerialization keeps the last of two equal keys and JSONDecoder the first, so a plan.json
/// with `"packages"` twice could pass the number checks (made on the tree) with one list and be
/// used (decoded) with the other: a `1e308` total then trapped `wsplan ics`. Keys are compared as
/// Swift compares strings (escapes decoded, canonically), as both readers do.
enum JSONDuplicateKeys {
    struct Found: Equatable {
        var key: String
        /// 1-based, of the second occurrence's opening quote.
        var line: Int
        var column: Int
    }

    /// The first repeated key in `data`, which must be valid JSON (parsed before).
    static func first(in data: Data) -> Found? {
        let bytes = [UInt8](data)
        // One entry per open container: the keys seen so far for an object, nil for an array.
        var open: [Set<String>?] = []
        var expectKey = false
        var line = 1, column = 1
        var index = 0
        func advance(_ byte: UInt8) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"): open.append([]); expectKey = true
            case UInt8(ascii: "["): open.append(nil); expectKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = open.popLast(); expectKey = false
            case UInt8(ascii: ","): expectKey = open.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let at = (line, column)
                var end = index + 1
                var escaped = false
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") { escaped = true; end += 1 }
                    end += 1
                }
                if expectKey, var keys = open.last ?? nil {
                    let key = text(bytes[index...min(end, bytes.count - 1)], escaped: escaped)
                    if !keys.insert(key).inserted { return Found(key: key, line: at.0, column: at.1) }
                    open[open.count - 1] = keys
                    expectKey = false
                }
                for b in bytes[index..<min(end, bytes.count)] { advance(b) }
                index = end
            default: break
            }
            if index < bytes.count { advance(bytes[index]) }
            index += 1
        }
        return nil
    }

    /// The string a quoted JSON string stands for.
    private static func text(_ quoted: ArraySlice<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed)) as? String
            ?? String(decoding: quoted, as: UTF8.self)
    }
}
