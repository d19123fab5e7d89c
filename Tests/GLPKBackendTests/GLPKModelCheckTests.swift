import CGLPK
@testable import GLPKBackend
@testable import Optimization
import Testing

/// Models GLPK would abort on are refused with a thrown error naming every problem.
struct GLPKModelCheckTests {
    let parameters = SolveParameters(timeLimitSeconds: 10, relativeGap: 0)

    /// The problems `solve` throws for `model` (none when it solves).
    func problems(_ model: Model) -> [String] {
        do {
            _ = try GLPKSolver().solve(model, parameters: parameters)
            return []
        } catch .invalidModel(let problems) as GLPKError {
            return problems
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func coefficientThatIsNotANumber() {
        var model = Model()
        let x = model.addBinary("x")
        model.addConstraint("cap", [.init(x, .nan)], upper: 1)
        let found = problems(model)
        #expect(found.count == 1)
        #expect(found.first?.contains("row 'cap' (row 1): coefficient nan of column 1 is not finite") == true, "\(found)")
    }

    @Test func infiniteObjectiveAndConstant() {
        var model = Model()
        model.addBinary("x", objective: .infinity)
        model.objectiveConstant = -.infinity
        let found = problems(model)
        #expect(found == ["objective constant -inf is not finite"], "the constant is reported first, alone")
        model.objectiveConstant = 0
        #expect(problems(model) == ["variable 'x' (column 1): objective coefficient inf is not finite"])
    }

    @Test func variableIndexOutOfRange() {
        var model = Model()
        let x = model.addBinary("x")
        model.addConstraint("bad", [.init(x, 1), .init(VariableRef(index: -1), 1)], upper: 1)
        #expect(problems(model) == ["row 'bad' (row 1): refers to variable 0, but the model has 1"])
    }

    @Test func boundsThatAreNotUsable() {
        var model = Model()
        model.addVariable("high", lower: .infinity, upper: .infinity)
        model.addVariable("low", lower: -.infinity, upper: -.infinity)
        model.addConstraint("shifted", LinearExpression([], constant: .nan), upper: 1)
        #expect(problems(model) == [
            "variable 'high' (column 1): lower bound is +∞",
            "variable 'low' (column 2): upper bound is −∞",
            "row 'shifted' (row 1): bound is not a number ([nan, nan])",
        ])
    }

    /// An integer column needs an integer in its range; [1.2, 1.8] has none.
    @Test func integerColumnWithoutIntegerValue() {
        var model = Model()
        model.addVariable("n", lower: 1.2, upper: 1.8, kind: .integer)
        #expect(problems(model) == ["variable 'n' (column 1): no integer value within [1.2, 1.8]"])
    }

    /// Bounds off an integer by rounding noise are not pushed to the next integer.
    @Test func integerBoundsWithRoundingNoise() throws {
        let data = try GLPKProblemData(variables: [
            Variable(name: "n", lower: 2 - 1e-12, upper: 5 + 1e-12, kind: .integer, objective: 0),
            Variable(name: "b", lower: -1, upper: 3, kind: .binary, objective: 0),
        ], constraints: [], objectiveConstant: 0)
        #expect(data.columnLower == [2, 0])
        #expect(data.columnUpper == [5, 1])
        #expect(data.columnType == [GLP_DB, GLP_DB])
    }

