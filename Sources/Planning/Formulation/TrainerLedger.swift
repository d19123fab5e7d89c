/// Tracks what each trainer already does while packages are added one by one (R5, R7).
struct TrainerLedger {
    let scenario: Scenario
    private var busy: [String: Set<Day>]
    private var packages: [String: Int]
    private var daysPerMonth: [String: [Int: Int]]

    init(scenario: Scenario, commitments: TrainerCommitments) {
        self.scenario = scenario
        busy = commitments.blockedDays
        packages = commitments.pinnedPackages
        daysPerMonth = commitments.pinnedDaysPerMonth
    }

    func isFree(_ trainer: String, _ day: Day) -> Bool { !(busy[trainer]?.contains(day) ?? false) }

    /// True when the trainer can take one more package in the horizon.
    func hasPackageRoom(_ trainer: String) -> Bool {
        guard let cap = scenario.trainer(trainer)?.maxPackages else { return true }
        return (packages[trainer] ?? 0) < cap
    }

    /// True when adding `days` keeps every month within the trainer's cap.
    func hasMonthRoom(_ trainer: String, _ days: [Day]) -> Bool {
        guard let cap = scenario.trainer(trainer)?.maxDaysPerMonth else { return true }
        var extra: [Int: Int] = [:]
        for day in days { extra[day.monthKey, default: 0] += 1 }
        return extra.allSatisfy { (daysPerMonth[trainer]?[$0.key] ?? 0) + $0.value <= cap }
    }

    func canTake(_ choice: PackageChoice) -> Bool {
        let days = choice.eventDays
        return choice.pair.ids.allSatisfy { t in
            hasPackageRoom(t) && days.allSatisfy { isFree(t, $0) } && hasMonthRoom(t, days)
        }
    }

    mutating func take(_ choice: PackageChoice) {
        for t in choice.pair.ids {
            packages[t, default: 0] += 1
            for day in choice.eventDays {
                busy[t, default: []].insert(day)
                daysPerMonth[t, default: [:]][day.monthKey, default: 0] += 1
            }
        }
    }

    func packageCount(_ trainer: String) -> Int { packages[trainer] ?? 0 }
}
