import Foundation
import Testing

/// A real fatal GLPK error inside `wsplan solve`, injected from outside the program: a preloaded
/// library replaces `glp_intopt` with one that misuses GLPK (a column twice in a row), which makes
/// GLPK call its error routine and, unguarded, `abort()`.
@Suite(.serialized) struct GLPKFailureTests {
    static let faultyIntopt = """
        #include <glpk.h>
        int glp_intopt(glp_prob *problem, const glp_iocp *parameters) {
            (void)problem; (void)parameters;
            glp_prob *bad = glp_create_prob();
            glp_add_cols(bad, 2);
            glp_add_rows(bad, 1);
            const int columns[] = {0, 1, 1};
            const double values[] = {0.0, 1.0, 1.0};
            glp_set_mat_row(bad, 1, 2, columns, values);
            return 0;
        }
        """

    /// Compiles the faulty `glp_intopt` into a shared library; nil (and the reason) without a compiler.
    static func buildPreload(in folder: URL) throws -> URL {
        let source = folder.appendingPathComponent("faulty_intopt.c"), library = folder.appendingPathComponent("faulty_intopt.so")
        try faultyIntopt.write(to: source, atomically: true, encoding: .utf8)
        let compile = Process()
        compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compile.arguments = [ProcessInfo.processInfo.environment["CC"] ?? "clang", "-shared", "-fPIC", "-o", library.path, source.path, "-lglpk"]
        try compile.run()
        compile.waitUntilExit()
        #expect(compile.terminationStatus == 0, "compiling the preload library failed")
        return library
    }

    @Test func glpkFatalErrorIsAnInternalErrorNotACrash() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try Self.buildPreload(in: folder)
        let out = folder.appendingPathComponent("out")
        let scenario = WSPlanBinary.repository.appendingPathComponent("Tests/oracle/scenarios/s1_spring_holidays.yaml").path

        let process = Process()
        process.executableURL = WSPlanBinary.url
        process.arguments = ["solve", scenario, "--out", out.path, "--time-limit", "10"]
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_PRELOAD": library.path]) { $1 }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let outText = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "wsplan must exit, not die of a signal: \(errText)")
        #expect(process.terminationStatus == 70, "\(errText)")
        #expect(errText.contains("wsplan: internal solver error: GLPK failed in glp_intopt: glp_set_mat_row: i = 1; ind[2] = 1; duplicate column indices not allowed"), "\(errText)")
        #expect(errText.contains("nothing was written"))
        #expect(outText.isEmpty, "GLPK's error text must not reach stdout: \(outText)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }
}
