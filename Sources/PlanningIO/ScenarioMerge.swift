import Foundation

/// `extends:` (SPEC §5): a what-if scenario names its base and changes only what differs.
///
/// The base is read (with its own `extends:` chain) and the child's tree is merged into it before
/// decoding, node by node, so that every value keeps the file it was written in:
///
/// - mappings merge key by key, recursively; a key the child writes replaces or merges into the
///   base's, keys only the base has stay;
/// - lists whose items are all mappings with an `id` merge by id into a base list of mappings: an
///   item `{id: x, …}` updates the base's item x key by key, a new id is appended, and
///   `{id: x, remove: true}` drops x;
/// - every other list and every scalar replaces the base's value.
///
/// A file name (`municipalities: requests.csv`, `bookings:`, `distances:`) is resolved by the
/// decoder against the file of the node that holds it, so a base's `requests.csv` stays beside the
/// base and a child's `requests-q2.csv` is read beside the child. When one side names a CSV file
/// and the other gives an inline list, the child's value replaces the base's as a whole (there is
/// nothing to merge by id); `remove: true` is then reported, since the replaced list already leaves
/// everything out that the child does not list.
enum ScenarioMerge {
    /// `document` (a scenario as read from its file) with the chain of bases it extends merged in,
    /// and without `extends` keys; `document` itself when it extends nothing. Nil, with the problems
    /// in `log`, when a base cannot be used: `extends` is not a file name, the file is missing or
    /// not a scenario, or the chain goes round in a circle.
    static func resolve(_ document: SourceNode, _ log: inout ProblemLog) -> SourceNode? {
        resolve(document, chain: [ChainLink(document.file)], &log)
    }

    /// A file of the `extends` chain: as shown in messages, and as compared to find a circle.
    private struct ChainLink {
        var shown: String
        var identity: String

