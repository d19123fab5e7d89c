import Foundation
import GLPKBackend
import Planning
import Testing

/// The proof by reduced-cost fixing (`Planner+Proof`) must claim `optimal` only for the optimum:
/// a scenario whose package model is forced to be pruned is planned, and its objective compared
/// with GLPK's proven optimum of the complete package model of the same scenario.
struct ProofByFixingTests {
    /// The brute-force scenario with the default gap windows: many meeting days per workshop start.
    static func scenario() -> Scenario {
        var s = BruteForceOptimumTests.scenario()
        s.rules.prepGap = .preparationDefault
        s.rules.followupGap = GapRule(min: 150, max: 210, target: 182)
        s.horizon = Day(iso: "2027-01-04")!...Day(iso: "2027-01-15")!
        return s
    }

    /// With column generation off, the stages of `Planner.proof` must find and prove the optimum;
    /// with it on, the same optimum comes from pricing every package (price and branch, or the proof by pricing).
    @Test(arguments: [false, true]) func aPrunedModelIsProvenOptimalAtTheTrueOptimum(generatesColumns: Bool) throws {
        let s = Self.scenario()
        // The oracle: every column (the model is exact), solved to optimality by GLPK.
        var complete = FormulationOptions()
        complete.columnBudget = 10_000_000
        let exactPlanner = Planner(scenario: s, options: complete)
        #expect(exactPlanner.buildModel().isExact)
        let reference = try exactPlanner.plan(using: GLPKSolver(), timeLimitSeconds: 120, mipGap: 0)
        #expect(reference.solver.status == .optimal)

        // The same scenario with a column budget that forces the best dates only.
        var pruned = FormulationOptions()
        pruned.columnBudget = 300
        pruned.searchesLocally = false
        // From the greedy plan (one request left out: a 49,000 EUR gap) fixing removes little; let the proof take it all.
        pruned.proofPackagesUpTo = 100_000
        pruned.generatesColumns = generatesColumns
        let planner = Planner(scenario: s, options: pruned)
        let notes = Notes()
        let plan = try planner.plan(using: GLPKSolver(), timeLimitSeconds: 60, mipGap: 0, events: { event in
            if case .note(let text) = event { notes.append(text) }
        })
        let messages = notes.all
        #expect(plan.solver.status == .optimal)
        let objective = try #require(plan.solver.objective), optimum = try #require(reference.solver.objective)
        #expect(abs(objective - optimum) < 0.01, "proof path \(objective), complete model \(optimum)")
        #expect(PlanChecker(scenario: s).check(plan).isEmpty)
        // Without the local search, the greedy plan is not the optimum: the proof found and proved it.
        if generatesColumns {
            #expect(messages.contains { $0.hasPrefix("package model over every pair and date") }, "\(messages)")
        } else {
            #expect(messages.contains { $0.hasPrefix("proving with glpk") }, "\(messages)")
        }
        #expect(messages.contains { $0.hasPrefix("greedy start") && !$0.contains("\(cents(optimum))") }, "\(messages)")
    }
}

/// The planner's notes, collected from its (sendable) event callback.
private final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
