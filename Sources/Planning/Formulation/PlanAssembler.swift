/// Builds the `Plan` of SPEC §6 from package choices: pinned bookings, costs, objective terms,
/// and the reasons of every unscheduled request.
public struct PlanAssembler {
    public let planner: Planner
    var scenario: Scenario { planner.scenario }

    public init(planner: Planner) { self.planner = planner }

    /// The objective terms of SPEC §4 for `choices` (pinned bookings are constants, not part of it).
    public func objectiveTerms(_ choices: [PackageChoice]) -> ObjectiveTerms {
        let weights = scenario.weights, costs = CostModel(scenario: scenario)
        var terms = ObjectiveTerms()
        let served = Set(choices.map(\.request))
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, request) in scenario.requests.enumerated() where !served.contains(m) && !booked.contains(request.id) {
            terms.unscheduled += request.priority * weights.unscheduledEur
        }
        var load = planner.commitments.pinnedPackages
        for choice in choices {
            let request = scenario.requests[choice.request]
            terms.travel += PackageCostCalculator(scenario: scenario)
                .costs(municipality: request.id, location: request.location, participants: request.participants, pair: choice.pair).travel
            terms.prepGap += costs.preparationPenalty(choice.preparation, workshop: choice.workshop)
            terms.followupGap += costs.followupPenalty(workshop: choice.workshop, choice.followup)
            if scenario.preferredPairs.contains(choice.pair) { terms.preferredPairs -= costs.preferredBonus(choice.pair) }
            for t in choice.pair.ids { load[t, default: 0] += 1 }
        }
        terms.maxLoad = weights.maxLoadEur * Double(load.values.max() ?? 0)
        if let previous = planner.previous {
            terms.move = weights.moveEur * Double(movedEvents(choices, previous))
        }
        return terms
    }

    /// Events moved, re-staffed or dropped against the previous plan.
    func movedEvents(_ choices: [PackageChoice], _ previous: PreviousPlacements) -> Int {
        let byRequest = Dictionary(choices.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        return scenario.requests.indices.reduce(0) { $0 + previous.movedEvents($1, byRequest[$1]) }
    }

    /// The plan of SPEC §6 for `choices`. `explainUntil`: when the smallest changes of the
    /// unscheduled requests stop being looked for (`UnscheduledExplainer`); nil: all of them.
    public func plan(choices: [PackageChoice], solver: SolverReport, explainUntil: ContinuousClock.Instant? = nil) -> Plan {
        let calculator = PackageCostCalculator(scenario: scenario)
        var packages: [PlannedPackage] = scenario.bookings.map { booking in
            let costs = calculator.costs(municipality: booking.municipality, location: booking.location,
                                         participants: booking.participants, pair: booking.trainers)
            return PlannedPackage(municipality: booking.municipality, name: booking.name, state: booking.state, place: booking.name,
                                  trainers: booking.trainers.ids, pinned: true, preparation: booking.preparation,
                                  workshop: [booking.workshop, booking.workshop.advanced(by: 1)], followup: booking.followup,
                                  participants: booking.participants, costs: rounded(costs), location: booking.location)
        }
        for choice in choices {
            let request = scenario.requests[choice.request]
            let costs = calculator.costs(municipality: request.id, location: request.location,
                                         participants: request.participants, pair: choice.pair)
            packages.append(PlannedPackage(municipality: request.id, name: request.name, state: request.state, place: request.place,
                                           trainers: choice.pair.ids, pinned: false, preparation: choice.preparation,
                                           workshop: [choice.workshop, choice.workshop.advanced(by: 1)], followup: choice.followup,
                                           participants: request.participants, costs: rounded(costs), location: request.location))
        }
        packages.sort { ($0.workshop[0], $0.municipality) < ($1.workshop[0], $1.municipality) }

        let unscheduled = UnscheduledExplainer(planner: planner, choices: choices).explainAll(changesUntil: explainUntil)
        // The ledger: each term in whole cents, and the objective their sum (SPEC §3).
        let terms = rounded(objectiveTerms(choices))
        var report = solver
        let objective = cents(terms.total)
        report.objective = cents(objective)
        // A proven plan is its own bound: the relaxation's bound may lie below an optimum that
        // GLPK proved on the exact model, and `check` holds an optimal plan to bound = objective.
        if report.status == .optimal { report.bound = objective }
        if var bound = report.bound {
            bound = min(bound, objective)
            report.bound = cents(bound)
            report.gap = ((objective - bound) / max(abs(objective), 1) * 1e6).rounded() / 1e6
        }
        report.seconds = (report.seconds * 1000).rounded() / 1000
        var plan = Plan(scenario: scenario.name, solver: report, objectiveTerms: terms, packages: packages, unscheduled: unscheduled,
                    trainers: scenario.trainers.map { PlanTrainer(id: $0.id, name: $0.name) },
                    calendar: PlanCalendarSettings(scenario.calendar),
                    moves: planner.previous.map { MoveReport(previous: $0.scenarioName, eventsMoved: movedEvents(choices, $0)) })
        plan.exchange = ExchangeDayPlanner.choose(for: packages, scenario: scenario, calendar: planner.calendar)
        return plan
    }

    private func rounded(_ costs: PackageCosts) -> PackageCosts {
        PackageCosts(fee: cents(costs.fee), materials: cents(costs.materials), travel: cents(costs.travel), total: cents(costs.total),
                     travelItems: costs.travelItems.map {
                         TravelItem(trainer: $0.trainer, event: $0.event, km: ($0.km * 10).rounded() / 10, roundTrips: $0.roundTrips,
                                    hotelNights: $0.hotelNights, cost: cents($0.cost))
                     })
    }

    private func rounded(_ terms: ObjectiveTerms) -> ObjectiveTerms {
        var t = ObjectiveTerms()
        t.unscheduled = cents(terms.unscheduled); t.travel = cents(terms.travel); t.prepGap = cents(terms.prepGap)
        t.followupGap = cents(terms.followupGap); t.preferredPairs = cents(terms.preferredPairs); t.maxLoad = cents(terms.maxLoad)
        t.move = terms.move.map(cents)
        return t
    }
}
