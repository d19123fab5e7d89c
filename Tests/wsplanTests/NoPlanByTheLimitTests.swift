import Foundation
import Testing

/// Issue 15.4: "when the limit is too short for anything better, the greedy plan or `no_plan`
/// honestly". At the generator's largest size a short limit comes before even the greedy plan:
/// `solve` then writes nothing (an earlier folder stays as it was), says so in one line – also
/// as the `not_written` event of `--progress json`, which scripts read – and exits 1.
@Suite(.serialized) struct NoPlanByTheLimitTests {
    @Test func noPlanByTheLimitIsSaidAndNothingIsWritten() throws {
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = work.appendingPathComponent("max.yaml").path
        let generated = try WSPlanBinary.run(["generate", "--requests", "1762", "--trainers", "60", "--seed", "1", "--out", scenario])
        #expect(generated.status == 0, "\(generated.stderr)")
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("earlier\n".utf8).write(to: out.appendingPathComponent("keep.txt"))

        let json = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "0.2", "--progress", "json"])
        #expect(json.status == 1, "\(json.stderr)")
        let events = json.stderr.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        let notWritten = try #require(events.first { $0["event"] as? String == "not_written" }, "\(json.stderr)")
        let text = try #require(notWritten["text"] as? String)
        #expect(text.contains("no plan") && text.contains("--time-limit"), "\(text)")
        #expect(!events.contains { $0["event"] as? String == "written" })

        let plain = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "0.2", "--quiet"])
        #expect(plain.status == 1 && plain.stderr.contains("wsplan: no plan:"), "\(plain.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["keep.txt"])
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("keep.txt").path) == Data("earlier\n".utf8))
    }
}
