import Optimization
import Testing

/// `DualBound` is what makes reduced-cost fixing safe: its value must never exceed any feasible
/// point's objective, whatever prices it is given.
struct DualBoundTests {
    /// min x + 2y + 3z  s.t.  x + y ≥ 1,  y + z ≥ 1,  x, y, z ∈ [0, 1]: optimum 2 (y = 1).
    static func model() -> Model {
        var model = Model()
        let x = model.addBinary("x", objective: 1), y = model.addBinary("y", objective: 2), z = model.addBinary("z", objective: 3)
        model.addConstraint("a", [.init(x, 1), .init(y, 1)], lower: 1)
        model.addConstraint("b", [.init(y, 1), .init(z, 1)], lower: 1)
        return model
    }

    /// Every 0/1 point that keeps the rows, with its objective.
    static func feasiblePoints(_ model: Model) -> [([Double], Double)] {
        var points: [([Double], Double)] = []
        for bits in 0..<8 {
            let x = (0..<3).map { Double((bits >> $0) & 1) }
            let keeps = model.constraints.allSatisfy { row in
                let value = row.expression.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
                return value >= row.lower - 1e-9 && value <= row.upper + 1e-9
            }
            if keeps { points.append((x, model.objectiveValue(x))) }
        }
        return points
    }

    @Test func optimalPricesGiveTheOptimumAndReducedCosts() throws {
        // Prices (1, 1): d = (0, 0, 2), value = 1 + 1 = 2, the LP optimum.
        let bound = try #require(DualBound(model: Self.model(), rowDuals: [1, 1]))
        #expect(abs(bound.value - 2) < 1e-12)
        #expect(bound.reducedCosts == [0, 0, 2])
        // z = 1 costs at least bound + d_z = 4: every feasible point with z = 1 does.
        for (x, cost) in Self.feasiblePoints(Self.model()) where x[2] == 1 { #expect(cost >= 4 - 1e-9) }
    }

    @Test func anyPricesGiveAValidBound() throws {
        let model = Self.model()
        let best = Self.feasiblePoints(model).map(\.1).min()!
        var checked = 0
        for a in stride(from: 0.0, through: 3, by: 0.25) {
            for b in stride(from: 0.0, through: 3, by: 0.25) {
                let bound = try #require(DualBound(model: model, rowDuals: [a, b]))
                #expect(bound.value <= best + 1e-9, "prices (\(a), \(b)) give \(bound.value) above the optimum \(best)")
                // Fixing: a point using column j costs at least value + max(d_j, 0).
                for (x, cost) in Self.feasiblePoints(model) {
                    for j in 0..<3 where x[j] == 1 { #expect(cost >= bound.value + max(0, bound.reducedCosts[j]) - 1e-9) }
                }
                checked += 1
            }
        }
        #expect(checked == 169)
    }

    @Test func pricesOnAMissingSideGiveNoBound() {
        // Row a has no upper side, so a negative price there bounds nothing; solver noise is tolerated.
        #expect(DualBound(model: Self.model(), rowDuals: [-0.5, 1]) == nil)
        #expect(DualBound(model: Self.model(), rowDuals: [-1e-9, 1]) != nil)
    }

    @Test func anUnboundedColumnWithANegativeReducedCostGivesNoBound() {
        var model = Model()
        let x = model.addVariable("x", lower: 0, upper: .infinity, objective: 1)
        model.addConstraint("r", [.init(x, 1)], lower: 1)
        #expect(DualBound(model: model, rowDuals: [2]) == nil)   // d = −1 on an unbounded x
        #expect(DualBound(model: model, rowDuals: [1])?.value == 1)
    }
}
