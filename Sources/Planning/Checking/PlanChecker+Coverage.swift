extension PlanChecker {
    /// Coverage: every request appears exactly once, as a package or as unscheduled with a reason;
    /// no municipality the scenario does not know; each package says what its request says.
    ///
    /// A request whose id is a confirmed booking's municipality counts as served by the booking.
    func coverage(_ plan: Plan, _ facts: [PackageFacts]) -> [Violation] {
        var found = unknownMunicipalities(plan, facts) + unlistedTrainers(plan)
        var scheduled: [String: Int] = [:]
        for fact in facts where !fact.isConfirmed && fact.request != nil {
            scheduled[fact.municipality, default: 0] += 1
        }
        var unscheduled: [String: Int] = [:]
        for entry in plan.unscheduled {
            if requestsByID[entry.municipality] != nil { unscheduled[entry.municipality, default: 0] += 1 }
            if entry.reasons.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                found.append(Violation(.coverage, entry.municipality, "unscheduled without a reason"))
            }
        }
        for request in scenario.requests {
            found += requestCoverage(request, packages: scheduled[request.id] ?? 0,
                                     unscheduled: unscheduled[request.id] ?? 0)
        }
        for fact in facts { found += packageAgreesWithScenario(fact) }
        return found
    }

    /// How often one request appears, counting a confirmed booking of its municipality as a package.
    private func requestCoverage(_ request: Request, packages: Int, unscheduled: Int) -> [Violation] {
        let booked = bookingsByMunicipality[request.id] != nil
        let served = packages + (booked ? 1 : 0)
        var found: [Violation] = []
        func report(_ text: String) { found.append(Violation(.coverage, request.id, text)) }
        if served == 0 && unscheduled == 0 {
            report("the request is neither scheduled nor listed as unscheduled")
        }
        if served > 1 {
            report(booked ? "the request has a confirmed booking and \(CheckerText.count(packages, "new package"))"
                          : "the request is scheduled \(packages) times")
        }
        if served > 0 && unscheduled > 0 {
            report(booked ? "the request has a confirmed booking, yet is listed as unscheduled"
                          : "the request is both scheduled and listed as unscheduled")
        }
        if unscheduled > 1 {
            report("the request is listed \(unscheduled) times as unscheduled")
        }
        return found
    }

    /// A package's state, participants, name and coordinates are those of its request or booking.
    private func packageAgreesWithScenario(_ fact: PackageFacts) -> [Violation] {
        guard fact.request != nil || fact.booking != nil else { return [] }
        let source = fact.isConfirmed ? "booking" : "request"
        var found: [Violation] = []
        if fact.package.state != fact.state {
            found.append(Violation(.coverage, fact.municipality,
                                   "the plan gives state \(fact.package.state.rawValue), the \(source) \(fact.state.rawValue)"))
        }
        if fact.package.participants != fact.participants {
            found.append(Violation(.coverage, fact.municipality,
                                   "the plan gives \(fact.package.participants) participants, the \(source) \(fact.participants)"))
        }
        // The calendars and reports show the plan's name and coordinates (GEO), not the scenario's.
        let name = fact.request?.name ?? fact.booking?.name
        if let name, fact.package.name != name {
            found.append(Violation(.coverage, fact.municipality, "the plan names it '\(fact.package.name)', the \(source) '\(name)'"))
        }
        if let location = fact.location, let lat = fact.package.lat, let lon = fact.package.lon,
           abs(lat - location.lat) > 1e-6 || abs(lon - location.lon) > 1e-6 {
            found.append(Violation(.coverage, fact.municipality,
                                   "the plan places it at lat \(lat), lon \(lon), the \(source) at lat \(location.lat), lon \(location.lon)"))
        }
        return found
    }
}
