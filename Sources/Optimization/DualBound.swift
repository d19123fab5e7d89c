/// A lower bound on every solution of a model's LP relaxation, computed from row duals alone
/// (Lagrangian duality), with the reduced cost of every column.
///
/// For any row prices y, every x within the column bounds and row ranges has
/// `c·x = y·(A x) + d·x` with `d = c − Aᵀy`, so `c·x ≥ Σᵢ min(yᵢ·lᵢ, yᵢ·uᵢ) + Σⱼ min(dⱼ·lⱼ, dⱼ·uⱼ)`.
/// This holds for any y, optimal or not: only the arithmetic here, never a solver's claim,
/// makes the bound valid. With the LP's optimal duals it equals the LP optimum, and a column j
/// that sits at its lower bound 0 there cannot be 1 in any solution cheaper than
/// `bound + dⱼ` (reduced-cost fixing).
public struct DualBound: Sendable {
    /// The bound (objective constant included).
    public let value: Double
    /// `d = c − Aᵀy`, per column.
    public let reducedCosts: [Double]
    /// The prices y used, per row (the solver's, with its noise on a missing side set to 0).
    public let rowPrices: [Double]

    /// A price of at most `tolerance` on a side a row has no bound on (solver noise) counts as 0.
    /// Nil when a larger one remains, or a reduced cost asks for a column side without a bound:
    /// such y gives no finite bound.
    public init?(model: Model, rowDuals: [Double], tolerance: Double = 1e-6) {
        guard rowDuals.count == model.constraints.count else { return nil }
        var d = model.variables.map(\.objective)
        var value = model.objectiveConstant
        var prices = rowDuals
        for (i, (row, y)) in zip(model.constraints, rowDuals).enumerated() where y != 0 {
            let side = y > 0 ? row.lower : row.upper
            if side.isInfinite {
                guard abs(y) <= tolerance else { return nil }
                prices[i] = 0
                continue
            }
            value += y * side
            for term in row.expression.terms { d[term.variable.index] -= y * term.coefficient }
        }
        for (variable, dj) in zip(model.variables, d) {
            if dj == 0 { continue }
            let side = dj > 0 ? variable.lower : variable.upper
            guard side.isFinite else { return nil }
            value += dj * side
        }
        self.value = value
        reducedCosts = d
        rowPrices = prices
    }
}
