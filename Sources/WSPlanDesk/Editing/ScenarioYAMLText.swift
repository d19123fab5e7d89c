import Foundation
import Yams

/// Edits of a scenario YAML as text, so that everything the edit does not touch stays as written:
/// comments, key order, layout. A top-level list (`trainers:`, an inline `municipalities:`) keeps
/// the lines of its unchanged items when it is a block list (`- {…}` per line); otherwise it is
/// written anew as a block list with one flow mapping per line, as the examples in Scenarios/ are.
struct ScenarioYAMLText {
    private(set) var text: String
    private let root: Node.Mapping?

    init(_ text: String) {
        self.text = text
        root = (try? Yams.compose(yaml: text))?.mapping
    }

    /// The value of a top-level key as Yams read it.
    subscript(key: String) -> Node? { root?[Node(key)] }

    /// The items of a top-level list (empty when the key is absent or not a list).
    func items(_ key: String) -> [Node] { self[key]?.sequence.map(Array.init) ?? [] }

    /// Where the mapping items of a list are: the index of the item whose `id` is `id`.
    func index(of id: String, in key: String) -> Int? {
        items(key).firstIndex { $0.mapping?[Node("id")]?.string == id }
    }

    enum Item {
        /// The item at this index of the original list, as written.
        case kept(Int)
        /// A new or changed item.
        case node(Node)
    }

