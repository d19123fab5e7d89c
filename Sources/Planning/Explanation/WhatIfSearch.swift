import Optimization

/// What one relaxation did when the scenario was solved again with it.
public struct WhatIfOutcome: Sendable {
    public var relaxation: Relaxation
    public var text: String
    /// The request got a package in the re-solved plan.
    public var served: Bool
    public var status: PlanStatus
    public var seconds: Double
    /// Objective (SPEC §4, without the move term) of the re-solved plan, and its difference to the base plan.
    public var objective: Double
    public var objectiveDelta: Double
    /// The difference without the unscheduled term: what serving costs in travel, gaps, pairs, load.
    public var costDelta: Double
    /// Other municipalities served in the base plan but not now, and the other way round.
    public var dropped: [String]
    public var added: [String]
    /// Events of the base plan's other packages that moved or changed trainers.
    public var eventsMoved: Int
    /// The request's package in the re-solved plan.
    public var package: PlannedPackage?
}

/// Re-solves the scenario once per relevant relaxation, within a budget of solves and seconds.
///
/// Structural blockers: only relaxations that give the request a candidate at all are solved
/// (checked without a solver first), and the smallest window widening or gap shortening that
/// does so is searched day by day. Capacity blockers: the caps of the trainers that block it,
/// a wider window, a forbidden pair, a dropped `requires`. Each re-solve is a re-plan of the base
/// plan (`move_eur`), so it shows the smallest change to the plan that lets the request in.
public struct WhatIfSearch<S: Solver> {
    public let scenario: Scenario
    public let base: Plan
    public let solver: S
    /// Seconds per re-solve.
    public let timeLimitSeconds: Double
    /// At most this many re-solves.
    public let maxResolves: Int

    public init(scenario: Scenario, base: Plan, solver: S, timeLimitSeconds: Double, maxResolves: Int = 6) {
        self.scenario = scenario
        self.base = base
        self.solver = solver
        self.timeLimitSeconds = timeLimitSeconds
        self.maxResolves = maxResolves
    }

    public func run(_ diagnosis: Diagnosis, progress: ((String) -> Void)? = nil) throws -> [WhatIfOutcome] {
        let m = diagnosis.request
        var outcomes: [WhatIfOutcome] = []
        var solves = 0
        func attempt(_ relaxation: Relaxation) throws -> WhatIfOutcome? {
            guard solves < maxResolves else { return nil }
            solves += 1
            progress?("re-solving with: \(relaxation.text(in: scenario, request: m))")
            let outcome = try resolve(relaxation, m)
            outcomes.append(outcome)
            return outcome
        }
        for proposal in proposals(diagnosis) {
            switch proposal {
            case .single(let relaxation): _ = try attempt(relaxation)
            case .widen(let smallest):
                // The smallest widening that can work, then doubled while the re-solve does not serve.
                var n = smallest
                for _ in 0..<3 where n <= ChangeCatalog.widestWindowDays {
                    guard let outcome = try attempt(.widenWindow(days: n)), !outcome.served else { break }
                    n *= 2
                }
            }
        }
        return outcomes.sorted { a, b in
            if a.served != b.served { return a.served }
            return (a.objectiveDelta, a.text) < (b.objectiveDelta, b.text)
        }
    }

    enum Proposal { case single(Relaxation), widen(Int) }

    /// The relaxations worth a re-solve for this diagnosis, most promising first.
    func proposals(_ diagnosis: Diagnosis) -> [Proposal] {
        let m = diagnosis.request
        let catalog = ChangeCatalog(diagnosis, in: scenario)
        var result: [Proposal] = []
        switch diagnosis.kind {
        case .structural:
            // Only changes that give the request a candidate at all, each at its smallest.
            if catalog.widenWindow, let n = (1...ChangeCatalog.widestWindowDays).first(where: { hasCandidates(.widenWindow(days: $0), m) }) {
                result.append(.widen(n))
            }
            if let range = catalog.shorterPreparationGap, let k = range.first(where: { hasCandidates(.shorterPreparationGap(days: $0), m) }) {
                result.append(.single(.shorterPreparationGap(days: k)))
            }
            if let range = catalog.shorterFollowupGap, let k = range.first(where: { hasCandidates(.shorterFollowupGap(days: $0), m) }) {
                result.append(.single(.shorterFollowupGap(days: k)))
            }
            result += catalog.pairChanges.filter { hasCandidates($0, m) }.map { .single($0) }
        case .capacity:
            result += catalog.raisedCaps.map { .single($0) }
            // Dates and pairs only when they give the request more slots than it has.
            let slots = slotCount(scenario, m)
            if catalog.widenWindow, let n = [7, 14, 28].first(where: { slotCount(Relaxation.widenWindow(days: $0).applied(to: scenario, request: m), m) > slots }) {
                result.append(.widen(n))
            }
            result += catalog.pairChanges.filter { slotCount($0.applied(to: scenario, request: m), m) > slots }.map { .single($0) }
        case .scheduled, .booked:
            break
        }
        return result
    }

