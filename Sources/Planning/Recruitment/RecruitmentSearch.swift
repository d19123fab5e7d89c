import Optimization

/// Where one more trainer would serve the most left-out requests (`wsplan recruit`), and how
/// many more would serve them all.
///
/// Cheap before exact: every candidate home is screened with the pair-level LP relaxation
/// (`AssignmentRelaxation`, the new trainer's columns priced with all the others); only the best
/// few are re-planned exactly, each as a what-if re-solve against the base plan (`move_eur`).
/// The greedy count then adds the best trainer, re-plans, and screens again, until nothing is
/// left out, no candidate helps, the user's limit or the time is reached.
public struct RecruitmentSearch<S: Solver> {
    public let scenario: Scenario
    public let base: Plan
    public let solver: S
    /// Candidate homes of the first step; later steps add those near what is still left out.
    public let homes: [HomeCandidate]
    /// Towns spread over the country and the places `near` draws from (most inhabitants first).
    public let places: [HomeCandidate]
    public var maxPackages: Int?
    public var maxDaysPerMonth: Int?
    /// Candidates re-planned exactly per step.
    public var exactResolves = 3
    /// At most this many trainers in the greedy count (0: no count).
    public var maxAdded = 5
    /// Share of each step's seconds the screening may take.
    public var screeningShare = 0.5

    public init(scenario: Scenario, base: Plan, solver: S, homes: [HomeCandidate], places: [HomeCandidate],
                maxPackages: Int?, maxDaysPerMonth: Int?) {
        self.scenario = scenario
        self.base = base
        self.solver = solver
        self.homes = homes
        self.places = places
        self.maxPackages = maxPackages
        self.maxDaysPerMonth = maxDaysPerMonth
    }

    /// The result, with the plans behind the first recommendation and the greedy count's last step.
    public struct Run {
        public var result: RecruitmentResult
        public var best: (trainer: AddedTrainer, plan: Plan)?
        /// The plan with every trainer of `result.greedy.steps` added.
        public var greedyPlan: Plan?
    }

    public func run(seconds: Double, progress: ((String) -> Void)? = nil) throws -> Run {
        let clock = ContinuousClock(), started = clock.now
        let deadline = started.advanced(by: .milliseconds(Int64(seconds * 1000)))
        let remaining = { max(0, Self.seconds(clock.now, until: deadline)) }
        let baseSummary = Self.summary(base, scenario)

        // The first step: the whole list, most of the time when nothing is counted afterwards.
        // With nothing left out there is no trainer to find.
        let firstShare = maxAdded > 1 ? 0.7 : 1.0
        let first = baseSummary.unscheduled.isEmpty ? Step(outcomes: [], resolved: 0, best: nil)
            : try step(scenario: scenario, base: base, homes: homes, seconds: remaining() * firstShare, progress: progress)
        var candidates = first.outcomes
        let best = first.best

        var steps: [GreedyStep] = []
        var current = scenario, plan = base, summary = baseSummary, added: [Trainer] = []
        var stopped = "all_served"
        var next = best
        while !summary.unscheduled.isEmpty {
            guard added.count < maxAdded else { stopped = "limit"; break }
            if next == nil && !added.isEmpty {
                guard remaining() >= 4 else { stopped = "time"; break }
                let leftOut = current.requests.filter { summary.unscheduled.contains($0.id) }
                let stepHomes = HomeCandidates.merged(HomeCandidates.near(leftOut, places: places), homes)
                // The time left, over the steps still expected at the first step's gain.
                let gain = max(1, steps.first.map { $0.plan.served - baseSummary.served } ?? 1)
                let expected = min(maxAdded - added.count, (summary.unscheduled.count + gain - 1) / gain)
                let found = try step(scenario: current, base: plan, homes: stepHomes, seconds: remaining() / Double(max(1, expected)),
                                     resolves: min(2, exactResolves), progress: progress)
                guard found.resolved > 0 else { stopped = "time"; break }
                next = found.best
            }
            guard let chosen = next else { stopped = added.isEmpty && first.resolved == 0 ? "time" : "no_gain"; break }
            let chosenSummary = Self.summary(chosen.plan, chosen.scenario)
            guard chosenSummary.weightedServed > summary.weightedServed + 1e-9 else { stopped = "no_gain"; break }
            added.append(chosen.trainer)
            current = chosen.scenario
            plan = chosen.plan
            summary = chosenSummary
            steps.append(GreedyStep(trainer: AddedTrainer(chosen.trainer, state: chosen.state), plan: summary,
                                    travelDelta: cents(summary.travel - baseSummary.travel)))
            progress?("greedy count: \(added.count) added (\(chosen.trainer.homeLabel)), \(summary.unscheduled.count) left out")
            next = nil
        }
        if maxAdded == 0 { stopped = summary.unscheduled.isEmpty ? "all_served" : "not_counted" }
        candidates = Self.ranked(candidates)
        let result = RecruitmentResult(scenario: scenario.name, base: baseSummary, maxPackages: maxPackages, maxDaysPerMonth: maxDaysPerMonth,
                                       timeLimitSeconds: seconds, seconds: (Self.seconds(started, until: clock.now) * 10).rounded() / 10,
                                       candidates: candidates,
                                       greedy: GreedyCount(steps: steps, stopped: stopped, leftOut: summary.unscheduled))
        return Run(result: result, best: best.map { ($0.outcome.trainer, $0.plan) }, greedyPlan: added.isEmpty ? nil : plan)
    }

