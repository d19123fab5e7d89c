import Planning

/// Confirmed packages for a generated scenario that keep every rule: the office's greedy plan of
/// the scenario itself (`OfficeGreedyPlanner`), cut to its first requests in arrival order. A part
/// of a plan that keeps R1–R9 keeps them too, so the scenario stays solvable around the bookings.
public enum GeneratedBookings {
    /// A plan holding at most `count` packages, to confirm with `BookingsFile.confirm`.
    public static func plan(for scenario: Scenario, count: Int) -> Plan {
        var plan = Planner(scenario: scenario).officeBaselinePlan()
        let served = Set(plan.packages.map(\.municipality))
        let first = Set(scenario.requests.map(\.id).filter(served.contains).prefix(count))
        plan.packages = plan.packages.filter { first.contains($0.municipality) }
        return plan
    }
}
