import Foundation
import Planning
import Yams

/// The bookings file of SPEC §5: confirmed packages, self-contained (name, state, coordinates),
/// as `wsplan confirm` writes them and the next quarter's scenario names them.
public enum BookingsFile {
    /// One confirmed package as the file holds it.
    public struct Entry: Equatable, Sendable {
        public var municipality: String
        public var name: String
        public var state: String
        public var lat: Double
        public var lon: Double
        public var participants: Int
        public var trainers: [String]
        public var preparation: String
        public var workshop: [String]
        public var followup: String

        /// Same package: same trainers and dates (names and coordinates may be spelled differently).
        func isSamePackage(as other: Entry) -> Bool {
            trainers.sorted() == other.trainers.sorted() && preparation == other.preparation
                && workshop == other.workshop && followup == other.followup
        }
    }

    /// Adds the packages of `plan` to the bookings file at `path` (created when missing).
    ///
    /// Idempotent: a package already in the file is left as it is. A second, different package
    /// for a municipality already booked is refused, and then nothing is written.
    /// - Returns: the municipalities added.
    public static func confirm(_ plan: Plan, into path: String) throws(InputErrors) -> [String] {
        // An exclusive lock beside the file, held while it is re-read and replaced: two confirms
        // at once take turns, and the second one sees the first one's packages.
        let lock: FileLock
        do {
            lock = try FileLock(guarding: path, wait: true)
        } catch {
            throw InputErrors(problems: [InputProblem(file: path, message: "cannot lock the bookings file: \(error); check that its folder exists and is writable")])
        }
        defer { lock.release() }
        var entries = try read(path: path)
        var problems: [InputProblem] = []
        var added: [String] = []
        for package in plan.packages {
            guard let lat = package.lat, let lon = package.lon else {
                problems.append(InputProblem(file: path, field: "packages", message:
                    "the plan gives no coordinates for \(package.municipality); solve it again with this version of wsplan"))
                continue
            }
            let entry = Entry(municipality: package.municipality, name: package.name, state: package.state.rawValue, lat: lat, lon: lon,
                              participants: package.participants, trainers: package.trainers.sorted(),
                              preparation: package.preparation.iso, workshop: package.workshop.map(\.iso), followup: package.followup.iso)
            if let existing = entries.first(where: { $0.municipality == entry.municipality }) {
                if !existing.isSamePackage(as: entry) {
                    problems.append(InputProblem(file: path, field: "packages", message:
                        "\(entry.municipality) is already booked (\(existing.trainers.joined(separator: " + ")), workshop \(existing.workshop.first ?? "?")); "
                        + "the plan has a different package (\(entry.trainers.joined(separator: " + ")), workshop \(entry.workshop.first ?? "?")). "
                        + "A confirmed package is never changed: remove it from the bookings file by hand if it really was cancelled"))
                }
                continue
            }
            for existing in entries where !clashes(existing, entry).isEmpty {
                problems.append(InputProblem(file: path, field: "packages", message:
                    "the plan's package for \(entry.municipality) clashes with the booked package of \(existing.municipality): "
                    + "\(clashes(existing, entry).joined(separator: ", ")) (R5: a trainer runs one event a day; R9: bookings stay as they are); "
                    + "solve the scenario again with this bookings file named in it"))
            }
            entries.append(entry)
            added.append(entry.municipality)
        }
        guard problems.isEmpty else { throw InputErrors(problems: problems) }
        guard !added.isEmpty || !FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            // A temporary file beside it, flushed to disk and renamed over it: never half-written.
            try DurableFiles.replace(path, with: Data(render(entries).utf8))
        } catch {
            throw InputErrors(problems: [InputProblem(file: path, message: "cannot write the bookings file: \(error); check that its folder exists and is writable")])
        }
        return added
    }

    /// The trainer-days two packages share (`trainer on day`): each such day breaks R5.
    static func clashes(_ a: Entry, _ b: Entry) -> [String] {
        let shared = Set(a.trainers).intersection(b.trainers)
        guard !shared.isEmpty else { return [] }
        let days = Set([a.preparation, a.followup] + a.workshop).intersection([b.preparation, b.followup] + b.workshop)
        return shared.sorted().flatMap { trainer in days.sorted().map { "\(trainer) on \($0)" } }
    }

    /// The entries of an existing bookings file (none when it does not exist).
    static func read(path: String) throws(InputErrors) -> [Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        func problem(_ message: String) -> InputErrors { InputErrors(problems: [InputProblem(file: path, message: message)]) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw problem("cannot read the bookings file") }
        let root: Any?
        do {
            // Aliases could stand for billions of values: refuse before building them.
            if let node = try Yams.compose(yaml: text), !InputFiles.fits(node, within: InputFiles.largestDocument) {
                throw problem("the file holds too many values once its aliases (*name) are written out; write them out")
            }
            root = try Yams.load(yaml: text)
        } catch let error as InputErrors {
            throw error
        } catch {
            throw problem("not valid YAML: \(error); fix it, or move it aside and confirm again")
        }
        if root == nil { return [] }
        guard let map = root as? [String: Any] else { throw problem("expected a map with a `packages:` list") }
        guard let list = map["packages"] as? [Any] else {
            // `packages:` with nothing after it (as confirm writes for no packages) is an empty list.
            guard let value = map["packages"], !(value is NSNull), !["nil", "<null>", "Optional(nil)"].contains("\(value)") else { return [] }
            throw problem("`packages` must be a list; write each package as a `- {municipality: …}` line under it")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            guard let m = item as? [String: Any], let id = m["municipality"].map({ "\($0)" }) else {
                throw problem("packages[\(index)] has no municipality")
            }
            func text(_ key: String) -> String { m[key].map { value in (value as? Date).map(isoDay) ?? "\(value)" } ?? "" }
            func number(_ key: String) -> Double {
                let value = (m[key] as? Double) ?? (m[key] as? Int).map(Double.init) ?? Double(text(key)) ?? 0
                return value.isFinite ? value : 0
            }
            let workshop = (m["workshop"] as? [Any])?.map { ($0 as? Date).map(isoDay) ?? "\($0)" } ?? []
            entries.append(Entry(municipality: id, name: text("name"), state: text("state"), lat: number("lat"), lon: number("lon"),
                                 participants: Int(exactly: number("participants").rounded()).map { min(max($0, 0), 1_000_000) } ?? 0, trainers: ((m["trainers"] as? [Any]) ?? []).map { "\($0)" },
                                 preparation: text("preparation"), workshop: workshop, followup: text("followup")))
        }
        return entries
    }

    /// YAML may turn an unquoted date into a timestamp: back to `YYYY-MM-DD` (UTC).
    private static func isoDay(_ date: Date) -> String {
        let days = (date.timeIntervalSince1970 / 86400).rounded(.down)
        guard let ordinal = Int(exactly: days), abs(ordinal) < 10_000_000 else { return "\(date)" }
        return Day(ordinal: ordinal).iso
    }

    static func render(_ entries: [Entry]) -> String {
        var lines = [
            "# Confirmed packages, written by `wsplan confirm`. A scenario that names this file keeps",
            "# them exactly as they are (R9): they occupy their trainers' days and count against every cap.",
            "packages:",
        ]
        for e in entries {
            lines.append("  - {municipality: \(e.municipality), name: \(quoted(e.name)), state: \(e.state), "
                         + "lat: \(e.lat), lon: \(e.lon), participants: \(e.participants),")
            lines.append("     trainers: [\(e.trainers.joined(separator: ", "))], preparation: \(e.preparation), "
                         + "workshop: [\(e.workshop.joined(separator: ", "))], followup: \(e.followup)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
