/// A mixed-integer linear program, independent of any solver.
///
/// Variables and rows are kept in insertion order, so the same construction always gives the
/// same model (and a deterministic solver the same answer).
public struct Model: Sendable {
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []
    /// Added to the objective; solvers see it as a constant term.
    public var objectiveConstant: Double = 0

    public init() {}

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(_ name: String, lower: Double = 0, upper: Double = .infinity,
                                     kind: VariableKind = .continuous, objective: Double = 0) -> VariableRef {
        precondition(lower <= upper, "variable \(name): lower bound above upper bound")
        variables.append(Variable(name: name, lower: lower, upper: upper, kind: kind, objective: objective))
        return VariableRef(index: variables.count - 1)
    }

    /// Adds a binary variable.
    @discardableResult
    public mutating func addBinary(_ name: String, objective: Double = 0) -> VariableRef {
        addVariable(name, lower: 0, upper: 1, kind: .binary, objective: objective)
    }

    /// Adds `lower ≤ expression ≤ upper`; terms on the same variable are merged, zero terms dropped.
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression,
                                       lower: Double = -.infinity, upper: Double = .infinity) {
        precondition(lower <= upper, "row \(name): lower bound above upper bound")
        let merged = expression.merged()
        for term in merged.terms { precondition(term.variable.index < variables.count, "row \(name): unknown variable") }
        constraints.append(Constraint(name: name, expression: merged.withoutConstant,
                                      lower: lower - merged.constant, upper: upper - merged.constant))
    }

    public mutating func addConstraint(_ name: String, _ expression: LinearExpression, equals value: Double) {
        addConstraint(name, expression, lower: value, upper: value)
    }

    public mutating func setObjective(_ variable: VariableRef, _ coefficient: Double) {
        variables[variable.index].objective = coefficient
    }

    public func variable(_ ref: VariableRef) -> Variable { variables[ref.index] }

    /// Number of non-zero coefficients in the constraint matrix.
    public var nonZeros: Int { constraints.reduce(0) { $0 + $1.expression.terms.count } }

    /// The objective value of `values` (one per variable).
    public func objectiveValue(_ values: [Double]) -> Double {
        zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.objective * $1.1 }
    }
}

public enum VariableKind: Sendable, Equatable {
    case continuous, integer, binary
}

public struct Variable: Sendable, Equatable {
    public var name: String
    public var lower: Double
    public var upper: Double
    public var kind: VariableKind
    public var objective: Double
}

/// A variable's position in its model.
public struct VariableRef: Hashable, Sendable, Comparable {
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: VariableRef, b: VariableRef) -> Bool { a.index < b.index }
}

/// `lower ≤ expression ≤ upper` (either side may be infinite).
public struct Constraint: Sendable, Equatable {
    public var name: String
    public var expression: LinearExpression
    public var lower: Double
    public var upper: Double
}
