import Yams

/// A YAML value that remembers where it was written: the file, line and column, and its field path
/// in the scenario (`trainers[2].home`).
///
/// Built from Yams' `Node` tree (`Yams.compose`), which keeps every scalar as the text the user
/// wrote: dates stay `2027-01-01`, never timestamps. Keeping the file in each node lets a scenario
/// be assembled from several files (a base and its what-if) and still name the right file.
struct SourceNode: Sendable {
    enum Content: Sendable {
        /// The text as written; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case sequence([SourceNode])
        case mapping([(key: SourceNode, value: SourceNode)])
    }

    var content: Content
    var file: String
    var line: Int?
    var column: Int?
    /// Where the value sits in the document, e.g. `rules.prep_gap_days.min`; empty for the root.
    var path: String

    init(content: Content, file: String, line: Int?, column: Int?, path: String) {
        self.content = content
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// Converts a Yams tree; aliases have already been resolved to their anchored nodes by Yams.
    init(_ node: Node, file: String, path: String = "") {
        let content: Content
        switch node {
        case .scalar(let scalar):
            content = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            content = .sequence(sequence.enumerated().map { index, item in
                SourceNode(item, file: file, path: "\(path)[\(index)]")
            })
        case .mapping(let mapping):
            content = .mapping(mapping.map { key, value in
                let name = key.scalar?.string ?? "?"
                return (SourceNode(key, file: file, path: path),
                        SourceNode(value, file: file, path: path.isEmpty ? name : "\(path).\(name)"))
            })
        case .alias(let alias):
            content = .scalar("*\(alias.anchor.rawValue)", plain: false)
        }
        self.init(content: content, file: file, line: node.mark?.line, column: node.mark?.column, path: path)
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column, field: path.isEmpty ? nil : path)
    }

    /// True for an absent value: `~`, `null` or nothing after the colon.
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The value of `key` in a mapping (nil for other nodes and absent keys).
    subscript(key: String) -> SourceNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The text of a scalar, nil for sequences and mappings.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// "a mapping", "a list", "the text 'x'" — what the user wrote, for messages.
    var kindDescription: String {
        switch content {
        case .scalar(let text, _) where isNull: return text.isEmpty ? "nothing" : "'\(text)'"
        case .scalar(let text, _): return "'\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
