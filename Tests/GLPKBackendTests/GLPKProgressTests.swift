import Foundation
import GLPKBackend
import Optimization
import Testing

/// The search reports its state to `SolveParameters.progress` and stops on a `Cancellation`.
struct GLPKProgressTests {
    /// A knapsack big enough to branch: 40 items, values and weights from a fixed rule, capacity half the weight.
    func knapsack(items: Int = 40) -> Model {
        var model = Model()
        var weight = LinearExpression([])
        var total = 0.0
        for i in 0..<items {
            let w = Double(17 + (i * 37) % 23), v = Double(11 + (i * 53) % 29)
            weight.add(model.addBinary("x\(i)", objective: -v), w)
            total += w
        }
        model.addConstraint("capacity", weight, upper: (total / 2).rounded() + 0.5)
        return model
    }

    @Test func searchReportsIncumbentAndBoundOnTheModelsScale() throws {
        let reports = Reports()
        var parameters = SolveParameters(timeLimitSeconds: 20, relativeGap: 0)
        parameters.progress = { reports.append($0) }
        let result = try GLPKSolver().solve(knapsack(), parameters: parameters)
        #expect(result.status == .optimal)
        let all = reports.all
        #expect(!all.isEmpty)
        #expect(all.allSatisfy { $0.phase == .solving && $0.size == ModelSize(rows: 1, columns: 40, nonZeros: 40) })
        let objective = try #require(result.objective)
        // Every incumbent is a feasible plan's value, so never better than the optimum; every bound is below it.
        for report in all {
            if let incumbent = report.incumbent { #expect(incumbent >= objective - 1e-6) }
            if let bound = report.bound { #expect(bound <= objective + 1e-6) }
        }
        #expect(all.contains { $0.incumbent != nil })
        #expect(zip(all, all.dropFirst()).allSatisfy { $1.elapsed >= $0.elapsed })
    }

    @Test func cancelledBeforeTheSearchReturnsInterruptedWithoutSolution() throws {
        let cancellation = Cancellation()
        cancellation.cancel()
        var parameters = SolveParameters(timeLimitSeconds: 20, relativeGap: 0)
        parameters.cancellation = cancellation
        let result = try GLPKSolver().solve(knapsack(), parameters: parameters)
        #expect(result.termination == .interrupted)
        #expect(result.status == .none)
        #expect(result.values == nil)
    }

    /// Cancelled from the progress callback once a plan is known: the search stops with that plan,
    /// not proven. The model (three knapsack rows over 120 items, values unrelated to weights) GLPK
    /// seconds of branching to prove (without the cancellation this test fails: `completed`, `optimal`).
    @Test func cancelledDuringTheSearchKeepsTheIncumbent() throws {
        let cancellation = Cancellation()
        var parameters = SolveParameters(timeLimitSeconds: 60, relativeGap: 0)
        parameters.cancellation = cancellation
        parameters.progress = { if $0.incumbent != nil { cancellation.cancel() } }
        var model = Model()
        var rows = [LinearExpression([]), LinearExpression([]), LinearExpression([])]
        var totals = [0.0, 0.0, 0.0]
        for i in 0..<120 {
            let x = model.addBinary("x\(i)", objective: -Double(100 + (i * 7_919) % 997))
            for r in 0..<3 {
                let w = Double(50 + (i * (r + 3) * 104_729 + r * 31) % 911)
                rows[r].add(x, w)
                totals[r] += w
            }
        }
        for r in 0..<3 { model.addConstraint("capacity\(r)", rows[r], upper: (totals[r] / 2).rounded()) }
        let result = try GLPKSolver().solve(model, parameters: parameters)
        #expect(result.termination == .interrupted, "the search must stop because of the cancellation")
        #expect(result.status == .feasible)
        let values = try #require(result.values)
        #expect(abs(model.objectiveValue(values) - result.objective!) < 1e-6)
    }

    @Test func cancellationIsSharedAcrossThreads() async {
        let cancellation = Cancellation()
        #expect(!cancellation.isCancelled)
        await Task.detached { cancellation.cancel() }.value
        #expect(cancellation.isCancelled)
    }
}

final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [SolverProgress] = []
    func append(_ report: SolverProgress) { lock.lock(); reports.append(report); lock.unlock() }
    var all: [SolverProgress] { lock.lock(); defer { lock.unlock() }; return reports }
}
