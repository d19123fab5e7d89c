import Foundation
import Optimization
@testable import Planning
import Testing

/// `PlanRun` keeps the command's time limit whatever the planning work does: it stops waiting at
/// the deadline or soon after Ctrl-C and tells the work to stop; `BestPlanSoFar` then gives the
/// plan to write. No test here depends on how fast anything runs: the work blocks until released.
@Suite struct PlanRunTests {
    static func scenario() -> Scenario {
        let trainers = [(50.93333, 6.95), (50.73438, 7.09549), (51.22172, 6.77616)].enumerated().map { i, home in
            Trainer(id: "t\(i)", name: "T\(i)", home: Coordinate(lat: home.0, lon: home.1), maxPackages: 3)
        }
        let requests = (0..<3).map {
            Request(id: "r\($0)", name: "R\($0)", state: .NW, location: Coordinate(lat: 50.9 + 0.05 * Double($0), lon: 7.0), participants: 20)
        }
        return Scenario(name: "small", planningStart: Day(iso: "2027-01-01")!,
                        horizon: Day(iso: "2027-03-01")!...Day(iso: "2027-03-31")!, trainers: trainers, requests: requests)
    }

    /// Work that runs until the test releases it (or until asked to stop, when `obeys`).
    final class Blocking: @unchecked Sendable {
        let release = DispatchSemaphore(value: 0)
    }

    @Test func workThatOverrunsIsLeftAndToldToStop() throws {
        let stop = Cancellation()
        let blocking = Blocking()
        let result = try PlanRun.run(deadline: .now + .milliseconds(100), interrupt: nil, stop: stop) {
            blocking.release.wait()
            throw CancellationError()
        }
        #expect(result == nil)
        #expect(stop.isCancelled)
        blocking.release.signal()
    }

    @Test func ctrlCEndsTheWaitAfterTheGraceEvenIfTheWorkIgnoresIt() throws {
        let interrupt = Cancellation(), stop = Cancellation()
        let blocking = Blocking()
        interrupt.cancel()
        let result = try PlanRun.run(deadline: .now + .seconds(3600), interrupt: interrupt, stop: stop, grace: .milliseconds(50)) {
            blocking.release.wait()
            throw CancellationError()
        }
        #expect(result == nil)
        #expect(stop.isCancelled)
        blocking.release.signal()
    }

    @Test func workThatFinishesGivesItsPlanAndErrors() throws {
        let plan = try PlanRun.run(deadline: .now + .seconds(3600), interrupt: nil, stop: Cancellation()) {
            let planner = Planner(scenario: Self.scenario())
            return PlanAssembler(planner: planner).plan(choices: planner.greedy(), solver: SolverReport(
                name: "test", status: .feasible, objective: nil, bound: nil, gap: nil, seconds: 0))
        }
        #expect(plan?.packages.count == 3)
        #expect(throws: CancellationError.self) {
            _ = try PlanRun.run(deadline: .now + .seconds(3600), interrupt: nil, stop: Cancellation()) { throw CancellationError() }
        }
    }

    /// The best plan so far is the cheapest one offered; it is `optimal` only when a bound meets it.
    @Test func bestPlanSoFarKeepsTheCheapestAndIsHonestAboutIt() throws {
        let planner = Planner(scenario: Self.scenario())
        let best = BestPlanSoFar()
        #expect(best.plan(solverName: "glpk", seconds: 1) == nil)
        let greedy = planner.greedy()
        let value = PlanAssembler(planner: planner).objectiveTerms(greedy).total
        best.offer(greedy, objective: value, planner: planner)
        best.offer(Array(greedy.prefix(1)), objective: value + 1000, planner: planner)   // dearer: ignored
        let plan = try #require(best.plan(solverName: "glpk", seconds: 1))
        #expect(plan.packages.count == greedy.count)
        #expect(plan.solver.status == .feasible)
        #expect(plan.solver.bound == nil)
        best.raise(bound: value - 100)
        best.raise(bound: value - 500)                                                     // lower: ignored
        #expect(try #require(best.plan(solverName: "glpk", seconds: 1)).solver.status == .feasible)
        best.raise(bound: value)
        let proven = try #require(best.plan(solverName: "glpk", seconds: 1))
        #expect(proven.solver.status == .optimal)
        #expect(proven.solver.objective == proven.solver.bound)
    }

    /// GLPK may prove a plan optimal on the exact model while the relaxation's bound lies below
    /// it: the plan then states its objective as its bound, as `check` requires of `optimal`.
    @Test func anOptimalPlanStatesItsObjectiveAsItsBound() throws {
        let planner = Planner(scenario: Self.scenario())
        let greedy = planner.greedy()
        let value = PlanAssembler(planner: planner).objectiveTerms(greedy).total
        let report = SolverReport(name: "glpk", status: .optimal, objective: nil, bound: value - 250, gap: nil, seconds: 1)
        let plan = PlanAssembler(planner: planner).plan(choices: greedy, solver: report, explainUntil: .now)
        #expect(plan.solver.bound == plan.solver.objective)
        #expect(plan.solver.gap == 0)
    }
}

/// Issue 15.4: Ctrl-C while the model is being built. The building steps (relaxations, column
/// selection, the model) went on for seconds after Ctrl-C, taking a core from the writing.
@Suite struct CancelledBuildingTests {
    @Test func aCancelledPlannerStopsBuildingAndGivesTheGreedyStart() throws {
        let planner = Planner(scenario: PlanRunTests.scenario())
        let cancelled = Cancellation()
        cancelled.cancel()
        #expect(throws: CancellationError.self) {
            _ = try planner.prepare(solver: UnusedSolver(), timeLimitSeconds: 10, start: planner.greedy(), cancellation: cancelled)
        }
        let plan = try planner.plan(using: UnusedSolver(), timeLimitSeconds: 10, cancellation: cancelled)
        #expect(plan.solver.rows == nil, "no model was built")
        #expect(plan.packages.count == planner.greedy().count)
    }

    /// The command and the planner's thread both ask for the plan after Ctrl-C: it is made once.
    @Test func bestPlanSoFarAssemblesOnce() throws {
        let planner = Planner(scenario: PlanRunTests.scenario())
        let best = BestPlanSoFar()
        let greedy = planner.greedy()
        best.offer(greedy, objective: PlanAssembler(planner: planner).objectiveTerms(greedy).total, planner: planner)
        let first = try #require(best.plan(solverName: "glpk", seconds: 1, explainUntil: .now))
        let second = try #require(best.plan(solverName: "glpk", seconds: 2, explainUntil: .now))
        #expect(second.solver.seconds == 2)
        var same = second
        same.solver.seconds = first.solver.seconds
        #expect(same == first)
    }
}

/// A solver that must not be reached: every call is a failed test.
private struct UnusedSolver: Solver {
    var name: String { "unused" }
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        Issue.record("the solver was called after cancellation")
        throw CancellationError()
    }
    func solveRelaxation(_ model: Model, timeLimitSeconds: Double, searchSeconds: Double) throws -> RelaxationResult? {
        Issue.record("a relaxation was solved after cancellation")
        return nil
    }
}
