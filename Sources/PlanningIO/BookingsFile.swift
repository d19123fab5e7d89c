import Foundation
import Planning

/// The bookings file of SPEC §5: confirmed packages, self-contained (name, state, coordinates),
/// as `wsplan confirm` writes them and the next quarter's scenario names them.
///
/// A ledger nobody can corrupt: it is read by the scenario's own reader
/// (`ScenarioDecoder.readBookingsFile`), re-read under an exclusive lock, and a plan is only
/// added when neither it nor what is already booked breaks R2–R5.
public enum BookingsFile {
    /// Where the rules R2–R4 that a booking must keep come from.
    public struct RuleSource: Sendable {
        public var rules: Rules
        /// For messages: "the rules of s.yaml", or SPEC's defaults with how to name the scenario.
        public var origin: String

        public init(rules: Rules, origin: String) {
            self.rules = rules
            self.origin = origin
        }

        /// ` (by …)` behind a rule whose verdict depends on the settings.
        func note(_ finding: BookingRules.Finding) -> String { finding.dependsOnSettings ? " (by \(origin))" : "" }

        /// SPEC's default gaps and office closure, for a plan confirmed without its scenario.
        public static let defaults = RuleSource(rules: Rules(), origin: "SPEC's default rules; if the plan's scenario sets other gaps or another office closure, name it with --scenario")
    }

    /// Adds the packages of `plan` to the bookings file at `path` (created when missing).
    ///
    /// Idempotent: a package already in the file is left as it is. Refused, with nothing written:
    /// a second, different package for a municipality already booked, a package that needs a
    /// trainer on a day a booking already has (R5/R9), and any package, booked or new, that breaks
    /// R2–R4 by `source`'s rules. Every problem is reported at once.
    /// - Parameters:
    ///   - planFile: the plan's path, for messages.
    ///   - warnings: gets each warning about the file (a hand-written place name several places share).
    /// - Returns: the municipalities added.
    public static func confirm(_ plan: Plan, into path: String, rules source: RuleSource = .defaults,
                               planFile: String = "plan.json", gazetteer: Gazetteer = .shared,
                               warnings: (InputProblem) -> Void = ScenarioLoader.printWarning) throws(InputErrors) -> [String] {
        // A symbolic link is resolved once: its target is locked and replaced, the link stays. A
        // link that leads nowhere (dangling, or a loop) would be replaced by a file: refused.
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        if (try? FileManager.default.attributesOfItem(atPath: standard))?[.type] as? FileAttributeType == .typeSymbolicLink,
           !Self.leadsSomewhere(standard) {
            throw InputErrors(problems: [InputProblem(file: path, message:
                "'\(path)' is a symbolic link to something that does not exist (or to itself); remove the link or name the bookings file itself")])
        }
        let real = OutputFolder.realPath(standard)
        // An exclusive lock beside the file, held while it is re-read and replaced: two confirms
        // at once take turns, and the second one sees the first one's packages.
        let lock: FileLock
        do {
            lock = try FileLock(guarding: real, wait: true)
        } catch {
            throw InputErrors(problems: [InputProblem(file: path, message: "cannot lock the bookings file: \(error); check that its folder exists and is writable")])
        }
        defer { lock.release() }
        let (existing, locations, readLog) = read(path: path, gazetteer: gazetteer)
        var log = readLog
        log.sortedWarnings().forEach(warnings)
        let years = (existing.flatMap { [$0.preparation.year, $0.followup.year] }
                     + plan.packages.flatMap { [$0.preparation.year, $0.followup.year] })
        let bookingRules = BookingRules(rules: source.rules, years: (years.min() ?? 2000)...(years.max() ?? 2000))
        for (booking, location) in zip(existing, locations) {
            for finding in bookingRules.findings(booking) {
                log.add("the confirmed package of '\(booking.municipality)' breaks \(finding.rule.code)\(source.note(finding)): \(finding.text); "
                        + "correct its dates by hand, or remove it if it was never agreed", at: location)
            }
        }
        var problems = log.sorted()
        var entries = existing
        var added: [String] = []
        for (index, package) in plan.packages.enumerated() {
            func problem(_ message: String) {
                problems.append(InputProblem(file: planFile, field: "packages[\(index)]", message: message))
            }
            guard let booking = booking(of: package) else {
                problem("the plan gives no coordinates (or no consecutive workshop days) for \(package.municipality); solve it again with this version of wsplan")
                continue
            }
            guard ScenarioDecoder.germany(lat: booking.location.lat, lon: booking.location.lon) else {
                problem("lat \(booking.location.lat), lon \(booking.location.lon) of \(booking.municipality) lies outside Germany; this is not a plan wsplan wrote: solve the scenario again")
                continue
            }
            if let booked = entries.first(where: { Identifier.fileKey($0.municipality) == Identifier.fileKey(booking.municipality) }) {
                if !isSamePackage(booked, booking) {
                    problem("\(booking.municipality) is already booked (\(describe(booked))); the plan has a different package (\(describe(booking))). "
                            + "A confirmed package is never changed: remove it from \(path) by hand if it really was cancelled")
                }
                continue
            }
            for finding in bookingRules.findings(booking) {
                problem("the package of \(booking.municipality) breaks \(finding.rule.code)\(source.note(finding)): \(finding.text); "
                        + "it is not confirmed: solve the scenario again")
            }
            for other in entries where !clashes(other, booking).isEmpty {
                problem("the plan's package for \(booking.municipality) clashes with the booked package of \(other.municipality): "
                        + "\(clashes(other, booking).joined(separator: ", ")) (R5: a trainer runs one event a day; R9: bookings stay as they are); "
                        + "solve the scenario again with \(path) named in it")
            }
            entries.append(booking)
            added.append(booking.municipality)
        }
        guard problems.isEmpty else { throw InputErrors(problems: problems) }
        guard !added.isEmpty || !FileManager.default.fileExists(atPath: real) else { return [] }
        do {
            // A temporary file beside it, flushed to disk and renamed over it: never half-written.
            try DurableFiles.replace(real, with: Data(render(entries).utf8))
        } catch {
            throw InputErrors(problems: [InputProblem(file: path, message: "cannot write the bookings file: \(error); check that its folder exists and is writable")])
        }
        return added
    }

