import Foundation

/// Where each value of a JSON document starts, by its field path as plan.json's messages name
/// fields (`packages[0].costs.total`; the root's keys without a leading dot), so that a problem
/// found on the parsed tree or by the decoder can be shown as `file:line:column`.
enum JSONPositions {
    struct Position: Equatable {
        /// 1-based; columns count characters, not bytes.
        var line: Int
        var column: Int
    }

    /// Every value's position in `data`, which must be valid JSON (parsed before).
    static func of(_ data: Data) -> [String: Position] {
        var scanner = Scanner(bytes: [UInt8](data))
        scanner.run()
        return scanner.positions
    }

    /// One pass over the bytes with an explicit stack (no recursion: the depth is the input's).
    private struct Scanner {
        enum Frame {
            case object(path: String)
            case array(path: String, index: Int)
        }

        let bytes: [UInt8]
        var index = 0
        var line = 1, column = 1
        var positions: [String: Position] = [:]
        var stack: [Frame] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() {
            var path = ""
            var expectValue = true
            while index < bytes.count {
                skipWhitespace()
                guard index < bytes.count else { return }
                let byte = bytes[index]
                if expectValue {
                    positions[path] = Position(line: line, column: column)
                    switch byte {
                    case UInt8(ascii: "{"):
                        step()
                        stack.append(.object(path: path))
                        skipWhitespace()
                        if peek(UInt8(ascii: "}")) { step(); _ = stack.popLast(); expectValue = false } else { path = key(in: path) }
                    case UInt8(ascii: "["):
                        step()
                        stack.append(.array(path: path, index: 0))
                        skipWhitespace()
                        if peek(UInt8(ascii: "]")) { step(); _ = stack.popLast(); expectValue = false } else { path += "[0]" }
                    case UInt8(ascii: "\""):
                        skipString()
                        expectValue = false
                    default:
                        while index < bytes.count, !Self.ends(bytes[index]) { step() }
                        expectValue = false
                    }
                    continue
                }
                // After a value: a comma opens the next one, a bracket closes the container.
                step()
                switch (byte, stack.last) {
                case (UInt8(ascii: ","), .object(let parent)?):
                    skipWhitespace()
                    path = key(in: parent)
                    expectValue = true
                case (UInt8(ascii: ","), .array(let parent, let i)?):
                    stack[stack.count - 1] = .array(path: parent, index: i + 1)
                    path = "\(parent)[\(i + 1)]"
                    expectValue = true
                default:
                    _ = stack.popLast()
                }
            }
        }

        /// Reads `"key":` and gives the path of the value behind it.
        private mutating func key(in parent: String) -> String {
            let start = index
            skipString()
            let quoted = Data(bytes[start..<index])
            let name = (try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed)) as? String ?? ""
            skipWhitespace()
            if peek(UInt8(ascii: ":")) { step() }
            return parent.isEmpty ? name : "\(parent).\(name)"
        }

        private mutating func skipString() {
            step()
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") { step() }
                step()
            }
            step()
        }

        private mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { step() }
        }

        private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

        private mutating func step() {
            guard index < bytes.count else { return }
            if bytes[index] == 0x0A { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }

        private static func ends(_ byte: UInt8) -> Bool {
            [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(byte)
        }
    }
}
