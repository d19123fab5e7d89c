extension PlanChecker {
    /// R8 Size: participants ≤ `max_participants`, as the plan states them and as the scenario does.
    func r8Size(_ facts: [PackageFacts]) -> [Violation] {
        let limit = scenario.rules.maxParticipants
        return facts.flatMap { fact in
            Set([fact.package.participants, fact.participants]).sorted().filter { $0 > limit }.map {
                Violation(.r8, fact.municipality, "\($0) participants; allowed \(limit)")
            }
        }
    }
}
