/// `Σ coefficient × variable + constant`.
public struct LinearExpression: Sendable, Equatable, ExpressibleByArrayLiteral {
    public struct Term: Sendable, Equatable {
        public var variable: VariableRef
        public var coefficient: Double
        public init(_ variable: VariableRef, _ coefficient: Double) { self.variable = variable; self.coefficient = coefficient }
    }

    public var terms: [Term]
    public var constant: Double

    public init() { self.init([Term]()) }
    public init(_ terms: [Term], constant: Double = 0) { self.terms = terms; self.constant = constant }
    public init(arrayLiteral elements: Term...) { self.init(elements) }

    /// `Σ variables` with coefficient 1.
    public init(sum variables: some Sequence<VariableRef>) { self.init(variables.map { Term($0, 1) }) }

    public mutating func add(_ variable: VariableRef, _ coefficient: Double = 1) { terms.append(Term(variable, coefficient)) }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        terms += other.terms.map { Term($0.variable, $0.coefficient * factor) }
        constant += other.constant * factor
    }

    /// One term per variable, in order of first appearance, zero coefficients removed.
    public func merged() -> LinearExpression {
        var position: [VariableRef: Int] = [:]
        var out: [Term] = []
        for term in terms {
            if let i = position[term.variable] { out[i].coefficient += term.coefficient }
            else { position[term.variable] = out.count; out.append(term) }
        }
        return LinearExpression(out.filter { $0.coefficient != 0 }, constant: constant)
    }

    var withoutConstant: LinearExpression { LinearExpression(terms) }

    /// The value of the expression at `values`.
    public func value(_ values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}
