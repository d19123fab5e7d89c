import GLPKBackend
import Planning
import Testing

/// A scenario small enough to enumerate every plan: the solver's optimum must equal the best one found by brute force.
///
/// The enumeration below is written from SPEC §2–§4 directly: it shares only the holiday calendar
/// and the travel formula with the product (both tested against tables of their own).
struct BruteForceOptimumTests {
    static func scenario() -> Scenario {
        let d = { (s: String) in Day(iso: s)! }
        var s = Scenario(
            name: "brute force",
            planningStart: d("2026-12-01"),
            horizon: d("2027-01-04")...d("2027-01-08"),   // Mon–Fri; 6 January is a holiday in BY
            trainers: [
                Trainer(id: "koeln", name: "K", home: Coordinate(lat: 50.93333, lon: 6.95), maxPackages: 2),
                Trainer(id: "hamburg", name: "H", home: Coordinate(lat: 53.55073, lon: 9.99302), unavailable: [d("2027-01-05")]),
                Trainer(id: "muenchen", name: "M", home: Coordinate(lat: 48.13743, lon: 11.57549)),
                Trainer(id: "berlin", name: "B", home: Coordinate(lat: 52.52437, lon: 13.41053), maxPackages: 1),
            ],
            requests: [
                Request(id: "augsburg", name: "Augsburg", state: .BY, location: Coordinate(lat: 48.37154, lon: 10.89851), participants: 30),
                Request(id: "dortmund", name: "Dortmund", state: .NW, location: Coordinate(lat: 51.51494, lon: 7.466), participants: 20,
                        blackout: [d("2027-01-07")]),
                Request(id: "kiel", name: "Kiel", state: .SH, location: Coordinate(lat: 54.32133, lon: 10.13489), participants: 40,
                        priority: 2),
                Request(id: "kassel", name: "Kassel", state: .HE, location: Coordinate(lat: 51.31667, lon: 9.5), participants: 25,
                        excludes: ["muenchen"]),
            ])
        s.rules.prepGap = GapRule(min: 27, max: 29, target: 28)
        s.rules.followupGap = GapRule(min: 181, max: 183, target: 182)
        s.forbiddenPairs = [TrainerPair("koeln", "muenchen")!]
        s.preferredPairs = [TrainerPair("hamburg", "koeln")!]
        s.weights.maxLoadEur = 150
        return s
    }

    /// One request's complete assignment.
    struct Option { let pair: TrainerPair; let p: Day; let w: Day; let f: Day; let cost: Double
        var days: [Day] { [p, w, w.advanced(by: 1), f] } }

    /// Every single-request option that keeps R1–R6 on its own, with its objective contribution.
    static func options(for request: Request, in s: Scenario) -> [Option] {
        let calendar = WorkingCalendar(scenario: s)
        let travel = TravelCost(settings: s.costs.travel)
        func working(_ day: Day) -> Bool {
            day.weekday <= 5 && PublicHolidays.name(of: day, in: request.state) == nil
                && !calendar.isOfficeClosure(day) && !request.blackout.contains(day)
        }
        var result: [Option] = []
        let ids = s.trainers.map(\.id)
        for a in ids { for b in ids where a < b {
            let pair = TrainerPair(a, b)!
            if s.forbiddenPairs.contains(pair) || request.excludes.contains(where: pair.contains) { continue }
            if request.requires.contains(where: { !pair.contains($0) }) { continue }
            let travelCost = [a, b].reduce(0.0) { sum, id in
                let km = TravelCost.haversineKm(s.trainer(id)!.home, request.location) * s.costs.travel.detourFactor
                return sum + travel.trip(km: km, days: 1).cost * 2 + travel.trip(km: km, days: 2).cost
            }
            for w in s.horizon where working(w) && working(w.advanced(by: 1)) {
                for gp in s.rules.prepGap.min...s.rules.prepGap.max {
                    let p = w.advanced(by: -gp)
                    guard working(p), p >= s.planningStart else { continue }
                    for gf in s.rules.followupGap.min...s.rules.followupGap.max {
                        let f = w.advanced(by: gf)
                        guard working(f) else { continue }
                        let option = Option(pair: pair, p: p, w: w, f: f, cost: travelCost
                            + s.weights.prepGapEur * Double(abs(gp - s.rules.prepGap.target))
                            + s.weights.followupGapEur * Double(abs(gf - s.rules.followupGap.target))
                            - (s.preferredPairs.contains(pair) ? s.weights.preferredPairEur : 0))
                        if option.days.allSatisfy({ day in [a, b].allSatisfy { !s.trainer($0)!.unavailable.contains(day) } }) {
                            result.append(option)
                        }
                    }
                }
            }
        } }
        return result
    }

    /// The optimum over every combination (each request: one option or unscheduled), R5 and R7 checked per trainer.
    static func bruteForceOptimum(_ s: Scenario) -> Double {
        let perRequest = s.requests.map { options(for: $0, in: s) }
        var best = Double.infinity
        func search(_ i: Int, _ busy: [String: Set<Day>], _ load: [String: Int], _ cost: Double) {
            if i == s.requests.count {
                let maxLoad = Double(s.trainers.map { load[$0.id] ?? 0 }.max() ?? 0)
                best = min(best, cost + s.weights.maxLoadEur * maxLoad)
                return
            }
            search(i + 1, busy, load, cost + s.requests[i].priority * s.weights.unscheduledEur)
            for option in perRequest[i] {
                let trainers = option.pair.ids
                guard trainers.allSatisfy({ id in
                    (load[id] ?? 0) < (s.trainer(id)!.maxPackages ?? .max) && busy[id, default: []].isDisjoint(with: option.days)
                }) else { continue }
                var busy2 = busy, load2 = load
                for id in trainers { busy2[id, default: []].formUnion(option.days); load2[id, default: 0] += 1 }
                search(i + 1, busy2, load2, cost + option.cost)
            }
        }
        search(0, [:], [:], 0)
        return best
    }

    @Test func solverMatchesEnumeration() throws {
        let s = Self.scenario()
        let optimum = Self.bruteForceOptimum(s)
        let plan = try Planner(scenario: s).plan(using: GLPKSolver(), timeLimitSeconds: 30, mipGap: 0)
        #expect(plan.solver.status == .optimal)
        let objective = try #require(plan.solver.objective)
        #expect(abs(objective - optimum) < 0.01, "solver \(objective), enumeration \(optimum)")
        #expect(PlanChecker(scenario: s).check(plan).isEmpty)
        // The instance must be one where the rules bite: with four requests and these caps and
        // conflicts, at least one request stays unscheduled.
        #expect(!plan.unscheduled.isEmpty)
        print("brute force: optimum \(optimum), solver \(objective), \(plan.packages.count) packages, unscheduled \(plan.unscheduled.map(\.municipality))")
    }
}
