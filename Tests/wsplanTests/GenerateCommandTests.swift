import Foundation
import Planning
import PlanningIO
import Testing

/// `wsplan generate` and `wsplan solve --method greedy`, end to end through the binary.
@Suite(.serialized) struct GenerateCommandTests {
    @Test func sameSeedGivesTheSameBytes() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.yaml").path, b = folder.appendingPathComponent("b.yaml").path
        for path in [a, b] {
            let run = try WSPlanBinary.run(["generate", "--requests", "60", "--trainers", "8", "--seed", "7", "--out", path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        #expect(try WSPlanBinary.run(["generate", "--requests", "60", "--trainers", "1", "--seed", "7", "--out", a]).status != 0)
    }

    /// `--bookings`: confirmed packages that keep every rule, pinned by the plan around them.
    @Test func bookingsAreConfirmedAndKeptByTheSolver() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("booked.yaml").path
        let generate = try WSPlanBinary.run(["generate", "--requests", "8", "--trainers", "4", "--seed", "5", "--months", "2",
                                              "--bookings", "3", "--out", scenario])
        #expect(generate.status == 0, "\(generate.stderr)")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.hasSuffix("bookings: booked-bookings.yaml\n"))
        let loaded = try ScenarioLoader.load(path: scenario)
        #expect(loaded.bookings.count == 3)
        #expect(Array(loaded.requests.prefix(3).map(\.id)).sorted() == loaded.bookings.map(\.municipality).sorted())
        let out = folder.appendingPathComponent("out").path
        let solve = try WSPlanBinary.run(["solve", scenario, "--out", out, "--time-limit", "10", "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let plan = try PlanFile.read(path: out + "/plan.json")
        #expect(plan.packages.filter(\.pinned).count == 3)
        let check = try WSPlanBinary.run(["check", scenario, out + "/plan.json"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// Small generated scenarios solve to plans `check` accepts, with GLPK and with the office's greedy.
    @Test(arguments: [UInt64(1), 2, 3])
    func smallSeedsSolveAndCheckClean(_ seed: UInt64) throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        let generate = try WSPlanBinary.run(["generate", "--requests", "8", "--trainers", "4", "--seed", "\(seed)",
                                              "--months", "2", "--out", scenario])
        #expect(generate.status == 0, "\(generate.stderr)")

        for method in ["glpk", "greedy"] {
            let out = folder.appendingPathComponent(method).path
            let solve = try WSPlanBinary.run(["solve", scenario, "--out", out, "--method", method, "--time-limit", "10", "--quiet"])
            #expect(solve.status == 0, "\(method): \(solve.stderr)")
            let planPath = out + "/plan.json"
            let plan = try PlanFile.read(path: planPath)
            #expect(plan.packages.count + plan.unscheduled.count == 8)
            #expect(plan.packages.count >= 6, "\(method) should serve most of 8 requests")
            let check = try WSPlanBinary.run(["check", scenario, planPath])
            #expect(check.status == 0, "\(method): \(check.stdout)")
            if method == "greedy" {
                #expect(plan.solver.name == "greedy" && plan.solver.status == .feasible && plan.solver.bound == nil)
            } else {
                #expect(plan.solver.rows ?? 0 > 0 && plan.solver.nonzeros ?? 0 > 0 && plan.solver.buildSeconds != nil)
            }
        }
    }
}