    /// The best candidate of one step and every candidate's outcome.
    struct Step {
        var outcomes: [CandidateOutcome]
        /// Candidates re-planned exactly (the time may end before any).
        var resolved: Int
        var best: (trainer: Trainer, state: GermanState, scenario: Scenario, plan: Plan, outcome: CandidateOutcome)?
    }

    /// Screens `homes` on `scenario` (re-planning `base`), then re-plans the best `resolves` exactly.
    func step(scenario: Scenario, base: Plan, homes: [HomeCandidate], seconds: Double, resolves: Int? = nil,
              progress: ((String) -> Void)?) throws -> Step {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        let screeningDeadline = clock.now.advanced(by: .milliseconds(Int64(seconds * screeningShare * 1000)))
        let trainers = homes.map { HypotheticalTrainer.make(at: $0, in: scenario, maxPackages: maxPackages, maxDaysPerMonth: maxDaysPerMonth) }
        var outcomes = zip(homes, trainers).map { home, trainer in
            CandidateOutcome(trainer: AddedTrainer(trainer, state: home.state), source: home.source, screeningBound: nil, replan: nil)
        }
        let screening = RecruitmentScreening(scenario: scenario, base: base)
        for i in outcomes.indices {
            let left = Self.seconds(clock.now, until: screeningDeadline)
            guard left > 0.05 else { break }
            let model = screening.model(adding: trainers[i])
            if let lp = try solver.solveRelaxation(model, timeLimitSeconds: left, searchSeconds: 0) {
                outcomes[i].screeningBound = cents(lp.objective)
            }
        }
        let screened = outcomes.indices.filter { outcomes[$0].screeningBound != nil }
        progress?("screened \(screened.count) of \(homes.count) candidate homes with the pair-level relaxation")
        let order = screened.sorted { (outcomes[$0].screeningBound!, $0) < (outcomes[$1].screeningBound!, $1) }
        var chosen = Array(order.prefix(resolves ?? exactResolves))
        // The LP favours central homes (fractional packages share travel); a home in the region of
        // the left-out requests always gets one exact re-plan of its own.
        if !chosen.contains(where: { homes[$0].source == "region" }), let region = order.first(where: { homes[$0].source == "region" }) {
            chosen.insert(region, at: min(1, chosen.count))
        }
        var plans: [Int: Plan] = [:]
        for (k, i) in chosen.enumerated() {
            let left = Self.seconds(clock.now, until: deadline)
            guard left >= 3 else { break }
            // A re-plan may overrun its limit a little (listing candidates, the last search round).
            let limit = max(1, 0.7 * left / Double(chosen.count - k))
            progress?("re-planning with a new trainer in \(homes[i].name) (time limit \(Int(limit.rounded())) s)")
            let changed = HypotheticalTrainer.adding(trainers[i], to: scenario)
            let replan = try WhatIfSearch(scenario: scenario, base: base, solver: solver, timeLimitSeconds: limit).replan(changed)
            outcomes[i].replan = Self.describe(replan, trainer: trainers[i], base: base, scenario: changed)
            plans[i] = replan.plan
        }
        let bestIndex = plans.keys.min { Self.precedes(outcomes[$0], outcomes[$1]) || (!Self.precedes(outcomes[$1], outcomes[$0]) && $0 < $1) }
        let best = bestIndex.map { i in
            (trainers[i], homes[i].state, HypotheticalTrainer.adding(trainers[i], to: scenario), plans[i]!, outcomes[i])
        }
        return Step(outcomes: outcomes, resolved: plans.count, best: best)
    }

