import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 7, part 2: mutated example scenarios never crash or hang wsplan; every broken input is
/// reported with a file and a sentence. Seeds are fixed, so a failing case replays from its number.
@Suite(.serialized) struct ScenarioFuzzTests {
    /// Thousands of mutations through the loader, in-process. A valid result also goes through
    /// the formulation's candidate search and the greedy plan (no GLPK), where absurd dates and
    /// numbers would trap on arithmetic.
    @Test func loaderSurvivesThousandsOfMutations() throws {
        let corpus = try FuzzCorpus(repository: WSPlanBinary.repository)
        var mutator = ScenarioMutator(seed: 0x5EED_0007)
        // WSPLAN_FUZZ_CASES raises the count for a longer hunt; CI runs the default.
        let cases = ProcessInfo.processInfo.environment["WSPLAN_FUZZ_CASES"].flatMap { Int($0) } ?? 2000
        var rejected = 0, accepted = 0, planned = 0
        let start = Date()
        for number in 0..<cases {
            let entry = corpus.entries[number % corpus.entries.count]
            let file = entry.files[(number / corpus.entries.count) % entry.files.count]
            let (bytes, kinds) = mutator.mutate(corpus.original(file, of: entry))
            try corpus.write(bytes, file: file, of: entry)
            defer { try? corpus.restore(file, of: entry) }
            do {
                let scenario = try ScenarioLoader.load(path: entry.folder.appendingPathComponent(entry.scenario).path)
                accepted += 1
                // The planner's own arithmetic on what the loader let through (a sample, for time).
                if accepted % 40 == 1 {
                    let planner = Planner(scenario: scenario, options: FormulationOptions(), previous: nil)
                    _ = planner.greedy()
                    planned += 1
                }
            } catch {
                rejected += 1
                #expect(!error.problems.isEmpty, "case \(number) (\(kinds)) threw without a problem")
                for problem in error.problems {
                    #expect(!problem.file.isEmpty && problem.message.count > 10, "case \(number): \(problem)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("fuzz: \(cases) cases, \(rejected) rejected, \(accepted) accepted (\(planned) planned greedily) in \(String(format: "%.1f", seconds)) s")
        #expect(rejected > cases / 3, "the mutations should break most inputs")
        #expect(accepted > 0, "some mutations (a duplicated comment, a swapped name) leave a valid scenario")
    }

    /// Mutations through the real binary: `solve` with a short time limit and `check`, each with a
    /// timeout. Exit 0 or 1 only (a signal or trap fails), on exit 1 a problem on stderr and no
    /// output folder.
    @Test func binarySurvivesMutationsWithinItsTimeLimit() throws {
        let corpus = try FuzzCorpus(repository: WSPlanBinary.repository)
        let work = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // Small scenarios keep each solve short; the bundled example joins for loading problems.
        let entries = corpus.entries.filter { $0.folder.lastPathComponent == "oracle" }
        let planPath = work.appendingPathComponent("reference/plan.json").path
        let reference = try WSPlanBinary.run(["solve", entries[0].folder.appendingPathComponent(entries[0].scenario).path,
                                              "--out", work.appendingPathComponent("reference").path, "--time-limit", "5", "--quiet"],
                                             timeout: 120)
        #expect(reference.status == 0, "\(reference.stderr)")

        var mutator = ScenarioMutator(seed: 0xF022_2027)
        let cases = 30
        let start = Date()
        var outcomes: [Int32: Int] = [:]
        for number in 0..<cases {
            let entry = number % 5 == 4 ? corpus.entries[number % corpus.entries.count] : entries[number % entries.count]
            let file = entry.files[(number / 3) % entry.files.count]
            let (bytes, kinds) = mutator.mutate(corpus.original(file, of: entry))
            try corpus.write(bytes, file: file, of: entry)
            defer { try? corpus.restore(file, of: entry) }
            let scenario = entry.folder.appendingPathComponent(entry.scenario).path
            let out = work.appendingPathComponent("case-\(number)")
            let label = "case \(number) (\(entry.scenario), \(file), \(kinds.map(\.rawValue)))"

            let solve = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "2", "--quiet"], timeout: 90)
            outcomes[solve.status, default: 0] += 1
            #expect(!solve.timedOut, "\(label): solve hung")
            #expect(solve.reason == "exit" && (solve.status == 0 || solve.status == 1), "\(label): solve ended with \(solve.status) (\(solve.reason)): \(solve.stderr.suffix(500))")
            if solve.status == 1 {
                #expect(solve.stderr.contains("error:"), "\(label): exit 1 without a problem: \(solve.stderr.suffix(500))")
                #expect(!FileManager.default.fileExists(atPath: out.path), "\(label): wrote outputs despite exit 1")
            } else if solve.status == 0 {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.json").path), "\(label)")
            }

            let check = try WSPlanBinary.run(["check", scenario, planPath], timeout: 60)
            #expect(!check.timedOut, "\(label): check hung")
            #expect(check.reason == "exit" && (check.status == 0 || check.status == 1), "\(label): check ended with \(check.status) (\(check.reason)): \(check.stderr.suffix(500))")
            if check.status == 1 { #expect(!(check.stderr + check.stdout).isEmpty, "\(label): check said nothing") }
        }
        print("binary fuzz: \(cases) cases, exit codes \(outcomes.sorted { $0.key < $1.key }) in \(String(format: "%.0f", Date().timeIntervalSince(start))) s")
    }
}