    /// Sets the top-level list `key` to `items`.
    mutating func setList(_ key: String, _ items: [Item]) {
        let original = self.items(key)
        let lines = Self.lines(text)
        let breakText = text.contains("\r\n") ? "\r\n" : "\n"
        guard let block = block(key, lines: lines) else {
            var out = text
            if !out.isEmpty, !Self.endsLine(out) { out += breakText }
            text = out + "\(key):" + breakText + items.map { "  - " + render(item($0, original)) + breakText }.joined()
            if items.isEmpty { text = out + "\(key): []" + breakText }
            return
        }
        let starts = original.compactMap { $0.mark?.line }
        // A block list: each item on a line of its own after `- ` (Yams does not keep the style).
        let preserved = starts.count == original.count && !original.isEmpty
            && zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 } && starts[0] > block.lowerBound + 1
            && original.allSatisfy { item in
                guard let mark = item.mark, mark.line <= lines.count else { return false }
                let before = lines[mark.line - 1].unicodeScalars.prefix(max(0, mark.column - 1))
                let text = String(String.UnicodeScalarView(before)).trimmingCharacters(in: .whitespaces)
                return text == "-"
            }
        var body = ""
        if preserved {
            let first = starts[0] - 1
            body = lines[block.lowerBound..<first].joined()
            let indent = String(lines[first].prefix { $0 == " " })
            for entry in items {
                if case .kept(let index) = entry {
                    let end = index + 1 < starts.count ? starts[index + 1] - 1 : block.upperBound
                    var kept = lines[(starts[index] - 1)..<end].joined()
                    if !Self.endsLine(kept) { kept += breakText }
                    body += kept
                } else {
                    body += indent + "- " + render(item(entry, original)) + breakText
                }
            }
            if items.isEmpty { body = "\(key): []" + breakText }
        } else {
            body = items.isEmpty ? "\(key): []" + breakText
                : "\(key):" + breakText + items.map { "  - " + render(item($0, original)) + breakText }.joined()
        }
        var after = lines[block.upperBound...].joined()
        if block.upperBound == lines.count, !Self.endsLine(body) { after = "" }
        text = lines[..<block.lowerBound].joined() + body + after
    }

    /// Sets a top-level key to a plain text value (a file name), on the key's own line.
    mutating func setScalar(_ key: String, _ value: String) {
        let lines = Self.lines(text)
        let breakText = text.contains("\r\n") ? "\r\n" : "\n"
        let line = "\(key): " + render(Self.text(value)) + breakText
        guard let block = block(key, lines: lines) else {
            text += (text.isEmpty || Self.endsLine(text) ? "" : breakText) + line
            return
        }
        text = lines[..<block.lowerBound].joined() + line + lines[block.upperBound...].joined()
    }

    /// Sets a top-level key to a mapping: on one line when the file writes it so, otherwise as a
    /// block with one line per key and each value in flow style (`rules:` / `  prep_gap_days: {min: 21, max: 42, target: 28}`); an empty
    /// mapping drops the key. Comments inside the key's old block go with it.
    mutating func setMapping(_ key: String, _ pairs: [(String, Node)]) {
        let lines = Self.lines(text)
        let breakText = text.contains("\r\n") ? "\r\n" : "\n"
        // A map written on one line (`weights: {…}`) stays on one line (Yams does not keep the style).
        let oneLine = block(key, lines: lines).map { block in
            lines[block.lowerBound].drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("{")
        } ?? false
        let body = pairs.isEmpty ? ""
            : oneLine ? "\(key): " + render(Self.flowMapping(pairs)) + breakText
            : "\(key):" + breakText + pairs.map { "  \($0.0): " + render($0.1) + breakText }.joined()
        guard let block = block(key, lines: lines) else {
            text += (text.isEmpty || Self.endsLine(text) ? "" : breakText) + body
            return
        }
        text = lines[..<block.lowerBound].joined() + body + lines[block.upperBound...].joined()
    }

    private func item(_ entry: Item, _ original: [Node]) -> Node {
        switch entry {
        case .kept(let index): return original[index]
        case .node(let node): return node
        }
    }

    /// The line range `[start, end)` of a top-level key: from its line to the next key's, without
    /// the comment and blank lines just before that key (they belong to it).
    private func block(_ key: String, lines: [String]) -> Range<Int>? {
        guard let root else { return nil }
        let keyLines = root.keys.compactMap { $0.mark?.line }
        guard let start = root.keys.first(where: { $0.string == key })?.mark?.line else { return nil }
        var end = keyLines.filter { $0 > start }.min().map { $0 - 1 } ?? lines.count
        while end > start, Self.isCommentOrBlank(lines[end - 1]) { end -= 1 }
        return (start - 1)..<end
    }

    private static func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// Whether the text ends with a line break (a `\r\n` is one Character, so not `hasSuffix("\n")`).
    static func endsLine(_ text: String) -> Bool { text.unicodeScalars.last == "\n" || text.unicodeScalars.last == "\r" }

    /// Lines with their line breaks.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = [], current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    // MARK: Nodes

    /// A node on one line: mappings and lists in flow style.
    func render(_ node: Node) -> String {
        let text = (try? Yams.serialize(node: Self.flow(node), width: -1, allowUnicode: true)) ?? ""
        return text.trimmingCharacters(in: .newlines)
    }

    static func flow(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            return .mapping(.init(mapping.map { (flow($0.key), flow($0.value)) }, mapping.tag, .flow))
        case .sequence(let sequence):
            return .sequence(.init(sequence.map(flow), sequence.tag, .flow))
        case .scalar(var scalar):
            scalar.mark = nil
            return .scalar(scalar)
        case .alias:
            return node
        }
    }

    /// Words YAML reads as null or a truth value when they are not quoted.
    static let special: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// A text value, in double quotes when YAML would read it as something else (null, yes, a
    /// number) or when it holds characters with a meaning in YAML.
    static func text(_ value: String) -> Node {
        let plain = !special.contains(value.lowercased()) && value.range(of: #"^[\p{L}][\p{L}\p{N} ._–-]*$"#, options: .regularExpression) != nil
            && !value.hasSuffix(" ")
        return .scalar(.init(value, .implicit, plain ? .plain : .doubleQuoted))
    }

    /// A number or other plain word as written (the decoder checks it).
    static func plain(_ value: String) -> Node {
        value.range(of: #"^[0-9A-Za-z.+-]+$"#, options: .regularExpression) != nil && !special.contains(value.lowercased())
            ? .scalar(.init(value, .implicit, .plain)) : text(value)
    }

    static func flowMapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (Node($0.0), $0.1) }, .implicit, .flow))
    }
}
