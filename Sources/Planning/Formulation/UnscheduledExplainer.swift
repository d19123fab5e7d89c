/// Says in plain words why a request has no package in a plan, naming the rule that blocks it
/// (the short form of `wsplan explain`, for plan.json and the report), and which changes would
/// let it into the plan as it stands.
struct UnscheduledExplainer {
    let planner: Planner
    let choices: [PackageChoice]

    /// The reasons of every unscheduled request, and its smallest changes (`CheapChanges`) while
    /// `changesUntil` allows: the reasons are cheap, the changes are not (each tries several
    /// scenarios), and the time limit is the whole command's. A request whose changes were not
    /// looked for in time has `changes` nil (the report then points to `wsplan explain`).
    func explainAll(changesUntil deadline: ContinuousClock.Instant? = nil) -> [UnscheduledRequest] {
        let changes = CheapChanges(planner: planner, choices: choices)
        // Each request's diagnosis and changes depend on it alone: spread over the cores.
        return UnscheduledDiagnoser(planner: planner).diagnoseAll(choices: choices).parallelMap { diagnosis in
            var entry = UnscheduledRequest(municipality: diagnosis.municipality, name: diagnosis.name,
                                           reasons: diagnosis.blockers.map { UnscheduledRequest.clipped($0.text) })
            entry.rules = diagnosis.rules
            entry.kind = diagnosis.kind.rawValue
            entry.obstacles = diagnosis.blockers.map(\.obstacle)
            if deadline.map({ ContinuousClock.now < $0 }) ?? true { entry.changes = changes.find(diagnosis) }
            return entry
        }
    }
}
