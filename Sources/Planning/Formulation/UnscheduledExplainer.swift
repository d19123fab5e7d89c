/// Says in plain words why a request has no package in a plan, naming the rule that blocks it
/// (the short form of `wsplan explain`, for plan.json and the report).
struct UnscheduledExplainer {
    let planner: Planner
    let choices: [PackageChoice]

    func explainAll() -> [UnscheduledRequest] {
        UnscheduledDiagnoser(planner: planner).diagnoseAll(choices: choices).map { diagnosis in
            var entry = UnscheduledRequest(municipality: diagnosis.municipality, name: diagnosis.name, reasons: diagnosis.blockers.map(\.text))
            entry.rules = diagnosis.rules
            entry.kind = diagnosis.kind.rawValue
            return entry
        }
    }
}
