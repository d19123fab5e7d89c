/// Says in plain words why a request has no package in a plan, naming the rule that blocks it.
struct UnscheduledExplainer {
    let planner: Planner
    let choices: [PackageChoice]

    func explainAll() -> [UnscheduledRequest] {
        let scenario = planner.scenario
        let served = Set(choices.map(\.request))
        let booked = Set(scenario.bookings.map(\.municipality))
        var ledger = TrainerLedger(scenario: scenario, commitments: planner.commitments)
        for choice in choices { ledger.take(choice) }
        return scenario.requests.indices.compactMap { m in
            let request = scenario.requests[m]
            guard !served.contains(m), !booked.contains(request.id) else { return nil }
            return UnscheduledRequest(municipality: request.id, name: request.name, reasons: reasons(m, ledger: ledger))
        }
    }

    private func reasons(_ m: Int, ledger: TrainerLedger) -> [String] {
        let candidate = planner.candidates[m]
        if !candidate.obstacles.isEmpty { return candidate.obstacles }
        let full = Set(candidate.options.flatMap(\.pair.ids).filter { !ledger.hasPackageRoom($0) }).sorted()
        var reasons: [String] = []
        if candidate.options.allSatisfy({ $0.pair.ids.contains(where: full.contains) }) {
            reasons.append("R7: every allowed pair includes a trainer who has reached max_packages (\(full.joined(separator: ", ")))")
        } else {
            let pairs = candidate.options.count
            let days = Set(candidate.options.flatMap(\.workshopDays)).count
            let window = CandidateBuilder(scenario: planner.scenario, calendar: planner.calendar, commitments: planner.commitments)
                .window(candidate.request)
            reasons.append("R5/R7: no room left for any of the \(pairs) allowed pair(s) on the \(days) possible workshop day(s) in \(window): "
                + "the trainers' days for the workshop, the preparation or the follow-up are taken by other packages, "
                + "or a trainer's max_packages or max_days_per_month is reached")
        }
        return reasons
    }
}
