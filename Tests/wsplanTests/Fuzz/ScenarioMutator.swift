import Foundation

/// SplitMix64: a small generator whose sequence depends only on its seed, so every fuzz case can
/// be replayed from its number.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Breaks scenario files (YAML and CSV) the ways people and programs break them: flipped bytes,
/// lost or doubled lines, values swapped between keys, extreme numbers, mangled dates, cut-off
/// files, stray Unicode and absurd nesting.
struct ScenarioMutator {
    enum Kind: String, CaseIterable {
        case flipByte, deleteLine, duplicateLine, swapValues, extremeNumber, mangleDate, truncate, randomUnicode,
             deepNesting, swapCSVCells, emptyValue
    }

    static let extremeNumbers = ["-1", "0", "1e308", "-1e308", "NaN", ".nan", ".inf", "-.inf", "99999999999999999999",
                                 "9223372036854775807", "-9223372036854775808", "2147483648", "1e-320", "0.0000001",
                                 "4.5", "0x10", "1_000", "+7", "-0", "007", "3.", "1e3"]
    static let strangeDates = ["2027-02-30", "2027-02-29", "2028-02-29", "0000-01-01", "9999-12-31", "2027-13-01", "2027-00-10",
                               "2027-1-1", "20270101", "2027-03-10..2027-03-01", "1970-01-01", "2199-12-31", "2200-01-01",
                               "2027-03-01..", "..2027-03-01", "2027-03-01..2027-03-01..2027-03-02", "2027-W05", "2027-12-31T10:00:00Z",
                               "-2027-01-01", "+2027-01-01", "2027-01-01 ", "'2027-01-01'"]
    static let strangeText = ["\u{0}", "\u{FEFF}", "ä", "ß", "🙂", "\u{202E}", "\r", "\t", "\"", "'", ":", ",", ";", "#",
                              "&a", "*a", "!!binary", "{", "}", "[", "]", "- ", "|", ">", "%", "@", "`", "\\", "\u{85}",
                              "\u{2028}", "e\u{301}", "𝔘", "\u{7F}", "..", "~", "null", "- - -", "? "]

    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// One to three mutations of `text`, as bytes (a flipped byte may leave invalid UTF-8);
    /// `kinds` names what was done.
    mutating func mutate(_ text: String) -> (bytes: Data, kinds: [Kind]) {
        var result = text
        var kinds: [Kind] = []
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let kind = Kind.allCases.randomElement(using: &generator)!
            if kind != .flipByte { result = apply(kind, to: result) }
            kinds.append(kind)
        }
        var bytes = Array(result.utf8)
        if kinds.contains(.flipByte), !bytes.isEmpty {
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        }
        return (Data(bytes), kinds)
    }

    /// One mutation of the text (`flipByte` works on bytes, in `mutate`).
    mutating func apply(_ kind: Kind, to text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        switch kind {
        case .flipByte:
            return text
        case .deleteLine:
            guard lines.count > 1 else { return "" }
            lines.remove(at: Int.random(in: 0..<lines.count, using: &generator))
            return lines.joined(separator: "\n")
        case .duplicateLine:
            let index = Int.random(in: 0..<lines.count, using: &generator)
            lines.insert(lines[index], at: Int.random(in: 0...lines.count, using: &generator))
            return lines.joined(separator: "\n")
        case .swapValues:
            return swapValues(text)
        case .extremeNumber:
            return replaceRandomMatch(of: #"-?\d+(\.\d+)?"#, in: text, with: Self.extremeNumbers.randomElement(using: &generator)!)
        case .mangleDate:
            let replacement: String
            if Bool.random(using: &generator) {
                replacement = Self.strangeDates.randomElement(using: &generator)!
            } else {
                let y = Int.random(in: 1990...2210, using: &generator), m = Int.random(in: 0...13, using: &generator)
                let d = Int.random(in: 0...32, using: &generator)
                replacement = String(format: "%04d-%02d-%02d", y, m, d)
            }
            return replaceRandomMatch(of: #"\d{4}-\d{2}-\d{2}"#, in: text, with: replacement)
        case .truncate:
            let scalars = Array(text.unicodeScalars)
            guard !scalars.isEmpty else { return text }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<Int.random(in: 0..<scalars.count, using: &generator)])
            return String(view)
        case .randomUnicode:
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                let insert: [Unicode.Scalar]
                if Bool.random(using: &generator) {
                    insert = Array(Self.strangeText.randomElement(using: &generator)!.unicodeScalars)
                } else {
                    let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
                    insert = [Unicode.Scalar(value) ?? "\u{FFFD}"]
                }
                scalars.insert(contentsOf: insert, at: Int.random(in: 0...scalars.count, using: &generator))
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        case .deepNesting:
            let depth = [5, 50, 500, 5000].randomElement(using: &generator)!
            let nested = Bool.random(using: &generator)
                ? String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
                : String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
            return replaceRandomMatch(of: #"(?<=: )[^\s,{}\[\]]+"#, in: text, with: nested)
        case .swapCSVCells:
            guard lines.count > 2 else { return text }
            let row = Int.random(in: 1..<lines.count, using: &generator)
            var cells = lines[row].components(separatedBy: ",")
            guard cells.count > 1 else { return text }
            let a = Int.random(in: 0..<cells.count, using: &generator), b = Int.random(in: 0..<cells.count, using: &generator)
            cells.swapAt(a, b)
            lines[row] = cells.joined(separator: ",")
            return lines.joined(separator: "\n")
        case .emptyValue:
            return replaceRandomMatch(of: #"(?<=: )[^\s,{}\[\]]+"#, in: text, with: ["", "~", "[]", "{}", "\"\""].randomElement(using: &generator)!)
        }
    }

    /// Swaps the values of two `key: value` scalars.
    private mutating func swapValues(_ text: String) -> String {
        let matches = Self.matches(of: #"(?<=: )[^\s,{}\[\]#]+"#, in: text)
        guard matches.count >= 2 else { return text }
        var pair = [matches.randomElement(using: &generator)!, matches.randomElement(using: &generator)!].sorted { $0.location < $1.location }
        guard pair[0].location + pair[0].length <= pair[1].location else { return text }
        let ns = text as NSString
        let first = ns.substring(with: pair[0]), second = ns.substring(with: pair[1])
        var result = ns.replacingCharacters(in: pair[1], with: first)
        result = (result as NSString).replacingCharacters(in: pair[0], with: second)
        pair.removeAll()
        return result
    }

    private mutating func replaceRandomMatch(of pattern: String, in text: String, with replacement: String) -> String {
        let matches = Self.matches(of: pattern, in: text)
        guard let match = matches.randomElement(using: &generator) else { return text }
        return (text as NSString).replacingCharacters(in: match, with: replacement)
    }

    private static func matches(of pattern: String, in text: String) -> [NSRange] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }
}

/// The example scenarios to mutate: each entry scenario with the files it reads, copied into a
/// temporary folder so that a case can break one file and put it back.
final class FuzzCorpus {
    struct Entry { var folder: URL; var scenario: String; var files: [String] }

    let root: URL
    let entries: [Entry]
    /// Original text per copied file path.
    private var originals: [String: Data] = [:]

    init(repository: URL) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-fuzz-\(UUID().uuidString)")
        let manager = FileManager.default
        var entries: [Entry] = []
        for (source, name) in [("Scenarios", "examples"), ("Tests/oracle/scenarios", "oracle")] {
            let from = repository.appendingPathComponent(source), to = root.appendingPathComponent(name)
            try manager.createDirectory(at: to, withIntermediateDirectories: true)
            let names = try manager.contentsOfDirectory(atPath: from.path).sorted()
            for file in names where file.hasSuffix(".yaml") || file.hasSuffix(".csv") {
                try manager.copyItem(at: from.appendingPathComponent(file), to: to.appendingPathComponent(file))
            }
            for file in names where file.hasSuffix(".yaml") {
                let text = try String(contentsOf: from.appendingPathComponent(file), encoding: .utf8)
                guard text.contains("horizon") || text.contains("extends:") else { continue }  // a scenario, not a bookings file
                // The files it reads: the scenario, what it names, and what its base names.
                let named = names.filter { other in other != file && (text.contains(other) || Self.isBaseFile(other, of: text, in: from)) }
                entries.append(Entry(folder: to, scenario: file, files: [file] + named))
            }
        }
        self.entries = entries
        for entry in entries {
            for file in entry.files {
                let path = entry.folder.appendingPathComponent(file).path
                originals[path] = manager.contents(atPath: path)
            }
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    private static func isBaseFile(_ other: String, of text: String, in folder: URL) -> Bool {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("extends:") }) else { return false }
        let base = line.dropFirst("extends:".count).trimmingCharacters(in: .whitespaces)
        guard let baseText = try? String(contentsOf: folder.appendingPathComponent(base), encoding: .utf8) else { return false }
        return baseText.contains(other)
    }

    /// Writes `bytes` over `file` of `entry` (until `restore`).
    func write(_ bytes: Data, file: String, of entry: Entry) throws {
        try bytes.write(to: entry.folder.appendingPathComponent(file))
    }

    func restore(_ file: String, of entry: Entry) throws {
        let path = entry.folder.appendingPathComponent(file).path
        try originals[path]!.write(to: URL(fileURLWithPath: path))
    }

    func original(_ file: String, of entry: Entry) -> String {
        String(decoding: originals[entry.folder.appendingPathComponent(file).path]!, as: UTF8.self)
    }
}
