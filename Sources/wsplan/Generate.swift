import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic nationwide scenario from the gazetteer, for trials and benchmarks.",
        discussion: """
            Requests are places weighted by population in all 16 states, trainers live in larger cities \
            spread over the country; windows, blackouts, unavailability, caps, forbidden and preferred pairs \
            and a few required or excluded trainers are drawn too. The same options give the same file, byte for byte.
            """)

    @Option(name: .long, parsing: .unconditional, help: "Number of municipalities that request a package.")
    var requests: Int

    @Option(name: .long, parsing: .unconditional, help: "Number of trainers.")
    var trainers: Int

    @Option(name: .long, parsing: .unconditional, help: "Seed of the random draw (any whole number ≥ 0).")
    var seed: UInt64

    @Option(name: .long, help: "The scenario file to write (YAML, requests inline).")
    var out: String

    @Option(name: .long, help: "First day of the horizon, YYYY-MM-DD (default 2027-01-01).")
    var from: String?

    @Option(name: .long, parsing: .unconditional, help: "Length of the horizon in months (default: 3 up to 30 requests, 12 up to 200, else 24).")
    var months: Int?

    @Option(name: .long, parsing: .unconditional, help: "Also confirm this many packages in FILE-bookings.yaml (the first requests in arrival order, placed as the office's greedy plan places them); the scenario names the file.")
    var bookings = 0

    @Option(name: .long, parsing: .unconditional, help: "Requests about F times what the trainers' caps can serve (default 1: every request fits; e.g. 3 for a quarter where two in three are left out).")
    var demand: Double = 1

    func validate() throws {
        if bookings < 0 || bookings > requests { throw ValidationError("--bookings must be between 0 and --requests") }
        if let from, Day(iso: from) == nil { throw ValidationError("--from must be a day such as 2027-01-01, not '\(from)'") }
        if let problem = ScenarioGenerator().problem(with: parameters) { throw ValidationError(problem) }
    }

    private var parameters: ScenarioGenerator.Parameters {
        .init(requests: requests, trainers: trainers, seed: seed, from: from.flatMap { Day(iso: $0) }, months: months, demand: demand)
    }

    func run() throws {
        let scenario = ScenarioGenerator().generate(parameters)
        let text = scenario.yaml()
        try write(text)
        var booked = ""
        if bookings > 0 {
            // The bookings come from planning the scenario just written; the scenario then names them.
            let url = URL(fileURLWithPath: out)
            let name = url.deletingPathExtension().lastPathComponent + "-bookings.yaml"
            let path = url.deletingLastPathComponent().appendingPathComponent(name).path
            do {
                let plan = GeneratedBookings.plan(for: try ScenarioLoader.load(path: out), count: bookings)
                try? FileManager.default.removeItem(atPath: path)
                booked = ", \(try BookingsFile.confirm(plan, into: path).count) confirmed packages in \(path)"
            } catch { throw reportInput(error) }
            try write(text + "\n# Confirmed packages of an earlier plan: pinned, never moved (R9).\nbookings: \(name)\n")
        }
        FileHandle.standardError.write(Data(
            "wsplan: wrote \(out): \(scenario.requests.count) requests, \(scenario.trainers.count) trainers, horizon \(scenario.horizon.lowerBound.iso)..\(scenario.horizon.upperBound.iso)\(booked)\n".utf8))
    }

    private func write(_ text: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure.message("\(out) is a folder; name the scenario file to write, e.g. --out \(out)/generated.yaml")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
            throw Failure.message("cannot write \(out) (\(reason)); check that its folder exists and is writable")
        }
    }
}
