import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-check every rule, cost and objective term of a plan against its scenario.",
        discussion: "Independent of the solver: exit 0 when nothing is wrong, 1 with one line per violation.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Argument(help: "The plan.json to check.")
    var plan: String

    @Option(name: .long, help: "The plan this one replaced: the move term is then recomputed, not taken from the plan.")
    var previous: String?

    func run() throws {
        let loaded: Scenario
        let planned: Plan
        let previousPlan: Plan?
        do {
            loaded = try ScenarioLoader.load(path: scenario)
            planned = try PlanFile.read(path: plan)
            previousPlan = try previous.map { path throws(InputErrors) in try PlanFile.read(path: path) }
        } catch { throw reportInput(error) }
        let violations = PlanChecker(scenario: loaded, previous: previousPlan).check(planned)
        for violation in violations { print(violation.description) }
        if violations.isEmpty {
            print("ok: \(planned.packages.count) packages, \(planned.unscheduled.count) unscheduled, no violations")
        } else {
            FileHandle.standardError.write(Data("wsplan: \(violations.count) violation(s) in \(plan)\n".utf8))
            throw ExitCode(1)
        }
    }
}
