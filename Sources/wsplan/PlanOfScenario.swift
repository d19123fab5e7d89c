import Foundation
import Planning
import PlanningIO

/// `report` and `roster` describe a plan with its scenario's facts (homes, unavailable days,
/// places). A plan made for another scenario would get another's facts, or none: its ids that
/// the scenario does not know – the ones `wsplan check` reports (`PlanChecker.unknownIDs`) –
/// are input errors naming the plan file, before anything is written. A plan of another name
/// whose ids all match (a renamed scenario) only gets a warning, as in `explain` and `recruit`.
func requirePlan(_ plan: Plan, file: String, of scenario: Scenario, file scenarioFile: String) throws(InputErrors) {
    let unknown = PlanChecker(scenario: scenario).unknownIDs(plan)
    guard unknown.isEmpty else {
        throw InputErrors(problems: unknown.map { violation in
            InputProblem(file: file, message: "\(violation.message) (a plan of \"\(plan.scenario)\", the scenario \(scenarioFile) is \"\(scenario.name)\"); "
                         + "give the scenario it was made for with --scenario, or solve \(scenarioFile) again")
        })
    }
    if plan.scenario != scenario.name {
        FileHandle.standardError.write(Data("wsplan: warning: \(file) is a plan of \"\(plan.scenario)\", not of \"\(scenario.name)\"\n".utf8))
    }
}
