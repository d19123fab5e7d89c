import GLPKBackend
import Optimization
import Testing

/// Tiny problems whose optima are derived by hand.
struct GLPKSolverTests {
    let parameters = SolveParameters(timeLimitSeconds: 10, relativeGap: 0)

    /// max 5a + 4b + 3c subject to 2a + 3b + c ≤ 5: taking a and b (weight 5) gives 9; every other feasible set less.
    @Test func knapsackOptimum() throws {
        var model = Model()
        let a = model.addBinary("a", objective: -5), b = model.addBinary("b", objective: -4), c = model.addBinary("c", objective: -3)
        model.addConstraint("weight", [.init(a, 2), .init(b, 3), .init(c, 1)], upper: 5)
        let result = try GLPKSolver().solve(model, parameters: parameters)
        #expect(result.status == .optimal)
        #expect(result.termination == .completed)
        #expect(result.objective == -9)
        #expect(result.values == [1, 1, 0])
        #expect(result.bound == -9)
    }

    @Test func infeasibleModelIsReportedAsInfeasible() throws {
        var model = Model()
        let x = model.addBinary("x", objective: 1), y = model.addBinary("y", objective: 1)
        model.addConstraint("tooMuch", [.init(x, 1), .init(y, 1)], lower: 3)
        let result = try GLPKSolver().solve(model, parameters: parameters)
        #expect(result.status == .infeasible)
        #expect(result.values == nil)
    }

    /// An integer column with a fractional lower bound is rounded up (GLPK would reject 1.5); the constant counts.
    @Test func integerBoundsAndConstant() throws {
        var model = Model()
        model.objectiveConstant = 10
        let x = model.addVariable("x", lower: 1.5, upper: 7.2, kind: .integer, objective: 1)
        let y = model.addVariable("y", lower: 0, upper: .infinity, objective: 2)
        model.addConstraint("sum", [.init(x, 1), .init(y, 1)], equals: 4.5)
        let result = try GLPKSolver().solve(model, parameters: parameters)
        #expect(result.status == .optimal)
        // x = 4 (cheaper than y), y = 0.5: 10 + 4 + 1 = 15.
        #expect(result.values == [4, 0.5])
        #expect(result.objective == 15)
    }

    /// A start solution is accepted and the search still ends at the true optimum.
    /// Knapsack values 10, 13, 7, 8, 9 with weights 5, 7, 4, 4, 5 and capacity 13 (fractional LP):
    /// by hand, {0, 2, 3} (weight 13, value 25) beats {0, 1} (23), {2, 3, 4} (24), {1, 3} (21).
    @Test func injectedStartIsUsed() throws {
        var model = Model()
        let values = [10.0, 13, 7, 8, 9], weights = [5.0, 7, 4, 4, 5]
        let vars = values.indices.map { model.addBinary("x\($0)", objective: -values[$0]) }
        model.addConstraint("capacity", LinearExpression(zip(vars, weights).map { .init($0, $1) }), upper: 13)
        var withStart = parameters
        withStart.start = [0, 1, 0, 1, 0]   // value 21, feasible
        let lines = LogLines()
        withStart.log = { lines.append($0) }
        let result = try GLPKSolver().solve(model, parameters: withStart)
        #expect(result.status == .optimal)
        #expect(result.objective == -25)
        #expect(lines.all.contains { $0.contains("start solution accepted") })
    }

    /// A name longer than GLPK's 255 characters or with spaces must not abort the process.
    @Test func awkwardNamesAreSafe() throws {
        var model = Model()
        let x = model.addBinary(String(repeating: "ü x", count: 200), objective: -1)
        model.addConstraint(String(repeating: "row ", count: 100), [.init(x, 1)], upper: 1)
        let result = try GLPKSolver().solve(model, parameters: parameters)
        #expect(result.objective == -1)
    }
}

/// Collects log lines from GLPK's hooks (called on the solving thread).
final class LogLines: @unchecked Sendable {
    private var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
    var all: [String] { lines }
}