        init(_ path: String) {
            shown = path
            identity = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    private static func resolve(_ document: SourceNode, chain: [ChainLink], _ log: inout ProblemLog) -> SourceNode? {
        guard case .mapping(let pairs) = document.content,
              let extends = pairs.first(where: { $0.key.scalarText == "extends" })?.value
        else { return document }
        var child = document
        child.content = .mapping(pairs.filter { $0.key.scalarText != "extends" })

        guard case .scalar(let name, _) = extends.content, !extends.isNull, !name.trimmingSpaces.isEmpty else {
            log.add("expected the base scenario's file name, e.g. `extends: 2027-Q1.yaml`, found \(extends.kindDescription)",
                    at: extends.location)
            return nil
        }
        let path = InputFiles.path(name, relativeTo: document.file)
        let link = ChainLink(path)
        if let start = chain.firstIndex(where: { $0.identity == link.identity }) {
            let circle = (chain[start...].map(\.shown) + [path]).joined(separator: " → ")
            log.add("the scenarios extend each other in a circle: \(circle); remove one of these `extends:`",
                    at: extends.location)
            return nil
        }
        guard let baseDocument = InputFiles.yaml(at: path, reference: extends.location, &log) else { return nil }
        guard case .mapping = baseDocument.content else {
            log.add("expected a scenario to extend: keys such as name, planning_start, horizon and trainers, found \(baseDocument.kindDescription)",
                    at: baseDocument.location)
            return nil
        }
        guard let base = resolve(baseDocument, chain: chain + [link], &log) else { return nil }
        return merge(base, into: child, &log)
    }

    // MARK: Merging

    /// `child`'s values merged into `base` (nil when the base has no such value).
    static func merge(_ base: SourceNode?, into child: SourceNode, _ log: inout ProblemLog) -> SourceNode {
        switch child.content {
        case .mapping(let childPairs):
            var pairs: [(key: SourceNode, value: SourceNode)] = []
            var merged = Set<Int>()
            if let base, case .mapping(let basePairs) = base.content {
                for pair in basePairs {
                    guard let name = pair.key.scalarText,
                          let index = childPairs.firstIndex(where: { $0.key.scalarText == name }) else {
                        pairs.append(pair)
                        continue
                    }
                    merged.insert(index)
                    pairs.append((childPairs[index].key, merge(pair.value, into: childPairs[index].value, &log)))
                }
            }
            for (index, pair) in childPairs.enumerated() where !merged.contains(index) {
                pairs.append((pair.key, merge(nil, into: pair.value, &log)))
            }
            // The merged mapping sits where the child wrote it: a problem of the mapping as a whole
            // (a horizon that ends before it begins) comes from the child's change.
            var result = child
            result.content = .mapping(pairs)
            return result

        case .sequence(let items) where isIdList(items):
            var result = child
            if base == nil {
                result.content = .sequence(mergeByID(base: [], replacing: nil, items, &log))
            } else if let base, case .sequence(let baseItems) = base.content,
                      baseItems.allSatisfy({ if case .mapping = $0.content { true } else { false } }) {
                result.content = .sequence(mergeByID(base: baseItems, replacing: nil, items, &log))
            } else {
                result.content = .sequence(mergeByID(base: [], replacing: base, items, &log))
            }
            return result

        case .scalar, .sequence:
            return child
        }
    }

    /// True for a non-empty list of mappings that all have an `id`.
    private static func isIdList(_ items: [SourceNode]) -> Bool {
        !items.isEmpty && items.allSatisfy { $0["id"]?.scalarText != nil }
    }

    /// The base's items with the child's merged in by id. With `replacing` (a base value that is no
    /// list of mappings, e.g. a CSV file name) the base is empty and a removal is reported as such.
    private static func mergeByID(base: [SourceNode], replacing replaced: SourceNode?, _ items: [SourceNode],
                                  _ log: inout ProblemLog) -> [SourceNode] {
        var result = base
        func index(of id: String) -> Int? { result.firstIndex { $0["id"]?.scalarText == id } }
        let baseIDs = base.compactMap { $0["id"]?.scalarText }
        var seen: [String: SourceLocation] = [:]

        for item in items {
            guard case .mapping(let pairs) = item.content, let idNode = item["id"], let id = idNode.scalarText else { continue }
            if let first = seen[id] {
                log.add("the id '\(id)' appears twice in this list (first at \(first.reference(from: idNode.location))); write one entry per id",
                        at: idNode.location)
                continue
            }
            seen[id] = idNode.location

            var change = item
            var removes = false
            if let removeNode = item["remove"] {
                guard let flag = removeNode.boolean(&log) else { continue }
                removes = flag
                change.content = .mapping(pairs.filter { $0.key.scalarText != "remove" })
            }

            guard removes else {
                if let at = index(of: id) {
                    result[at] = merge(result[at], into: change, &log)
                } else {
                    result.append(merge(nil, into: change, &log))
                }
                continue
            }

            let removeNode = item["remove"]!
            let others = pairs.compactMap(\.key.scalarText).filter { $0 != "id" && $0 != "remove" }
            if !others.isEmpty {
                log.add("this entry removes '\(id)', so its \(Spelling.list(others.map { "'\($0)'" }, conjunction: "and")) would be ignored; delete them, or delete `remove: true` to change '\(id)' instead",
                        at: removeNode.location)
            }
            if let replaced {
                let what = replaced.scalarText.map { "the file '\($0)'" } ?? replaced.kindDescription
                log.add("'\(id)' cannot be removed: the base gives this value as \(what), which this list replaces as a whole; leave the entry out instead",
                        at: removeNode.location)
            } else if let at = index(of: id) {
                result.remove(at: at)
            } else if let close = Spelling.closest(to: id, among: baseIDs) {
                log.add("cannot remove '\(id)': the base has no entry with this id; did you mean '\(close)'?", at: idNode.location)
            } else if baseIDs.isEmpty {
                log.add("cannot remove '\(id)': the base has no entries here", at: idNode.location)
            } else {
                let known = baseIDs.count <= 12 ? Spelling.list(baseIDs.map { "'\($0)'" }, conjunction: "and")
                    : baseIDs.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + ", …"
                log.add("cannot remove '\(id)': the base has no entry with this id; its ids are \(known)", at: idNode.location)
            }
        }
        return result
    }
}
