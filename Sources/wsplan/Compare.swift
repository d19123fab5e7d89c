import ArgumentParser
import Foundation
import GLPKBackend
import Planning
import PlanningIO

extension PlanComparison.Format: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve (or read the plans of) several scenarios and print them side by side.",
        discussion: """
            One column per scenario: solver status, requests served, unscheduled, costs, hotel nights, \
            trainer days, the largest trainer load and the calendar events moved against the first column. \
            Money covers all packages of a plan, pinned bookings included, unless a row says otherwise.
            """)

    @Argument(help: "The scenario YAML files; the first is the reference for moved events.")
    var scenarios: [String]

    @Option(name: .long, parsing: .upToNextOption, help: "Read these plan.json files (one per scenario, same order) instead of solving.")
    var plans: [String] = []

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: PlanComparison.Format = .text



    @OptionGroup var limits: SolverLimitOptions
    var timeLimit: Double? { limits.timeLimit }
    var mipGap: Double? { limits.mipGap }

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario") }
    }

    func run() throws {
        var problems: [InputProblem] = []
        if !plans.isEmpty, plans.count != scenarios.count {
            problems.append(InputProblem(file: "--plans", message:
                "\(plans.count) plan(s) given for \(scenarios.count) scenario(s); give one plan per scenario, in the same order"))
        }
        var loaded: [Scenario] = []
        for path in scenarios {
            do { loaded.append(try ScenarioLoader.load(path: path)) } catch { problems += error.problems }
        }
        var read: [Plan] = []
        for path in plans {
            do { read.append(try PlanFile.read(path: path)) } catch { problems += error.problems }
        }
        guard problems.isEmpty else { throw reportInput(InputErrors(problems: problems)) }

        var planned: [Plan] = []
        if plans.isEmpty {
            // The first scenario is the reference: the others are re-plans of its plan, so that
            // moving its packages costs move_eur and the table shows the disruption of each change.
            for scenario in loaded {
                planned.append(try Planner(scenario: scenario, options: FormulationOptions(), previous: planned.first)
                    .plan(using: GLPKSolver(), timeLimitSeconds: timeLimit, mipGap: mipGap))
            }
        } else {
            for (index, plan) in read.enumerated() where plan.scenario != loaded[index].name {
                FileHandle.standardError.write(Data(
                    "wsplan: warning: \(plans[index]) is a plan of \"\(plan.scenario)\", not of \"\(loaded[index].name)\"\n".utf8))
            }
            planned = read
        }
        let comparison = PlanComparison(Array(zip(scenarios, planned)).map { (title: $0.0, plan: $0.1) })
        print(comparison.render(format), terminator: "")
    }
}
