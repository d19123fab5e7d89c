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

    func run() throws {
        let loaded: Scenario
        let planned: Plan
        do {
            loaded = try ScenarioLoader.load(path: scenario)
            planned = try PlanFile.read(path: plan)
        } catch { throw reportInput(error) }
        let violations = PlanChecker(scenario: loaded).check(planned)
        for violation in violations { print(violation.description) }
        if violations.isEmpty {
            print("ok: \(planned.packages.count) packages, \(planned.unscheduled.count) unscheduled, no violations")
        } else {
            FileHandle.standardError.write(Data("wsplan: \(violations.count) violation(s) in \(plan)\n".utf8))
            throw ExitCode(1)
        }
    }
}
