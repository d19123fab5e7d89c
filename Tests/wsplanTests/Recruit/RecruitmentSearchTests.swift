import Foundation
import GLPKBackend
import Planning
import PlanningIO
import Testing

/// `RecruitmentSearch`: the region that lacks a trainer comes first, its re-plan passes the
/// checker with the trainer added, and the greedy count matches a brute force.
@Suite(.serialized) struct RecruitmentSearchTests {
    typealias F = RecruitFixture

    @Test func candidateInTheUnservedRegionComesFirst() throws {
        let scenario = try F.load(F.farEast)
        let solver = GLPKSolver()
        let base = try Planner(scenario: scenario).plan(using: solver, timeLimitSeconds: 10)
        #expect(F.served(base, scenario) == ["koeln", "dueren"], "Saxony is too far from the pool")
        let places = F.places()
        let leftOut = scenario.requests.filter { !F.served(base, scenario).contains($0.id) }
        let homes = HomeCandidates.merged(HomeCandidates.spread(places, count: 12), HomeCandidates.near(leftOut, places: places))
        var search = RecruitmentSearch(scenario: scenario, base: base, solver: solver, homes: homes, places: places,
                                       maxPackages: 4, maxDaysPerMonth: 12)
        search.maxAdded = 1
        let run = try search.run(seconds: 40)
        let first = try #require(run.result.candidates.first)
        let replan = try #require(first.replan)
        let home = Coordinate(lat: first.trainer.lat, lon: first.trainer.lon)
        #expect(TravelCost.haversineKm(home, F.dresden) < 100, "first: \(first.trainer.home)")
        #expect(replan.plan.served == 5 && replan.newlyServed == ["bautzen", "dresden", "goerlitz"])
        // Every exact re-plan of a home far from Saxony serves less.
        for other in run.result.candidates.dropFirst() {
            guard let r = other.replan else { continue }
            if TravelCost.haversineKm(Coordinate(lat: other.trainer.lat, lon: other.trainer.lon), F.dresden) > 300 {
                #expect(r.plan.weightedServed < replan.plan.weightedServed, "\(other.trainer.home)")
            }
        }

        // The re-plan is a valid plan of the scenario with that trainer, and its pairs are the new trainer's packages.
        let best = try #require(run.best)
        #expect(best.trainer == first.trainer)
        let added = HypotheticalTrainer.adding(best.trainer.trainer, to: scenario)
        #expect(PlanChecker(scenario: added, previous: base).check(best.plan).isEmpty)
        let packages = best.plan.packages.filter { $0.trainers.contains(best.trainer.id) }
        #expect(replan.pairs.flatMap(\.municipalities).sorted() == packages.map(\.municipality).sorted())
        #expect(!replan.pairs.isEmpty && replan.pairs.allSatisfy { ["anna", "bert", "carla"].contains($0.partner) })

        // An independent solve with that trainer (no previous plan) serves the claimed count.
        let independent = try Planner(scenario: added).plan(using: solver, timeLimitSeconds: 10)
        #expect(F.served(independent, added).count == replan.plan.served)
    }

    @Test func greedyCountMatchesBruteForce() throws {
        let scenario = try F.load(F.scarce)
        let solver = GLPKSolver()
        let base = try Planner(scenario: scenario).plan(using: solver, timeLimitSeconds: 10)
        #expect(F.served(base, scenario).count == 2)
        let homes = ["Köln", "Hamburg", "Dresden", "Görlitz"].map(F.home)
        var search = RecruitmentSearch(scenario: scenario, base: base, solver: solver, homes: homes, places: homes,
                                       maxPackages: 2, maxDaysPerMonth: 8)
        search.maxAdded = 3
        let run = try search.run(seconds: 60)
        let greedy = run.result.greedy
        #expect(greedy.stopped == "all_served" && greedy.leftOut.isEmpty, "\(greedy)")

        // Brute force: the fewest homes of the same list whose trainers together leave nothing out.
        func servesAll(_ subset: [HomeCandidate]) throws -> Bool {
            var s = scenario
            for home in subset { s.trainers.append(HypotheticalTrainer.make(at: home, in: s, maxPackages: 2, maxDaysPerMonth: 8)) }
            return F.served(try Planner(scenario: s).plan(using: solver, timeLimitSeconds: 10), s).count == s.requests.count
        }
        var fewest: Int?
        search: for k in 0...3 {
            for subset in subsets(of: homes, size: k) where try servesAll(subset) { fewest = k; break search }
        }
        #expect(fewest == 2)
        #expect(greedy.steps.count == fewest)

        // The greedy plan passes the checker with every added trainer.
        var all = scenario
        for step in greedy.steps { all.trainers.append(step.trainer.trainer) }
        let plan = try #require(run.greedyPlan)
        #expect(PlanChecker(scenario: all).check(plan).isEmpty)
        #expect(F.served(plan, all).count == 4)
    }

    @Test func spreadHomesCoverTheCountry() {
        let homes = HomeCandidates.spread(F.places(), count: 12)
        #expect(homes.count == 12)
        #expect(homes.first?.name == "Berlin")
        for (i, a) in homes.enumerated() {
            for b in homes[(i + 1)...] { #expect(TravelCost.haversineKm(a.location, b.location) > 80, "\(a.name)–\(b.name)") }
        }
        #expect(Set(homes.map(\.state)).count >= 8)
    }

    @Test func addedTrainersGetFreshIds() throws {
        let scenario = try F.load(F.scarce)
        let frankfurt = HomeCandidate(name: "Frankfurt am Main", state: .HE, location: Coordinate(lat: 50.11, lon: 8.68), source: "spread")
        let first = HypotheticalTrainer.make(at: frankfurt, in: scenario, maxPackages: 3, maxDaysPerMonth: nil)
        #expect(first.id == "new-frankfurt-am-main")
        let second = HypotheticalTrainer.make(at: frankfurt, in: HypotheticalTrainer.adding(first, to: scenario), maxPackages: 3, maxDaysPerMonth: nil)
        #expect(second.id == "new-frankfurt-am-main-2")
        #expect(HypotheticalTrainer.make(at: F.home("Köln"), in: scenario, maxPackages: nil, maxDaysPerMonth: nil).id == "new-koeln")
    }

    private func subsets<T>(of items: [T], size: Int) -> [[T]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let head = items[0], tail = Array(items.dropFirst())
        return subsets(of: tail, size: size - 1).map { [head] + $0 } + subsets(of: tail, size: size)
    }
}