    /// lb > ub cannot be built through `Model`, but a formulation bug elsewhere could produce it.
    @Test func lowerAboveUpper() {
        #expect(throws: GLPKError.invalidModel([
            "variable 'x' (column 1): lower bound 2.0 above upper bound 1.0",
            "row 'r' (row 1): lower bound 5.0 above upper bound 4.0",
        ])) {
            try GLPKProblemData(variables: [Variable(name: "x", lower: 2, upper: 1, kind: .continuous, objective: 0)],
                                constraints: [Constraint(name: "r", expression: [.init(VariableRef(index: 0), 1)], lower: 5, upper: 4)],
                                objectiveConstant: 0)
        }
    }

    /// GLPK aborts on a column twice in one row; the data merges them, and GLPK takes the result.
    @Test func duplicateIndicesInARowAreMerged() throws {
        let x = VariableRef(index: 0), y = VariableRef(index: 1)
        let data = try GLPKProblemData(
            variables: [Variable(name: "x", lower: 0, upper: 10, kind: .integer, objective: -1),
                        Variable(name: "y", lower: 0, upper: 10, kind: .continuous, objective: 0)],
            constraints: [Constraint(name: "twice", expression: [.init(x, 1), .init(y, 1), .init(x, 1)], lower: -.infinity, upper: 3),
                          Constraint(name: "again", expression: [.init(x, 1)], lower: -.infinity, upper: 9)],
            objectiveConstant: 0)
        #expect(data.ia == [0, 1, 1, 2])
        #expect(data.ja == [0, 1, 2, 1])
        #expect(data.ar == [0, 2, 1, 1])
        let problem = try GLPKProblem(data: data)
        #expect(glp_get_mat_row(problem.pointer, 1, nil, nil) == 2)
        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.presolve = GLP_ON
        iocp.msg_lev = GLP_MSG_OFF
        #expect(try GLPKGuard.intopt(problem, iocp, output: .silent) == 0)
        #expect(glp_mip_col_val(problem.pointer, 1) == 1)   // 2x ≤ 3 with x integer
    }

    /// Every problem at once, up to a limit, then a count.
    @Test func manyProblemsAreListedThenCounted() {
        var model = Model()
        for k in 0..<25 { model.addBinary("x\(k)", objective: .nan) }
        let found = problems(model)
        #expect(found.count == GLPKProblemData.listedProblems + 1)
        #expect(found.last == "… and 5 more")
    }

    /// GLPK takes names of at most 255 bytes, no control characters; MPS files no spaces.
    @Test func namesAreMadeAcceptable() throws {
        let long = GLPKProblemData.safeName(String(repeating: "Ü x", count: 200), fallback: "x1")
        #expect(long.utf8.count == 255)
        #expect(long.allSatisfy { $0.isASCII && $0 != " " })
        #expect(GLPKProblemData.safeName("", fallback: "r7") == "r7")
        #expect(GLPKProblemData.safeName("a\tb\u{0}c", fallback: "r7") == "a_b_c")
    }

    @Test func parametersGLPKWouldRejectAreRefused() {
        var model = Model()
        model.addBinary("x", objective: 1)
        #expect(throws: GLPKError.self) { try GLPKSolver().solve(model, parameters: SolveParameters(timeLimitSeconds: .nan, relativeGap: 0)) }
        #expect(throws: GLPKError.self) { try GLPKSolver().solve(model, parameters: SolveParameters(timeLimitSeconds: 5, relativeGap: -0.1)) }
        #expect(throws: GLPKError.self) { try GLPKSolver().solveRelaxation(model, timeLimitSeconds: .nan, searchSeconds: 0) }
        var options = GLPKOptions()
        options.proximitySearchSeconds = .nan
        #expect(throws: GLPKError.self) { try GLPKSolver(options: options).solve(model, parameters: parameters) }
    }

    /// A start of the wrong length would make `glp_ios_heur_sol` read past its end: refused.
    @Test func startOfWrongLengthIsRefused() {
        var model = Model()
        model.addBinary("x", objective: 1)
        var withStart = parameters
        withStart.start = [1, 0]
        #expect(throws: GLPKError.invalidParameters(["start solution has 2 values for 1 variables"])) {
            try GLPKSolver().solve(model, parameters: withStart)
        }
    }

    /// GLPK does not check an injected solution's feasibility: an infeasible start is not injected.
    @Test func infeasibleStartIsNotInjected() throws {
        var model = Model()
        let values = [10.0, 13, 7, 8, 9], weights = [5.0, 7, 4, 4, 5]
        let vars = values.indices.map { model.addBinary("x\($0)", objective: -values[$0]) }
        model.addConstraint("capacity", LinearExpression(zip(vars, weights).map { .init($0, $1) }), upper: 13)
        var withStart = parameters
        withStart.start = [1, 1, 1, 1, 1]   // weight 25 > 13, value 47: GLPK would take it as incumbent
        let lines = LogLines()
        withStart.log = { lines.append($0) }
        let result = try GLPKSolver().solve(model, parameters: withStart)
        #expect(result.status == .optimal)
        #expect(result.objective == -25)
        #expect(lines.all.contains { $0.contains("start solution not injected: row capacity = 25.0 lies outside [-inf, 13.0]") }, "\(lines.all)")
        #expect(!lines.all.contains { $0.contains("start solution accepted") })
    }
}
