@testable import Planning
import Testing

/// `CandidateBuilder` against a reference built from the rules alone (R1, R2/R3 gaps, R4/R6
/// working days and window, R5 against unavailability), on a scenario with a forbidden pair, a
/// preferred pair, an unavailable trainer, a narrow window, `requires` and `excludes`.
@Suite struct CandidateBuilderTests {
    static func scenario() -> Scenario {
        let homes = [(50.94, 6.96), (51.51, 7.47), (52.52, 13.40), (48.14, 11.58), (53.55, 9.99)]
        let off = Set((0..<12).map { Day(iso: "2027-03-08")!.advanced(by: $0) })
        let trainers = homes.enumerated().map { i, home in
            Trainer(id: "t\(i)", name: "T\(i)", home: Coordinate(lat: home.0, lon: home.1), maxPackages: 4, unavailable: i == 1 ? off : [])
        }
        var requests = [
            Request(id: "koeln", name: "Köln", state: .NW, location: Coordinate(lat: 50.94, lon: 6.96), participants: 20),
            Request(id: "bonn", name: "Bonn", state: .NW, location: Coordinate(lat: 50.73, lon: 7.10), participants: 20,
                    earliest: Day(iso: "2027-03-01"), latest: Day(iso: "2027-03-19"), requires: ["t1"]),
            Request(id: "kiel", name: "Kiel", state: .SH, location: Coordinate(lat: 54.32, lon: 10.14), participants: 20, excludes: ["t4"]),
        ]
        requests[0].blackout = [Day(iso: "2027-03-16")!]
        var s = Scenario(name: "candidates", planningStart: Day(iso: "2027-01-04")!,
                         horizon: Day(iso: "2027-02-15")!...Day(iso: "2027-04-15")!, trainers: trainers, requests: requests)
        s.forbiddenPairs = [TrainerPair("t0", "t2")!]
        s.preferredPairs = [TrainerPair("t0", "t1")!]
        return s
    }

    /// Every (pair, W, P, F) the rules allow, by first principles.
    struct Reference {
        let scenario: Scenario
        let calendar: WorkingCalendar

        func working(_ day: Day, _ r: Request) -> Bool { calendar.isWorkingDay(day, state: r.state, blackout: r.blackout) }
        func free(_ id: String, _ day: Day) -> Bool { !scenario.trainer(id)!.unavailable.contains(day) }

        func pairs(_ r: Request) -> [TrainerPair] {
            let ids = scenario.trainers.map(\.id)
            return ids.flatMap { a in ids.compactMap { b in a < b ? TrainerPair(a, b) : nil } }
                .filter { !scenario.forbiddenPairs.contains($0) }
                .filter { p in r.requires.allSatisfy(p.contains) && !r.excludes.contains(where: p.contains) }
                .sorted()
        }

        /// W → (preparations, follow-ups), each closest to its target first, earlier first on a tie.
        func options(_ r: Request, _ pair: TrainerPair) -> [Day: (p: [Day], f: [Day])] {
            let rules = scenario.rules
            var result: [Day: (p: [Day], f: [Day])] = [:]
            let first = max(scenario.horizon.lowerBound, scenario.planningStart, r.earliest ?? scenario.horizon.lowerBound)
            let last = min(scenario.horizon.upperBound, r.latest ?? scenario.horizon.upperBound)
            guard first <= last else { return [:] }
            let bothFree = { (d: Day) in pair.ids.allSatisfy { free($0, d) } }
            for w in first...last where working(w, r) && working(w.advanced(by: 1), r) && bothFree(w) && bothFree(w.advanced(by: 1)) {
                let p = (rules.prepGap.min...rules.prepGap.max).map { w.advanced(by: -$0) }
                    .filter { $0 >= scenario.planningStart && working($0, r) && bothFree($0) }
                    .sorted { (abs($0.distance(to: w) - rules.prepGap.target), $0) < (abs($1.distance(to: w) - rules.prepGap.target), $1) }
                let f = (rules.followupGap.min...rules.followupGap.max).map { w.advanced(by: $0) }
                    .filter { working($0, r) && bothFree($0) }
                    .sorted { (abs(w.distance(to: $0) - rules.followupGap.target), $0) < (abs(w.distance(to: $1) - rules.followupGap.target), $1) }
                if !p.isEmpty && !f.isEmpty { result[w] = (p, f) }
            }
            return result
        }
    }

