extension PlanChecker {
    /// What `wsplan ics` and `wsplan roster` publish from plan.json itself is the scenario's: the
    /// organizer (whom every calendar's replies reach), the meeting and workshop times, and the
    /// trainers' names. A hand-edited organizer e-mail otherwise passed `check`.
    func publication(_ plan: Plan) -> [Violation] {
        var found: [Violation] = []
        if let stated = plan.calendar {
            let expected = PlanCalendarSettings(scenario.calendar)
            let fields: [(String, String, String)] = [
                ("organizer e-mail", stated.organizerEmail, expected.organizerEmail),
                ("organizer name", stated.organizerName, expected.organizerName),
                ("meeting times", stated.meeting.joined(separator: "–"), expected.meeting.joined(separator: "–")),
                ("workshop times", stated.workshop.joined(separator: "–"), expected.workshop.joined(separator: "–")),
            ]
            for (what, plan, scenario) in fields where plan != scenario {
                found.append(Violation(.coverage, nil, "the plan's calendars give the \(what) '\(plan)', the scenario '\(scenario)'"))
            }
        }
        for trainer in plan.trainers ?? [] {
            if let known = trainersByID[trainer.id], known.name != trainer.name {
                found.append(Violation(.coverage, nil, "the plan names trainer \(trainer.id) '\(trainer.name)', the scenario '\(known.name)'"))
            }
        }
        return found
    }
}
