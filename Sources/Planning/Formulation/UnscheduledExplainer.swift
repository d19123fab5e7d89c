/// Says in plain words why a request has no package in a plan, naming the rule that blocks it
/// (the short form of `wsplan explain`, for plan.json and the report), and which changes would
/// let it into the plan as it stands.
struct UnscheduledExplainer {
    let planner: Planner
    let choices: [PackageChoice]

    func explainAll() -> [UnscheduledRequest] {
        let changes = CheapChanges(planner: planner, choices: choices)
        return UnscheduledDiagnoser(planner: planner).diagnoseAll(choices: choices).map { diagnosis in
            var entry = UnscheduledRequest(municipality: diagnosis.municipality, name: diagnosis.name, reasons: diagnosis.blockers.map(\.text))
            entry.rules = diagnosis.rules
            entry.kind = diagnosis.kind.rawValue
            entry.obstacles = diagnosis.blockers.map(\.obstacle)
            entry.changes = changes.find(diagnosis)
            return entry
        }
    }
}