    private func hasCandidates(_ relaxation: Relaxation, _ m: Int) -> Bool { slotCount(relaxation.applied(to: scenario, request: m), m) > 0 }

    /// Candidate (pair, workshop day) slots of request `m` in `scenario`, without a solver.
    private func slotCount(_ scenario: Scenario, _ m: Int) -> Int {
        let builder = CandidateBuilder(scenario: scenario, calendar: WorkingCalendar(scenario: scenario),
                                       commitments: TrainerCommitments(scenario: scenario))
        return builder.candidates(for: scenario.requests[m]).options.reduce(0) { $0 + $1.workshops.count }
    }

    private func resolve(_ relaxation: Relaxation, _ m: Int) throws -> WhatIfOutcome {
        let replanned = try replan(relaxation.applied(to: scenario, request: m), keeping: [m])
        let id = scenario.requests[m].id
        return WhatIfOutcome(relaxation: relaxation, text: relaxation.text(in: scenario, request: m),
                             served: replanned.plan.packages.contains { $0.municipality == id },
                             status: replanned.plan.solver.status, seconds: replanned.plan.solver.seconds,
                             objective: replanned.objective, objectiveDelta: replanned.objectiveDelta, costDelta: replanned.costDelta,
                             dropped: replanned.dropped, added: replanned.added.filter { $0 != id }, eventsMoved: replanned.eventsMoved,
                             package: replanned.plan.packages.first { $0.municipality == id })
    }

    /// One re-solve of a changed copy of the scenario, compared with the base plan.
    public struct Replan: Sendable {
        public var plan: Plan
        /// Objective (SPEC §4, without the move term) and its difference to the base plan.
        public var objective: Double
        public var objectiveDelta: Double
        /// The difference without the unscheduled term: travel, gaps, pairs, load.
        public var costDelta: Double
        /// Municipalities served in the base plan but not now, and the other way round.
        public var dropped: [String]
        public var added: [String]
        /// Events of the base plan's packages (other than those of `keeping`) that moved or changed trainers.
        public var eventsMoved: Int
    }

    /// Re-plans `changed` (the scenario with one change, same requests in the same order) against
    /// the base plan (`move_eur`), within `timeLimitSeconds`: the one re-solve every what-if uses.
    public func replan(_ changed: Scenario, keeping excluded: Set<Int> = []) throws -> Replan {
        let plan = try Planner(scenario: changed, previous: base).plan(using: solver, timeLimitSeconds: timeLimitSeconds)
        let newServed = Set(plan.packages.map(\.municipality)), oldServed = Set(base.packages.map(\.municipality))
        let objective = plan.objectiveTerms.total - (plan.objectiveTerms.move ?? 0)
        let baseObjective = base.objectiveTerms.total - (base.objectiveTerms.move ?? 0)
        let delta = objective - baseObjective
        let unscheduledDelta = plan.objectiveTerms.unscheduled - base.objectiveTerms.unscheduled
        let previous = PreviousPlacements(previous: base, requests: changed.requests, booked: Set(changed.bookings.map(\.municipality)))
        let choices = UnscheduledDiagnoser.choices(from: plan, scenario: changed)
        let byRequest = Dictionary(choices.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        let moved = changed.requests.indices.filter { !excluded.contains($0) }.reduce(0) { $0 + previous.movedEvents($1, byRequest[$1]) }
        return Replan(plan: plan, objective: cents(objective), objectiveDelta: cents(delta), costDelta: cents(delta - unscheduledDelta),
                      dropped: oldServed.subtracting(newServed).sorted(), added: newServed.subtracting(oldServed).sorted(),
                      eventsMoved: moved)
    }
}
