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

    @Option(name: .long, help: "Number of municipalities that request a package.")
    var requests: Int

    @Option(name: .long, help: "Number of trainers.")
    var trainers: Int

    @Option(name: .long, help: "Seed of the random draw (any whole number ≥ 0).")
    var seed: UInt64

    @Option(name: .long, help: "The scenario file to write (YAML, requests inline).")
    var out: String

    @Option(name: .long, help: "First day of the horizon, YYYY-MM-DD (default 2027-01-01).")
    var from: String?

    @Option(name: .long, help: "Length of the horizon in months (default: 3 up to 30 requests, 12 up to 200, else 24).")
    var months: Int?

    func validate() throws {
        if let from, Day(iso: from) == nil { throw ValidationError("--from must be a day such as 2027-01-01, not '\(from)'") }
        if let problem = ScenarioGenerator().problem(with: parameters) { throw ValidationError(problem) }
    }

    private var parameters: ScenarioGenerator.Parameters {
        .init(requests: requests, trainers: trainers, seed: seed, from: from.flatMap { Day(iso: $0) }, months: months)
    }

    func run() throws {
        let scenario = ScenarioGenerator().generate(parameters)
        do {
            try Data(scenario.yaml().utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw Failure.message("cannot write \(out): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data(
            "wsplan: wrote \(out): \(scenario.requests.count) requests, \(scenario.trainers.count) trainers, horizon \(scenario.horizon.lowerBound.iso)..\(scenario.horizon.upperBound.iso)\n".utf8))
    }
}
