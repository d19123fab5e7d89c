import Foundation
import Planning
@testable import PlanningIO
import Testing

@Suite struct ScenarioGeneratorTests {
    let generator = ScenarioGenerator()

    /// SplitMix64's published reference output for seed 0: the stream must never change.
    @Test func splitMixMatchesTheReference() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    /// Our own Fisher–Yates (the local search's neighbourhoods use it, not the stdlib's shuffle):
    /// the order for seed 0 is fixed, computed by hand from the reference stream.
    @Test func shuffleIsOurOwnAndFixed() {
        var random = SplitMix64(seed: 0)
        #expect(random.shuffled(Array(0..<10)) == [6, 3, 2, 9, 8, 1, 4, 7, 0, 5])
        var again = SplitMix64(seed: 0)
        #expect(again.shuffled([String]()).isEmpty && again.shuffled(["x"]) == ["x"])
    }

    @Test func sameSeedSameBytesOtherSeedOtherScenario() {
        let p = ScenarioGenerator.Parameters(requests: 60, trainers: 8, seed: 42)
        #expect(generator.generate(p).yaml() == generator.generate(p).yaml())
        var q = p
        q.seed = 43
        #expect(generator.generate(p).yaml() != generator.generate(q).yaml())
    }

    @Test func horizonDefaultsBySize() {
        for (n, months, last) in [(20, 3, "2027-03-31"), (60, 12, "2027-12-31"), (400, 24, "2028-12-31")] {
            let s = generator.generate(.init(requests: n, trainers: 5, seed: 1))
            #expect(s.horizon.lowerBound == Day(iso: "2027-01-01"))
            #expect(s.horizon.upperBound == Day(iso: last), "\(n) requests: \(months) months")
        }
        let custom = generator.generate(.init(requests: 20, trainers: 5, seed: 1, from: Day(iso: "2028-04-01"), months: 2))
        #expect(custom.horizon == Day(iso: "2028-04-01")!...Day(iso: "2028-05-31")!)
        #expect(custom.planningStart == Day(iso: "2028-03-01"))
    }

    /// `--demand F`: the caps add up to about 2N/F trainer-packages; F = 1 is the loose default, byte for byte.
    @Test func demandScalesTheCaps() {
        let loose = ScenarioGenerator.Parameters(requests: 60, trainers: 8, seed: 7)
        var same = loose
        same.demand = 1
        #expect(generator.generate(loose).yaml() == generator.generate(same).yaml())
        let looseCaps = generator.generate(loose).trainers.map(\.maxPackages).reduce(0, +)
        #expect(looseCaps >= 2 * 60, "loose: every request fits (\(looseCaps) trainer-packages)")
        for demand in [2.0, 3.0, 4.0] {
            var scarce = loose
            scarce.demand = demand
            let generated = generator.generate(scarce)
            let caps = generated.trainers.map(\.maxPackages).reduce(0, +)
            let share = 2 * 60 / demand
            #expect(Double(caps) >= 0.75 * share && Double(caps) <= 1.25 * share, "demand \(demand): \(caps) trainer-packages")
            #expect(generated.origin.hasSuffix("--demand \(demand)"))
            // Only the caps change: the same requests, the same trainers' homes.
            #expect(generated.requests == generator.generate(loose).requests)
        }
        #expect(generator.problem(with: .init(requests: 10, trainers: 4, seed: 1, demand: 0.5)) != nil)
    }

    @Test func rejectsImpossibleSizes() {
        #expect(generator.problem(with: .init(requests: 10, trainers: 1, seed: 1)) != nil)
        #expect(generator.problem(with: .init(requests: 0, trainers: 4, seed: 1)) != nil)
        #expect(generator.problem(with: .init(requests: 100_000, trainers: 4, seed: 1)) != nil)
        #expect(generator.problem(with: .init(requests: 10, trainers: 4, seed: 1, months: 0)) != nil)
    }

    /// Every generated file loads without a problem and says what was drawn.
    @Test(arguments: [(20, 5, UInt64(1)), (60, 8, 2), (150, 14, 3), (400, 30, 4)])
    func loadsAndIsNationwide(_ requests: Int, _ trainers: Int, _ seed: UInt64) throws {
        let generated = generator.generate(.init(requests: requests, trainers: trainers, seed: seed))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        try Data(generated.yaml().utf8).write(to: URL(fileURLWithPath: path))
        let scenario = try ScenarioLoader.load(path: path)

        #expect(scenario.requests.count == requests)
        #expect(scenario.trainers.count == trainers)
        #expect(Set(scenario.requests.map(\.id)).count == requests)
        #expect(scenario.requests.allSatisfy { $0.id.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(Set(generated.requests.map(\.place)).count == requests, "no place twice")
        #expect(Set(scenario.requests.map(\.state)).count == 16, "every state has requests")
        #expect(scenario.requests.allSatisfy { (12...40).contains($0.participants) })
        for request in scenario.requests {
            if let e = request.earliest { #expect(scenario.horizon.contains(e)) }
            if let l = request.latest { #expect(scenario.horizon.contains(l)) }
        }
        #expect(scenario.trainers.allSatisfy { $0.maxPackages != nil && $0.maxDaysPerMonth != nil && !$0.unavailable.isEmpty })
        #expect(scenario.preferredPairs.isDisjoint(with: scenario.forbiddenPairs))
        #expect(!scenario.preferredPairs.isEmpty && !scenario.forbiddenPairs.isEmpty)
        // Homes spread out: no two trainers in the same city.
        #expect(Set(generated.trainers.map(\.home)).count == trainers)
        // Capacity: the trainers can take every request's two places, with slack.
        let capacity = scenario.trainers.reduce(0) { $0 + ($1.maxPackages ?? 0) }
        #expect(capacity >= 2 * requests)
        #expect(capacity <= 3 * requests + 2 * trainers)
    }
}
