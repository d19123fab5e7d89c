import Foundation

/// A strict, byte-level reader of iCalendar files for the tests: it checks what lenient parsers
/// (most calendar apps, Python's `icalendar`) silently accept, and reads the events back.
enum ICSInspector {
    /// One content line after unfolding: `NAME;PARAM=…:VALUE`.
    struct Property: Equatable {
        var name: String
        var parameters: [String: String]
        var value: String
    }

    /// A component (VCALENDAR, VTIMEZONE, VEVENT, …) with its properties and the components inside it.
    final class Component {
        let name: String
        var properties: [Property] = []
        var components: [Component] = []
        init(name: String) { self.name = name }

        func all(_ property: String) -> [Property] { properties.filter { $0.name == property } }
        func first(_ property: String) -> Property? { properties.first { $0.name == property } }
        /// The value of the first such property, TEXT escapes undone.
        func text(_ property: String) -> String? { first(property).map { ICSInspector.unescape($0.value) } }
        func value(_ property: String) -> String? { first(property)?.value }
        var events: [Component] { components.filter { $0.name == "VEVENT" } }
        var uid: String { value("UID") ?? "(no UID)" }
    }

    /// The physical lines, without their CRLF; nil for data that does not split into CRLF lines.
    static func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                lines.append(current)
                current = []
                i += 2
            } else {
                current.append(bytes[i])
                i += 1
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == Array(bytes)
    }

    /// Undoes folding (§3.1): every CRLF followed by one space or tab goes.
    static func unfold(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 2 < bytes.count, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x20 || bytes[i + 2] == 0x09 {
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Undoes TEXT escaping (§3.3.11).
    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                switch ch {
                case "n", "N": out.append("\n")
                default: out.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Splits a logical line into name, parameters and value, honouring quoted parameter values.
    static func property(_ line: String) -> Property? {
        var name = ""
        var parameters: [String: String] = [:]
        var index = line.startIndex
        while index < line.endIndex, line[index] != ";", line[index] != ":" { name.append(line[index]); index = line.index(after: index) }
        guard index < line.endIndex, !name.isEmpty else { return nil }
        while line[index] == ";" {
            index = line.index(after: index)
            var key = ""
            while index < line.endIndex, line[index] != "=" { key.append(line[index]); index = line.index(after: index) }
            guard index < line.endIndex else { return nil }
            index = line.index(after: index)
            var value = ""
            var quoted = false
            while index < line.endIndex, quoted || (line[index] != ";" && line[index] != ":") {
                if line[index] == "\"" { quoted.toggle() } else { value.append(line[index]) }
                index = line.index(after: index)
            }
            guard index < line.endIndex, !quoted else { return nil }
            parameters[key.uppercased()] = value
        }
        guard line[index] == ":" else { return nil }
        return Property(name: name.uppercased(), parameters: parameters, value: String(line[line.index(after: index)...]))
    }

    /// The VCALENDAR of a file (nil when its lines do not nest into one).
    static func parse(_ data: Data) -> Component? {
        let text = String(decoding: unfold(Array(data)), as: UTF8.self)
        var stack: [Component] = []
        var root: Component?
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let property = property(line) else { return nil }
            if property.name == "BEGIN" {
                stack.append(Component(name: property.value))
            } else if property.name == "END" {
                guard let done = stack.popLast(), done.name == property.value else { return nil }
                if let parent = stack.last { parent.components.append(done) } else if root == nil { root = done } else { return nil }
            } else {
                guard let current = stack.last else { return nil }
                current.properties.append(property)
            }
        }
        return stack.isEmpty && root?.name == "VCALENDAR" ? root : nil
    }

    /// Everything wrong with a file that a lenient reader would let pass: bytes, line structure,
    /// and the properties SPEC §6 and RFC 5545/5546 (METHOD:PUBLISH) demand. Empty when all is well.
    static func problems(in data: Data) -> [String] {
        let bytes = Array(data)
        var problems: [String] = []
        guard !bytes.isEmpty else { return ["the file is empty"] }
        if !isValidUTF8(bytes) { problems.append("the file is not valid UTF-8") }
        if bytes.count < 2 || bytes[bytes.count - 2] != 0x0D || bytes[bytes.count - 1] != 0x0A {
            problems.append("the file does not end in CRLF")
        }
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A, i == 0 || bytes[i - 1] != 0x0D { problems.append("bare LF at byte \(i)") }
            if byte == 0x0D, i + 1 == bytes.count || bytes[i + 1] != 0x0A { problems.append("bare CR at byte \(i)") }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0A) || byte == 0x7F { problems.append("control character \(byte) at byte \(i)") }
        }
        for (n, line) in physicalLines(bytes).enumerated() {
            let where_ = "physical line \(n + 1)"
            if line.count > 75 { problems.append("\(where_) has \(line.count) octets, more than 75") }
            if !isValidUTF8(line) { problems.append("\(where_) is not valid UTF-8 on its own (a character split by folding)") }
            if line.isEmpty { problems.append("\(where_) is empty") }
            if line.first == 0x09 { problems.append("\(where_) continues with a tab, not one space") }
            if n == 0, line.first == 0x20 { problems.append("the first line starts with a space") }
            if line.first == 0x20, line.count == 1 { problems.append("\(where_) is a continuation holding nothing") }
        }
        guard let calendar = parse(data) else { return problems + ["the content lines do not nest into one VCALENDAR"] }

        func count(_ c: Component, _ name: String, _ expected: Int, _ where_: String) {
            let n = c.all(name).count
            if n != expected { problems.append("\(where_) has \(n) \(name), expected \(expected)") }
        }
        for name in ["VERSION", "PRODID", "METHOD"] { count(calendar, name, 1, "VCALENDAR") }
        if calendar.value("VERSION") != "2.0" { problems.append("VERSION is not 2.0") }
        if calendar.value("METHOD") != "PUBLISH" { problems.append("METHOD is not PUBLISH") }

        let zones = Set(calendar.components.filter { $0.name == "VTIMEZONE" }.compactMap { $0.value("TZID") })
        func tzids(_ c: Component) -> [String] {
            c.properties.compactMap { $0.parameters["TZID"] } + c.components.filter { $0.name != "VTIMEZONE" }.flatMap(tzids)
        }
        for tzid in Set(tzids(calendar)).subtracting(zones).sorted() {
            problems.append("TZID \(tzid) is used but has no VTIMEZONE")
        }

        var uids = Set<String>()
        for event in calendar.events {
            let where_ = "VEVENT \(event.uid)"
            for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "ORGANIZER", "SEQUENCE", "STATUS"] {
                count(event, name, 1, where_)
            }
            for name in ["ATTENDEE", "DURATION", "RRULE", "RECURRENCE-ID"] { count(event, name, 0, where_) }
            if !uids.insert(event.uid).inserted { problems.append("UID \(event.uid) appears twice") }
            if let stamp = event.value("DTSTAMP"), stamp.wholeMatch(of: /\d{8}T\d{6}Z/) == nil {
                problems.append("\(where_): DTSTAMP \(stamp) is not a UTC date-time")
            }
            if let start = event.first("DTSTART"), let end = event.first("DTEND") {
                for p in [start, end] where p.value.wholeMatch(of: /\d{8}T\d{6}/) == nil || p.parameters["TZID"] == nil {
                    problems.append("\(where_): \(p.name) \(p.value) is not a local date-time with TZID")
                }
                if start.parameters["TZID"] != end.parameters["TZID"] { problems.append("\(where_): DTSTART and DTEND in different zones") }
                if !(start.value < end.value) { problems.append("\(where_): DTEND \(end.value) is not after DTSTART \(start.value)") }
            }
            if let sequence = event.value("SEQUENCE"), Int(sequence).map({ $0 >= 0 }) != true {
                problems.append("\(where_): SEQUENCE \(sequence) is not a non-negative integer")
            }
            if let status = event.value("STATUS"), !["TENTATIVE", "CONFIRMED", "CANCELLED"].contains(status) {
                problems.append("\(where_): STATUS \(status) is not allowed for a VEVENT")
            }
            if let organizer = event.value("ORGANIZER"), !organizer.hasPrefix("mailto:") {
                problems.append("\(where_): ORGANIZER \(organizer) is not a mailto: address")
            }
        }
        return problems
    }
}
