extension PlanChecker {
    /// R7 Load: per trainer at most `max_packages` packages whose W lies in the horizon, and at most
    /// `max_days_per_month` event days in any calendar month (a workshop counts two days, each in its
    /// own month; the meetings one each). Confirmed bookings count; a missing limit is no limit.
    func r7Load(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        let packages = packagesInHorizon(facts)
        var daysPerMonth: [String: [Int: Int]] = [:]
        for fact in facts {
            for trainer in fact.distinctTrainers {
                for (_, day) in fact.eventDays { daysPerMonth[trainer, default: [:]][day.monthKey, default: 0] += 1 }
            }
        }
        for trainer in scenario.trainers {
            if let limit = trainer.maxPackages, let mine = packages[trainer.id], mine.count > limit {
                found.append(Violation(.r7, nil,
                                       "trainer \(trainer.id) runs \(mine.count) packages with the workshop in "
                                           + "\(CheckerText.range(scenario.horizon)) (\(mine.sorted().joined(separator: ", "))); "
                                           + "allowed \(limit)"))
            }
            if let limit = trainer.maxDaysPerMonth {
                for (month, days) in (daysPerMonth[trainer.id] ?? [:]).sorted(by: { $0.key < $1.key }) where days > limit {
                    found.append(Violation(.r7, nil,
                                           "trainer \(trainer.id) has \(days) event days in \(CheckerText.month(month)); allowed \(limit)"))
                }
            }
        }
        return found
    }

    /// Per trainer, the municipalities of the packages whose W lies in the horizon, confirmed ones included.
    func packagesInHorizon(_ facts: [PackageFacts]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for fact in facts {
            guard let start = fact.workshopStart, scenario.horizon.contains(start) else { continue }
            for trainer in fact.distinctTrainers { result[trainer, default: []].append(fact.municipality) }
        }
        return result
    }
}
