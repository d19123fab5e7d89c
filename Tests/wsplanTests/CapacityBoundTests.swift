import GLPKBackend
@testable import Planning
import Testing

/// Issue 12: when the trainers' caps cannot serve every request, every relaxation must see it,
/// whichever pair would serve a request (also the pairs the candidate builder left out).
struct CapacityBoundTests {
    /// Six requests near Köln, four trainers with one package each: at most two packages.
    static func scenario() -> Scenario {
        let homes = [(50.93333, 6.95), (50.73438, 7.09549), (51.22172, 6.77616), (51.45657, 7.01228)]
        let trainers = homes.enumerated().map { i, home in
            Trainer(id: "t\(i)", name: "T\(i)", home: Coordinate(lat: home.0, lon: home.1), maxPackages: 1)
        }
        let requests = (0..<6).map {
            Request(id: "r\($0)", name: "R\($0)", state: .NW, location: Coordinate(lat: 50.9 + 0.05 * Double($0), lon: 7.0),
                    participants: 20, priority: $0 == 5 ? 2 : 1)
        }
        return Scenario(name: "scarce", planningStart: Day(iso: "2027-01-01")!,
                        horizon: Day(iso: "2027-03-01")!...Day(iso: "2027-03-19")!, trainers: trainers, requests: requests)
    }

    /// A tiny workshop budget leaves pairs out: their columns must still use the caps.
    static var thin: FormulationOptions {
        var options = FormulationOptions()
        options.workshopBudget = 8
        return options
    }

    @Test func leftOutPairsGetColumnsThatUseTheirTrainersCaps() throws {
        let planner = Planner(scenario: Self.scenario(), options: Self.thin)
        #expect(planner.candidates.contains { !$0.omittedPairs.isEmpty })
        let relaxation = planner.assignmentRelaxation()
        let model = relaxation.model
        let total = try #require(model.constraints.first { $0.name == "R7.total" })
        // Four trainer-packages: two packages.
        #expect(total.upper == 2)
        for (m, columns) in relaxation.omittedPairColumns {
            #expect(columns.count == planner.candidates[m].omittedPairs.count)
            for column in columns {
                let rows = model.constraints.filter { row in row.name.hasPrefix("R7.packages") && row.expression.terms.contains { $0.variable == column } }
                #expect(rows.count == 2, "\(model.variables[column.index].name) counts for both of its trainers")
            }
        }
    }

    @Test func theBoundSeesWhichRequestsTheCapsLeaveOut() throws {
        let s = Self.scenario()
        let planner = Planner(scenario: s, options: Self.thin)
        let lp = try #require(try GLPKSolver().solveRelaxation(planner.assignmentRelaxation().model, timeLimitSeconds: 30, searchSeconds: 0))
        // Two packages at most: four requests of priority 1 stay out, whichever two are served.
        let leftOut = 4 * s.weights.unscheduledEur
        #expect(lp.bound >= leftOut, "pair-level LP \(lp.bound)")
        let timeIndexed = planner.buildTimeIndexed(.workshops)
        let lp2 = try #require(try GLPKSolver().solveRelaxation(timeIndexed.model, timeLimitSeconds: 30, searchSeconds: 0))
        #expect(lp2.bound >= leftOut, "time-indexed LP \(lp2.bound)")
    }

    @Test func theScarcePlanIsProvenOptimal() throws {
        let s = Self.scenario()
        let plan = try Planner(scenario: s, options: Self.thin).plan(using: GLPKSolver(), timeLimitSeconds: 60, mipGap: 0)
        #expect(plan.solver.status == .optimal)
        #expect(plan.packages.count == 2)
        #expect(plan.packages.contains { $0.municipality == "r5" }, "the priority-2 request is served")
        #expect(PlanChecker(scenario: s).check(plan).isEmpty)
        // The exact model of the same scenario agrees.
        var complete = FormulationOptions()
        complete.columnBudget = 10_000_000
        let exact = try Planner(scenario: s, options: complete).plan(using: GLPKSolver(), timeLimitSeconds: 60, mipGap: 0)
        #expect(abs((plan.solver.objective ?? 0) - (exact.solver.objective ?? 1)) < 0.01)
    }

    /// Column generation's bound (the package model's LP over every pair and date) sees the caps
    /// too: the pairs the candidates left out are priced with their trainers' caps, and the
    /// aggregate R7 row keeps the LP from serving half a request more when the caps add up to an
    /// odd number (three trainers with one package each: one package, not one and a half).
    @Test(arguments: [4, 3]) func columnGenerationBoundSeesTheCaps(trainers: Int) throws {
        var s = Self.scenario()
        s.trainers = Array(s.trainers.prefix(trainers))
        let planner = Planner(scenario: s, options: Self.thin)
        let priced = try #require(try planner.priceOut(planner.greedy(), solver: GLPKSolver(), until: .now.advanced(by: .seconds(60)),
                                                       cancellation: nil))
        #expect(priced.converged)
        let packages = trainers / 2
        let leftOut = Double(6 - packages) * s.weights.unscheduledEur
        #expect(priced.pricing.bound >= leftOut - 0.01, "bound \(priced.pricing.bound) with \(trainers) trainers")
        let plan = try planner.plan(using: GLPKSolver(), timeLimitSeconds: 60, mipGap: 0)
        #expect(plan.solver.status == .optimal)
        #expect(plan.packages.count == packages)
        #expect(priced.pricing.bound <= (plan.solver.objective ?? 0) + 0.01, "a bound is never above the optimum")
    }
}