    @Test func everyCandidateAndNoOtherIsWhatTheRulesAllow() {
        let s = Self.scenario()
        let calendar = WorkingCalendar(scenario: s)
        let builder = CandidateBuilder(scenario: s, calendar: calendar, commitments: TrainerCommitments(scenario: s))
        let reference = Reference(scenario: s, calendar: calendar)
        let travel = TravelCost(settings: s.costs.travel)
        for r in s.requests {
            let candidates = builder.candidates(for: r)
            #expect(candidates.omittedPairs.isEmpty, "no budget: nothing left out")
            let expectedPairs = reference.pairs(r).filter { !reference.options(r, $0).isEmpty }
            #expect(Set(candidates.options.map(\.pair)) == Set(expectedPairs), "\(r.id)")
            for option in candidates.options {
                let expected = reference.options(r, option.pair)
                #expect(option.workshopDays == expected.keys.sorted(), "\(r.id) \(option.pair)")
                for workshop in option.workshops {
                    #expect(workshop.preparations == expected[workshop.day]?.p, "\(r.id) \(option.pair) \(workshop.day.iso)")
                    #expect(workshop.followups == expected[workshop.day]?.f, "\(r.id) \(option.pair) \(workshop.day.iso)")
                }
                #expect(option.preparationDays == Set(option.workshops.flatMap(\.preparations)).sorted())
                #expect(option.followupDays == Set(option.workshops.flatMap(\.followups)).sorted())
                let cost = option.pair.ids.reduce(0.0) { $0 + travel.packageCost(km: s.km(trainer: s.trainer($1)!, municipality: r.id, at: r.location)) }
                #expect(abs(option.travelCost - cost) < 1e-9)
                #expect(option.isPreferred == s.preferredPairs.contains(option.pair))
            }
            // Cheapest travel first.
            #expect(candidates.options.map(\.travelCost) == candidates.options.map(\.travelCost).sorted())
        }
        // Bonn requires t1, who is away for most of its window.
        let bonn = builder.candidates(for: s.requests[1])
        #expect(bonn.options.allSatisfy { $0.pair.contains("t1") })
        #expect(bonn.options.allSatisfy { $0.workshops.allSatisfy { w in !s.trainers[1].unavailable.contains(w.day) } })
    }

    /// Over budget: pairs are thinned or left out, never lost. Each allowed pair is among the
    /// options (with a subset of its days) or among the left-out pairs at its pair cost.
    @Test func aBudgetThinsAndLeavesOutButLosesNoPair() {
        let s = Self.scenario()
        let calendar = WorkingCalendar(scenario: s), commitments = TrainerCommitments(scenario: s)
        let full = CandidateBuilder(scenario: s, calendar: calendar, commitments: commitments)
        let reference = Reference(scenario: s, calendar: calendar)
        let costs = CostModel(scenario: s)
        for budget in [4, 12, 40] {
            for everyTrainer in [false, true] {
                let thin = CandidateBuilder(scenario: s, calendar: calendar, commitments: commitments, workshopBudget: budget,
                                            budgetsEveryTrainer: everyTrainer)
                for r in s.requests {
                    let all = full.candidates(for: r), cut = thin.candidates(for: r)
                    let fullDays = Dictionary(uniqueKeysWithValues: all.options.map { ($0.pair, Set($0.workshopDays)) })
                    for option in cut.options {
                        #expect(Set(option.workshopDays).isSubset(of: fullDays[option.pair] ?? []), "\(r.id) \(option.pair)")
                    }
                    let kept = Set(cut.options.map(\.pair)), omitted = Dictionary(cut.omittedPairs.map { ($0.pair, $0.cost) }, uniquingKeysWith: { a, _ in a })
                    for pair in reference.pairs(r) where !(fullDays[pair]?.isEmpty ?? true) {
                        #expect(kept.contains(pair) || omitted[pair] != nil, "\(r.id) \(pair) lost with budget \(budget)")
                    }
                    for (pair, cost) in cut.omittedPairs {
                        let option = all.options.first { $0.pair == pair }
                        if let option { #expect(abs(cost - costs.pairCost(option)) < 1e-9) }
                    }
                }
            }
        }
    }

    @Test func rankedMeetingDaysAreClosestToTheTargetFirst() {
        let days = [0, 1, 3, 4, 6, 9, 10].map { Day(iso: "2027-03-01")!.advanced(by: $0) }
        let target = Day(iso: "2027-03-01")!.advanced(by: 5)
        let ranked = CandidateBuilder.ranked(days, from: days[1], to: days[5], target: target)
        // 4 and 6 are one day off (the earlier first), then 3, then 1 and 9 are four days off.
        #expect(ranked.map { Day(iso: "2027-03-01")!.distance(to: $0) } == [4, 6, 3, 1, 9])
        #expect(CandidateBuilder.ranked(days, from: target, to: target, target: target).isEmpty)
    }
}
