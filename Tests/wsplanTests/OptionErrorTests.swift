import Foundation
import Testing

/// Issue 15.8, probed again: option errors exit 64 (README's table) with a sentence about the
/// option itself, and an output file that cannot be written says why.
@Suite struct OptionErrorTests {
    static let scenario = WSPlanBinary.repository.appendingPathComponent("Scenarios/2027-Q1.yaml").path

    /// A negative number was read as an unknown option: "Missing value for '--time-limit'".
    @Test(arguments: [["solve", scenario, "--time-limit", "-1"], ["solve", scenario, "--mip-gap", "-0.1"],
                      ["solve", scenario, "--prep-alternatives", "-3"],
                      ["generate", "--requests", "-5", "--trainers", "3", "--seed", "1", "--out", "/tmp/never-written.yaml"],
                      ["explain", scenario, "jena", "--max-resolves", "-1"], ["serve", "--port", "-1"]])
    func aNegativeValueIsJudgedAsAValue(_ arguments: [String]) throws {
        let run = try WSPlanBinary.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("Missing value"), "\(arguments): \(run.stderr)")
    }

    /// `generate --out FOLDER` said "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
    @Test func generateIntoAFolderSaysSo() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try WSPlanBinary.run(["generate", "--requests", "5", "--trainers", "3", "--seed", "1", "--out", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is a folder") && !run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }

    /// An unknown municipality for `explain`: a clean sentence (it had a stray parenthesis).
    @Test func explainOfAnUnknownMunicipality() throws {
        let run = try WSPlanBinary.run(["explain", Self.scenario, "jenna", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("did you mean \"jena\"") && !run.stderr.contains("\")?"), "\(run.stderr)")
    }
}