    /// The bookings of the file at `path` (none when it does not exist), read as a scenario
    /// reads them; every problem at once.
    public static func read(path: String, gazetteer: Gazetteer = .shared) throws(InputErrors) -> [Booking] {
        let (bookings, _, log) = read(path: path, gazetteer: gazetteer)
        guard log.isEmpty else { throw InputErrors(problems: log.sorted()) }
        return bookings
    }

    private static func read(path: String, gazetteer: Gazetteer) -> (bookings: [Booking], locations: [SourceLocation], log: ProblemLog) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], [], ProblemLog()) }
        return ScenarioDecoder.readBookingsFile(path, gazetteer: gazetteer)
    }

    /// A plan's package as a booking; nil without coordinates or with a workshop that is not two
    /// consecutive days (`PlanFile.read` refuses those already).
    static func booking(of package: PlannedPackage) -> Booking? {
        guard let lat = package.lat, let lon = package.lon, package.workshop.count == 2,
              package.workshop[1] == package.workshop[0].advanced(by: 1), package.trainers.count == 2,
              let pair = TrainerPair(package.trainers[0], package.trainers[1]) else { return nil }
        return Booking(municipality: package.municipality, name: package.name, state: package.state,
                       location: Coordinate(lat: lat, lon: lon), participants: package.participants, trainers: pair,
                       preparation: package.preparation, workshop: package.workshop[0], followup: package.followup)
    }

    /// Same package: same trainers and dates (names and coordinates may be spelled differently).
    static func isSamePackage(_ a: Booking, _ b: Booking) -> Bool {
        a.trainers == b.trainers && a.preparation == b.preparation && a.workshop == b.workshop && a.followup == b.followup
    }

    private static func describe(_ booking: Booking) -> String {
        "\(booking.trainers.ids.joined(separator: " + ")), workshop \(booking.workshop)"
    }

    /// The trainer-days two packages share (`trainer on day`): each such day breaks R5.
    static func clashes(_ a: Booking, _ b: Booking) -> [String] {
        let shared = Set(a.trainers.ids).intersection(b.trainers.ids)
        guard !shared.isEmpty else { return [] }
        let days = Set(a.eventDays).intersection(b.eventDays)
        return shared.sorted().flatMap { trainer in days.sorted().map { "\(trainer) on \($0)" } }
    }

    static func render(_ bookings: [Booking]) -> String {
        var lines = [
            "# Confirmed packages, written by `wsplan confirm`. A scenario that names this file keeps",
            "# them exactly as they are (R9): they occupy their trainers' days and count against every cap.",
            "packages:",
        ]
        for b in bookings {
            lines.append("  - {municipality: \(plain(b.municipality)), name: \(quoted(b.name)), state: \(b.state.rawValue), "
                         + "lat: \(b.location.lat), lon: \(b.location.lon), participants: \(b.participants),")
            lines.append("     trainers: [\(b.trainers.ids.map(plain).joined(separator: ", "))], preparation: \(b.preparation), "
                         + "workshop: [\(b.workshop), \(b.workshop.advanced(by: 1))], followup: \(b.followup)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An id as YAML reads it back: plain, unless YAML would read it as null.
    private static func plain(_ id: String) -> String {
        ["null", "Null", "NULL"].contains(id) ? quoted(id) : id
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether `path` resolves to an existing file or folder (a dangling link or a loop does not).
    static func leadsSomewhere(_ path: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        free(resolved)
        return true
    }
}
