import CGLPK
import CGLPKGuard
import Foundation
@testable import GLPKBackend
import Optimization
import Testing

/// GLPK's fatal errors, caught by the guard: thrown, not aborting, and the next solve still works.
@Suite(.serialized) struct GLPKGuardTests {
    let parameters = SolveParameters(timeLimitSeconds: 10, relativeGap: 0)

    /// max 5a + 4b + 3c subject to 2a + 3b + c ≤ 5: the optimum takes a and b (value 9).
    func knapsack() -> Model {
        var model = Model()
        let a = model.addBinary("a", objective: -5), b = model.addBinary("b", objective: -4), c = model.addBinary("c", objective: -3)
        model.addConstraint("weight", [.init(a, 2), .init(b, 3), .init(c, 1)], upper: 5)
        return model
    }

    /// A duplicate column index in `glp_set_mat_row` makes GLPK call `abort()`; under the guard it
    /// comes back with GLPK's message, the environment is freed, and solving afterwards works.
    @Test func fatalErrorBecomesThrownErrorAndSolvingGoesOn() throws {
        let before = glpk_guard_generation()
        let survivor = try GLPKProblem(model: knapsack())   // lives in the environment the error frees
        #expect(survivor.isAlive)

        var fault = glpk_guard_fault()
        let code = glpk_guard_selftest_duplicate_index(nil, nil, &fault)
        #expect(code == -1)
        #expect(fault.failed == 1)
        #expect(glpk_guard_generation() == before + 1)
        #expect(throws: GLPKError.self) { try GLPKGuard.check(fault, call: "glp_set_mat_row") }
        do {
            try GLPKGuard.check(fault, call: "glp_set_mat_row")
        } catch .fatal(let call, let message) {
            #expect(call == "glp_set_mat_row")
            #expect(message.contains("duplicate column indices not allowed"), "\(message)")
            #expect(message.contains("Error detected in file"), "\(message)")
            #expect(GLPKError.fatal(call: call, message: message).description.hasPrefix("internal solver error: GLPK failed in glp_set_mat_row"))
        } catch {
            Issue.record("unexpected \(error)")
        }

        // The old problem went with the environment: it must not be used or deleted again.
        #expect(!survivor.isAlive)
        #expect(throws: GLPKError.problemFreed) { _ = try GLPKGuard.simplex(survivor, glp_smcp(), output: .silent) }

        let result = try GLPKSolver().solve(knapsack(), parameters: parameters)
        #expect(result.status == .optimal)
        #expect(result.objective == -9)
        #expect(try GLPKSolver().solveRelaxation(knapsack(), timeLimitSeconds: 5, searchSeconds: 1)?.bound == -9)
    }

    /// The error path's text reaches the output hook (the log), not stdout.
    @Test func fatalErrorTextReachesTheOutputHook() {
        let lines = LogLines()
        let pointer = Unmanaged.passRetained(lines).toOpaque()
        defer { Unmanaged<LogLines>.fromOpaque(pointer).release() }
        var fault = glpk_guard_fault()
        _ = glpk_guard_selftest_duplicate_index({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<LogLines>.fromOpaque(info).takeUnretainedValue().append(String(cString: text))
            return 1
        }, pointer, &fault)
        #expect(fault.failed == 1)
        #expect(lines.all.contains { $0.contains("duplicate column indices not allowed") })
    }

    /// Several failures in a row each free and renew the environment.
    @Test func repeatedFailuresAreEachCaught() throws {
        for _ in 0..<3 {
            var fault = glpk_guard_fault()
            #expect(glpk_guard_selftest_duplicate_index(nil, nil, &fault) == -1)
            #expect(fault.failed == 1)
            #expect(try GLPKSolver().solve(knapsack(), parameters: parameters).objective == -9)
        }
    }

    /// `--write-model`'s path: written when possible, false (not a crash) for a missing folder.
    @Test func writeMPSReportsFailureWithoutCrashing() throws {
        let path = "/tmp/wsplan-guard-test-\(UInt32.random(in: 0...UInt32.max)).mps"
        #expect(try GLPKSolver().writeMPS(knapsack(), to: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("weight"))
        try? FileManager.default.removeItem(atPath: path)
        #expect(try GLPKSolver().writeMPS(knapsack(), to: "/nonexistent-folder/model.mps") == false)
    }
}
