import GLPKBackend
@testable import Planning
import Testing

/// The local search improves without breaking rules, holds every request it does not free where
/// it is, and says `provenOptimal` only with the true optimum.
struct NeighbourhoodSearchTests {
    /// Six requests near Köln, four trainers with one package each (CapacityBoundTests), with
    /// narrow gaps so that the package model keeps every combination (it is exact).
    static var scenario: Scenario {
        var s = CapacityBoundTests.scenario()
        s.rules.prepGap = GapRule(min: 14, max: 16, target: 15)
        s.rules.followupGap = GapRule(min: 28, max: 31, target: 29)
        return s
    }
    static var planner: Planner { Planner(scenario: scenario) }

    @Test func improvesTheGreedyPlanAndBreaksNoRule() throws {
        let planner = Self.planner
        let assembler = PlanAssembler(planner: planner)
        let start = planner.greedy()
        let search = NeighbourhoodSearch(planner: planner)
        let outcome = try search.improve(start, using: GLPKSolver(), until: .now + .seconds(60))
        #expect(outcome.objective <= assembler.objectiveTerms(start).total + Tolerance.cent)
        #expect(abs(outcome.objective - assembler.objectiveTerms(outcome.choices).total) < 1e-6)
        let plan = assembler.plan(choices: outcome.choices, solver: SolverReport(name: "glpk", status: .feasible, objective: nil,
                                                                                bound: nil, gap: nil, seconds: 0))
        #expect(PlanChecker(scenario: Self.scenario).check(plan).isEmpty)
    }

    /// All six requests fit one sub-model with every combination: the search proves the optimum,
    /// the same value as the whole package model solved to optimality.
    @Test func provenOptimalMeansTheOptimum() throws {
        let planner = Self.planner
        let outcome = try NeighbourhoodSearch(planner: planner).improve(planner.greedy(), using: GLPKSolver(), until: .now + .seconds(60))
        #expect(outcome.provenOptimal)
        let model = planner.buildModel()
        let exact = model.isExact
        #expect(exact)
        let result = try GLPKSolver().solve(model.model, parameters: .init(timeLimitSeconds: 60, relativeGap: 0))
        #expect(result.status == .optimal)
        let values = try #require(result.values)
        let optimum = PlanAssembler(planner: planner).objectiveTerms(model.choices(from: values)).total
        #expect(abs(outcome.objective - optimum) < Tolerance.cent, "search \(outcome.objective), optimum \(optimum)")
    }

    /// A sub-model frees only the requests asked for: every other request keeps its one package (or none).
    @Test func aSubproblemHoldsTheOtherRequestsWhereTheyAre() {
        let planner = Self.planner
        let plan = planner.greedy()
        let byRequest = Dictionary(uniqueKeysWithValues: plan.map { ($0.request, $0) })
        let free: Set<Int> = [plan[0].request, (0..<planner.candidates.count).first { byRequest[$0] == nil } ?? plan[0].request]
        for near in [false, true] {
            let sub = NeighbourhoodSearch(planner: planner).subproblem(freeing: free, plan: plan, preferNearDays: near)
            let choices = sub.model.columnChoices.compactMap { $0 }
            for m in planner.candidates.indices where !free.contains(m) {
                let theirs = choices.filter { $0.request == m }
                #expect(theirs == (byRequest[m].map { [$0] } ?? []), "request \(m)")
            }
            // The freed requests keep their current package among their columns.
            for m in free { if let current = byRequest[m] { #expect(choices.contains(current)) } }
        }
    }

    @Test func theSameSeedGivesTheSameResult() throws {
        let planner = Self.planner
        var search = NeighbourhoodSearch(planner: planner)
        search.seed = 42
        let a = try search.improve(planner.greedy(), using: GLPKSolver(), until: .now + .seconds(60))
        let b = try search.improve(planner.greedy(), using: GLPKSolver(), until: .now + .seconds(60))
        #expect(a.objective == b.objective)
        #expect(a.rounds == b.rounds)
    }
}
