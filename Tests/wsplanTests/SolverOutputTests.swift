import Foundation
import Testing

/// GLPK's terminal output never reaches stdout (which may carry data): with `--verbose` it goes to
/// stderr, and `glp_write_mps`'s own messages go nowhere.
@Suite(.serialized) struct SolverOutputTests {
    @Test func glpkNeverWritesToStdout() throws {
        let out = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let scenario = WSPlanBinary.repository.appendingPathComponent("Tests/oracle/scenarios/s1_spring_holidays.yaml").path
        let mps = out.appendingPathComponent("model.mps").path
        let solve = try WSPlanBinary.run(["solve", scenario, "--out", out.appendingPathComponent("plan").path,
                                          "--time-limit", "10", "--write-model", mps, "--verbose"])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stdout.isEmpty, "stdout: \(solve.stdout.prefix(500))")
        #expect(solve.stderr.contains("mip ="), "GLPK's log goes to stderr with --verbose")
        #expect(!solve.stderr.contains("Writing problem data"), "glp_write_mps's chatter is dropped")
        let model = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(model.contains("ROWS") && model.contains("COLUMNS"))
    }
}
