import CGLPK
import Optimization

/// A `Model` as the plain arrays the guarded build takes, checked so that no GLPK call made with
/// them can fail: counts that fit `Int32`, finite coefficients and objective, bounds that are
/// numbers with lower ≤ upper, column indices in range and each at most once per row (duplicates
/// are merged), names GLPK accepts, integral bounds on integer columns.
///
/// A model that breaks one of these is a bug in the formulation; it is reported as
/// `GLPKError.invalidModel` with every problem found, never by aborting.
struct GLPKProblemData {
    private(set) var columnKind: [Int32] = []
    private(set) var columnType: [Int32] = []
    private(set) var columnLower: [Double] = []
    private(set) var columnUpper: [Double] = []
    private(set) var objective: [Double] = []
    private(set) var rowType: [Int32] = []
    private(set) var rowLower: [Double] = []
    private(set) var rowUpper: [Double] = []
    /// The matrix as `glp_load_matrix` takes it: 1-based, slot 0 unused.
    private(set) var ia: [Int32] = [0]
    private(set) var ja: [Int32] = [0]
    private(set) var ar: [Double] = [0]
    /// Column names then row names, each NUL-terminated.
    private(set) var names: [CChar] = []
    let objectiveConstant: Double

    var columnCount: Int { columnKind.count }
    var rowCount: Int { rowType.count }
    var nonZeros: Int { ar.count - 1 }

    /// GLPK counts in `int` and keeps slot 0 of every array.
    static let maximumCount = Int(Int32.max) - 1
    /// At most this many problems are listed; the rest are counted.
    static let listedProblems = 20
    /// How far a bound of an integer column may lie from an integer and still count as one.
    static let integralityTolerance = 1e-9

    init(model: Model) throws(GLPKError) {
        try self.init(variables: model.variables, constraints: model.constraints, objectiveConstant: model.objectiveConstant)
    }

    init(variables: [Variable], constraints: [Constraint], objectiveConstant: Double) throws(GLPKError) {
        self.objectiveConstant = objectiveConstant
        var problems: [String] = []
        if !objectiveConstant.isFinite { problems.append("objective constant \(objectiveConstant) is not finite") }
        if variables.count > Self.maximumCount { problems.append("\(variables.count) variables are more than GLPK can hold") }
        if constraints.count > Self.maximumCount { problems.append("\(constraints.count) rows are more than GLPK can hold") }
        guard problems.isEmpty else { throw .invalidModel(problems) }

        addColumns(variables, problems: &problems)
        addRows(constraints, columnCount: variables.count, problems: &problems)
        if nonZeros > Self.maximumCount { problems.append("\(nonZeros) matrix coefficients are more than GLPK can hold") }
        guard problems.isEmpty else {
            let listed = Array(problems.prefix(Self.listedProblems))
            throw .invalidModel(problems.count > listed.count ? listed + ["… and \(problems.count - listed.count) more"] : listed)
        }
    }

    private mutating func addColumns(_ variables: [Variable], problems: inout [String]) {
        columnKind.reserveCapacity(variables.count)
        for (offset, variable) in variables.enumerated() {
            let label = "variable \(Self.quoted(variable.name)) (column \(offset + 1))"
            if !variable.objective.isFinite { problems.append("\(label): objective coefficient \(variable.objective) is not finite") }
            var lower = variable.lower, upper = variable.upper
            let kind: Int32
            switch variable.kind {
            case .continuous:
                kind = GLP_CV
            case .integer, .binary:
                kind = variable.kind == .binary ? GLP_BV : GLP_IV
                if variable.kind == .binary { lower = max(lower, 0); upper = min(upper, 1) }
                // GLPK rejects fractional bounds on integer columns: an integer in [1.5, 7.2] is one in [2, 7].
                if lower.isFinite { lower = (lower - Self.integralityTolerance).rounded(.up) }
                if upper.isFinite { upper = (upper + Self.integralityTolerance).rounded(.down) }
            }
            if let problem = Self.boundProblem(variable.lower, variable.upper) {
                problems.append("\(label): \(problem)")
            } else if lower > upper {
                problems.append("\(label): no integer value within [\(variable.lower), \(variable.upper)]")
            }
            let (type, lb, ub) = Self.boundType(lower, upper)
            columnKind.append(kind); columnType.append(type); columnLower.append(lb); columnUpper.append(ub)
            objective.append(variable.objective)
            appendName(variable.name, fallback: "x\(offset + 1)")
        }
    }

    private mutating func addRows(_ constraints: [Constraint], columnCount: Int, problems: inout [String]) {
        // Where column j last appeared in the matrix (position in ja), to merge duplicates in a row.
        var position = [Int](repeating: -1, count: columnCount)
        var rowOfPosition = [Int](repeating: -1, count: columnCount)
        for (offset, row) in constraints.enumerated() {
            let label = "row \(Self.quoted(row.name)) (row \(offset + 1))"
            if let problem = Self.boundProblem(row.lower, row.upper) { problems.append("\(label): \(problem)") }
            let (type, lb, ub) = Self.boundType(row.lower, row.upper)
            rowType.append(type); rowLower.append(lb); rowUpper.append(ub)
            appendName(row.name, fallback: "r\(offset + 1)")

            let firstOfRow = ar.count
            for term in row.expression.terms {
                let j = term.variable.index
                guard j >= 0 && j < columnCount else {
                    problems.append("\(label): refers to variable \(j + 1), but the model has \(columnCount)")
                    continue
                }
                if rowOfPosition[j] == offset {
                    ar[position[j]] += term.coefficient
                } else {
                    rowOfPosition[j] = offset; position[j] = ar.count
                    ia.append(Int32(offset + 1)); ja.append(Int32(j + 1)); ar.append(term.coefficient)
                }
            }
            for k in firstOfRow..<ar.count where !ar[k].isFinite {
                problems.append("\(label): coefficient \(ar[k]) of column \(ja[k]) is not finite")
            }
        }
    }

    /// What is wrong with `lower ≤ x ≤ upper`, if anything (either side may be infinite).
    static func boundProblem(_ lower: Double, _ upper: Double) -> String? {
        if lower.isNaN || upper.isNaN { return "bound is not a number ([\(lower), \(upper)])" }
        if lower == .infinity { return "lower bound is +∞" }
        if upper == -.infinity { return "upper bound is −∞" }
        if lower > upper { return "lower bound \(lower) above upper bound \(upper)" }
        return nil
    }

    /// GLPK's bound type for `lower ≤ x ≤ upper` (already checked; unusable bounds give a free column,
    /// since the model is rejected anyway).
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        guard boundProblem(lower, upper) == nil else { return (GLP_FR, 0, 0) }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    private mutating func appendName(_ name: String, fallback: String) {
        names.append(contentsOf: Self.safeName(name, fallback: fallback).utf8.map { CChar(bitPattern: $0) })
        names.append(0)
    }

    /// A name GLPK accepts: at most 255 bytes of printable ASCII without spaces (which MPS files
    /// cannot hold); anything else becomes `_`.
    static func safeName(_ name: String, fallback: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value > 32 && scalar.value < 127 ? Character(scalar) : "_"
        }.prefix(255))
        return cleaned.isEmpty ? fallback : cleaned
    }

    private static func quoted(_ name: String) -> String {
        "'" + (name.count > 60 ? name.prefix(60) + "…" : name) + "'"
    }
}
