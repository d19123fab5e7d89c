import Planning

/// Typed reading of YAML values; every mismatch is logged with the value's location, and the
/// reader returns nil so that decoding goes on and finds the next problem too.
extension SourceNode {
    /// The entries of a mapping; logs a problem (and returns nil) for anything else.
    func mappingEntries(_ log: inout ProblemLog, what: String = "a mapping of keys to values")
        -> [(name: String, key: SourceNode, value: SourceNode)]? {
        guard case .mapping(let pairs) = content else {
            log.add("expected \(what), found \(kindDescription)", at: location)
            return nil
        }
        return pairs.compactMap { pair in
            guard let name = pair.key.scalarText else { return nil }
            return (name, pair.key, pair.value)
        }
    }

    /// Logs every key of this mapping that is not in `known` (a typo, most often), suggesting the
    /// closest known key. Does nothing for other nodes.
    func checkKeys(_ known: [String], _ log: inout ProblemLog) {
        guard case .mapping(let pairs) = content else { return }
        for (key, _) in pairs {
            guard let name = key.scalarText else {
                log.add("a key must be a plain word, not \(key.kindDescription)", at: key.location.naming(path.isEmpty ? nil : path))
                continue
            }
            guard !known.contains(name) else { continue }
            var at = key.location
            at.field = path.isEmpty ? name : "\(path).\(name)"
            if let close = Spelling.closest(to: name, among: known) {
                log.add("unknown key '\(name)'; did you mean '\(close)'?", at: at)
            } else {
                log.add("unknown key '\(name)'; the keys allowed here are \(Spelling.list(known, conjunction: "and"))", at: at)
            }
        }
    }

    /// The value of a key that must be given; logs a problem when it is absent or null.
    func required(_ key: String, _ log: inout ProblemLog, example: String? = nil) -> SourceNode? {
        if let value = self[key], !value.isNull { return value }
        let hint = example.map { ", e.g. `\($0)`" } ?? ""
        log.add("missing required key '\(key)'; add it\(hint)", at: childLocation(key))
        return nil
    }

    /// The value of an optional key; nil when absent or null.
    func optional(_ key: String) -> SourceNode? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }

    /// The location of a child key, for a problem about a key that is missing: the mapping's position.
    func childLocation(_ key: String) -> SourceLocation {
        location.naming(path.isEmpty ? key : "\(path).\(key)")
    }

    /// The text of a scalar.
    func text(_ log: inout ProblemLog, what: String = "a text") -> String? {
        guard case .scalar(let text, _) = content, !isNull else {
            log.add("expected \(what), found \(kindDescription)", at: location)
            return nil
        }
        return text
    }

    /// The elements of a list; logs a problem for anything else.
    func list(_ log: inout ProblemLog, what: String = "a list") -> [SourceNode]? {
        guard case .sequence(let items) = content else {
            log.add("expected \(what), found \(kindDescription)", at: location)
            return nil
        }
        return items
    }

    /// A whole number of at least `minimum` and at most `maximum`.
    func integer(_ log: inout ProblemLog, atLeast minimum: Int? = nil, atMost maximum: Int? = nil) -> Int? {
        guard let text = text(&log, what: "a whole number") else { return nil }
        return NumberText.integer(text, atLeast: minimum, atMost: maximum, at: location, &log)
    }

    /// A finite number of at least `minimum` (or above `exclusiveMinimum`) and at most `maximum`.
    func number(_ log: inout ProblemLog, atLeast minimum: Double? = nil, above exclusiveMinimum: Double? = nil,
                atMost maximum: Double? = nil) -> Double? {
        guard let text = text(&log, what: "a number") else { return nil }
        return NumberText.number(text, atLeast: minimum, above: exclusiveMinimum, atMost: maximum, at: location, &log)
    }

    /// `true` or `false` (YAML's `yes`/`no`/`on`/`off` too).
    func boolean(_ log: inout ProblemLog) -> Bool? {
        guard let text = text(&log, what: "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.add("expected true or false, found '\(text)'", at: location)
            return nil
        }
    }

    /// A date `YYYY-MM-DD`.
    func day(_ log: inout ProblemLog) -> Day? {
        guard let text = text(&log, what: "a date YYYY-MM-DD") else { return nil }
        return DayText.day(text, at: location, &log)
    }
}

/// Numbers written as text, in YAML or in CSV.
enum NumberText {
    /// Whole numbers beyond this are typos (or overflow the day arithmetic), whatever the field.
    static let largestInteger = 1_000_000_000
    /// Numbers beyond this in size are typos, whatever the field; keeps every cost finite.
    static let largestNumber = 1e12

    static func integer(_ text: String, atLeast minimum: Int?, atMost maximum: Int? = nil, at location: SourceLocation,
                        _ log: inout ProblemLog) -> Int? {
        let trimmed = text.trimmingSpaces
        guard let value = Int(trimmed) else {
            if trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), trimmed.contains(where: \.isNumber) {
                log.add("'\(text)' is far too large; give a sensible whole number", at: location)
            } else {
                log.add("'\(text)' is not a whole number; write digits only, e.g. 6", at: location)
            }
            return nil
        }
        if let minimum, value < minimum {
            log.add("\(value) is too small; it must be at least \(minimum)", at: location)
            return nil
        }
        let limit = min(maximum ?? largestInteger, largestInteger)
        if value > limit || value < -largestInteger {
            log.add("\(value) is too large; it must be at most \(limit)", at: location)
            return nil
        }
        return value
    }

    static func number(_ text: String, atLeast minimum: Double? = nil, above exclusiveMinimum: Double? = nil,
                       atMost maximum: Double? = nil, at location: SourceLocation, _ log: inout ProblemLog) -> Double? {
        let trimmed = text.trimmingSpaces
        let value: Double?
        switch trimmed.lowercased() {
        case ".inf", "+.inf", "-.inf", "inf", "+inf", "-inf", "infinity", "-infinity", ".nan", "nan":
            log.add("'\(text)' is not a finite number; give an ordinary number", at: location)
            return nil
        default:
            value = Double(trimmed)
        }
        guard let value else {
            log.add("'\(text)' is not a number; write it with a decimal point, e.g. 0.25", at: location)
            return nil
        }
        guard value.isFinite else {
            log.add(value.isNaN ? "'\(text)' is not a finite number; give an ordinary number"
                    : "'\(text)' is far too large; give a sensible number", at: location)
            return nil
        }
        if let minimum, value < minimum {
            log.add("\(trimmed) is too small; it must be at least \(format(minimum))", at: location)
            return nil
        }
        if let exclusiveMinimum, value <= exclusiveMinimum {
            log.add("\(trimmed) is too small; it must be greater than \(format(exclusiveMinimum))", at: location)
            return nil
        }
        let limit = min(maximum ?? largestNumber, largestNumber)
        if value > limit || value < -largestNumber {
            log.add("\(trimmed) is too large; it must be at most \(format(limit))", at: location)
            return nil
        }
        return value
    }

    /// `1` rather than `1.0` for whole numbers.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