    /// Re-solved ones first: more weighted requests served, then less travel, then a lower
    /// objective; then the others by their screening bound.
    static func precedes(_ a: CandidateOutcome, _ b: CandidateOutcome) -> Bool {
        switch (a.replan, b.replan) {
        case let (x?, y?):
            if abs(x.plan.weightedServed - y.plan.weightedServed) > 1e-9 { return x.plan.weightedServed > y.plan.weightedServed }
            if abs(x.travelDelta - y.travelDelta) > 0.005 { return x.travelDelta < y.travelDelta }
            return x.objectiveDelta < y.objectiveDelta
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil):
            return (a.screeningBound ?? .infinity) < (b.screeningBound ?? .infinity)
        }
    }

    static func ranked(_ outcomes: [CandidateOutcome]) -> [CandidateOutcome] {
        outcomes.enumerated().sorted { a, b in
            precedes(a.element, b.element) || (!precedes(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    static func describe(_ replan: WhatIfSearch<S>.Replan, trainer: Trainer, base: Plan, scenario: Scenario) -> CandidateReplan {
        let summary = summary(replan.plan, scenario)
        let baseSummary = self.summary(base, scenario)
        var partners: [String: [String]] = [:]
        for package in replan.plan.packages where package.trainers.contains(trainer.id) {
            let partner = package.trainers.first { $0 != trainer.id } ?? ""
            partners[partner, default: []].append(package.municipality)
        }
        let unscheduled = Set(baseSummary.unscheduled)
        return CandidateReplan(plan: summary, seconds: replan.plan.solver.seconds,
                               newlyServed: replan.added.filter(unscheduled.contains), dropped: replan.dropped,
                               travelDelta: cents(summary.travel - baseSummary.travel), objectiveDelta: replan.objectiveDelta,
                               eventsMoved: replan.eventsMoved,
                               pairs: partners.keys.sorted().map { PairUse(partner: $0, municipalities: partners[$0]!.sorted()) })
    }

    /// Served counts the scenario's requests only (a confirmed booking of another municipality is not a request).
    static func summary(_ plan: Plan, _ scenario: Scenario) -> PlanSummary {
        let served = Set(plan.packages.filter { !$0.pinned }.map(\.municipality))
        let booked = Set(scenario.bookings.map(\.municipality))
        let requests = scenario.requests.filter { !booked.contains($0.id) }
        let servedRequests = requests.filter { served.contains($0.id) }
        return PlanSummary(status: plan.solver.status, gap: plan.solver.gap, served: servedRequests.count,
                           weightedServed: servedRequests.reduce(0) { $0 + $1.priority },
                           unscheduled: requests.filter { !served.contains($0.id) }.map(\.id),
                           travel: cents(plan.objectiveTerms.travel),
                           objective: cents(plan.objectiveTerms.total - (plan.objectiveTerms.move ?? 0)))
    }

    static func seconds(_ from: ContinuousClock.Instant, until to: ContinuousClock.Instant) -> Double {
        let d = to - from
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
