import GLPKBackend
import Optimization
@testable import Planning
import Testing

/// Reduced-cost fixing may drop a column only when every plan using it costs more than the
/// incumbent: the optimum always survives, the kept plan always survives, and the dual bound is
/// a valid bound.
struct ReducedCostFixingTests {
    static var scenario: Scenario { NeighbourhoodSearchTests.scenario }

    static func optimum(_ planner: Planner) throws -> (choices: [PackageChoice], objective: Double) {
        let model = planner.buildModel()
        let result = try GLPKSolver().solve(model.model, parameters: .init(timeLimitSeconds: 60, relativeGap: 0))
        let solved = result.status == .optimal && model.isExact
        try #require(solved)
        let values = try #require(result.values)
        let choices = model.choices(from: values)
        return (choices, PlanAssembler(planner: planner).objectiveTerms(choices).total)
    }

    static func fixings(_ planner: Planner) throws -> [ReducedCostFixing] {
        var fixings: [ReducedCostFixing] = []
        let timeIndexed = planner.buildTimeIndexed(.workshops)
        let lp = try #require(try GLPKSolver().solveRelaxation(timeIndexed.model, timeLimitSeconds: 60, searchSeconds: 0))
        let duals = try #require(lp.rowDuals)
        let dual = try #require(DualBound(model: timeIndexed.model, rowDuals: duals))
        fixings.append(ReducedCostFixing(relaxation: timeIndexed, dualBound: dual))
        let assignment = planner.assignmentRelaxation()
        let lp2 = try #require(try GLPKSolver().solveRelaxation(assignment.model, timeLimitSeconds: 60, searchSeconds: 0))
        let duals2 = try #require(lp2.rowDuals)
        let dual2 = try #require(DualBound(model: assignment.model, rowDuals: duals2))
        fixings.append(ReducedCostFixing(assignment: assignment, dualBound: dual2))
        return fixings
    }

    @Test func theOptimumSurvivesFixingAtTheOptimum() throws {
        let planner = Planner(scenario: Self.scenario)
        let (optimal, value) = try Self.optimum(planner)
        for fixing in try Self.fixings(planner) {
            #expect(fixing.dualBound.value <= value + Tolerance.cent, "a bound above the optimum")
            let selection = try #require(fixing.selection(atMost: value, keeping: [], requests: planner.candidates.count))
            for choice in optimal {
                #expect(selection.keeps(request: choice.request, pair: choice.pair, day: choice.workshop),
                        "pair level \(fixing.isPairLevel): the optimum's \(choice) was fixed away")
            }
        }
    }

    @Test func theKeptPlanSurvivesAnyIncumbent() throws {
        let planner = Planner(scenario: Self.scenario)
        let greedy = planner.greedy()
        for fixing in try Self.fixings(planner) {
            // An incumbent at the bound leaves only what cannot cost more, and the plan asked to be kept.
            guard let selection = fixing.selection(atMost: fixing.dualBound.value, keeping: greedy, requests: planner.candidates.count)
            else { continue }
            for choice in greedy { #expect(selection.keeps(request: choice.request, pair: choice.pair, day: choice.workshop)) }
        }
    }

    /// A looser incumbent never keeps fewer columns.
    @Test func aDearerIncumbentKeepsMore() throws {
        let planner = Planner(scenario: Self.scenario)
        let (_, value) = try Self.optimum(planner)
        for fixing in try Self.fixings(planner) {
            let tight = try #require(fixing.selection(atMost: value, keeping: [], requests: planner.candidates.count))
            let loose = try #require(fixing.selection(atMost: value * 2 + 1000, keeping: [], requests: planner.candidates.count))
            for (m, candidate) in planner.candidates.enumerated() {
                for option in candidate.options {
                    for day in option.workshopDays where tight.keeps(request: m, pair: option.pair, day: day) {
                        #expect(loose.keeps(request: m, pair: option.pair, day: day))
                    }
                }
            }
        }
    }
}
