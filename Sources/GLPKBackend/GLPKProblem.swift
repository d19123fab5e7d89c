import CGLPK
import Optimization

/// Owns one `glp_prob`: created in `init`, freed in `deinit`.
///
/// GLPK aborts the whole process on misuse (an index out of range, `lb > ub`, a name over 255
/// characters), so everything that reaches it is validated here first. GLPK keeps its state per
/// OS thread: create, solve, read and drop a problem on one thread. Not `Sendable` for that reason.
final class GLPKProblem {
    let pointer: OpaquePointer

    /// Loads `model` into a new GLPK problem (the corresponding C calls are `glp_create_prob`,
    /// `glp_add_cols`, `glp_add_rows`, `glp_load_matrix`).
    init(model: Model) {
        pointer = glp_create_prob()
        glp_set_obj_dir(pointer, GLP_MIN)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)

        let columnCount = model.variables.count
        if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
        for (offset, variable) in model.variables.enumerated() {
            let j = Int32(offset + 1)
            glp_set_col_name(pointer, j, GLPKProblem.safeName(variable.name, fallback: "x\(j)"))
            switch variable.kind {
            case .binary:
                glp_set_col_kind(pointer, j, GLP_BV)
                if variable.upper < 1 || variable.lower > 0 { setColumnBounds(j, variable.lower.rounded(.up), variable.upper.rounded(.down)) }
            case .integer:
                glp_set_col_kind(pointer, j, GLP_IV)
                // GLPK rejects fractional bounds on integer columns.
                setColumnBounds(j, variable.lower.rounded(.up), variable.upper.rounded(.down))
            case .continuous:
                setColumnBounds(j, variable.lower, variable.upper)
            }
            glp_set_obj_coef(pointer, j, variable.objective)
        }

        let rowCount = model.constraints.count
        if rowCount > 0 { glp_add_rows(pointer, Int32(rowCount)) }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]   // 1-based: slot 0 unused
        ia.reserveCapacity(model.nonZeros + 1); ja.reserveCapacity(model.nonZeros + 1); ar.reserveCapacity(model.nonZeros + 1)
        for (offset, row) in model.constraints.enumerated() {
            let i = Int32(offset + 1)
            glp_set_row_name(pointer, i, GLPKProblem.safeName(row.name, fallback: "r\(i)"))
            setRowBounds(i, row.lower, row.upper)
            for term in row.expression.terms {
                precondition(term.variable.index >= 0 && term.variable.index < columnCount, "row \(row.name): bad column")
                precondition(term.coefficient.isFinite, "row \(row.name): coefficient not finite")
                ia.append(i); ja.append(Int32(term.variable.index + 1)); ar.append(term.coefficient)
            }
        }
        if ia.count > 1 { glp_load_matrix(pointer, Int32(ia.count - 1), ia, ja, ar) }
    }

    deinit { glp_delete_prob(pointer) }

    /// The corresponding C function is `glp_set_col_bnds`.
    private func setColumnBounds(_ j: Int32, _ lower: Double, _ upper: Double) {
        let (type, lb, ub) = GLPKProblem.boundType(lower, upper)
        glp_set_col_bnds(pointer, j, type, lb, ub)
    }

    /// The corresponding C function is `glp_set_row_bnds`.
    private func setRowBounds(_ i: Int32, _ lower: Double, _ upper: Double) {
        let (type, lb, ub) = GLPKProblem.boundType(lower, upper)
        glp_set_row_bnds(pointer, i, type, lb, ub)
    }

    /// GLPK's bound type for `lower ≤ x ≤ upper`; GLPK aborts on `lb > ub` with `GLP_DB`.
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        precondition(!(lower.isNaN || upper.isNaN) && lower <= upper, "invalid bounds [\(lower), \(upper)]")
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// A name GLPK accepts (at most 255 characters, printable ASCII, no spaces, which MPS files can't hold).
    static func safeName(_ name: String, fallback: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value > 32 && scalar.value < 127 ? Character(scalar) : "_"
        }.prefix(255))
        return cleaned.isEmpty ? fallback : cleaned
    }

    /// Writes the problem in free MPS (a minimisation, so other solvers read the same sense).
    func writeMPS(to path: String) -> Bool {
        glp_write_mps(pointer, GLP_MPS_FILE, nil, path) == 0
    }
}
