import CGLPK
import CGLPKGuard
import Foundation

/// Where GLPK's terminal output goes during a guarded call: a `glp_term_hook`-style function and
/// the `info` it gets, or nowhere. Never stdout, which may carry data.
struct GLPKOutput {
    var hook: glpk_guard_output?
    var info: UnsafeMutableRawPointer?

    static var silent: GLPKOutput { GLPKOutput(hook: nil, info: nil) }
}

/// The funnel for every GLPK call that can fail: each runs in C under GLPK's error hook (target
/// `CGLPKGuard`), so a fatal GLPK error comes back as `GLPKError.fatal` instead of `abort()`.
///
/// After such an error GLPK's environment is gone with every problem object of the thread:
/// `GLPKProblem` notices (`isAlive`) and never touches its pointer again; the hooks are installed
/// afresh by each guarded call, so nothing needs resetting.
enum GLPKGuard {
    /// Builds a problem from checked data. The corresponding C function is `glpk_guard_build`
    /// (`glp_create_prob`, `glp_add_cols`, `glp_set_col_*`, `glp_add_rows`, `glp_set_row_*`,
    /// `glp_load_matrix`).
    static func build(_ data: GLPKProblemData, output: GLPKOutput) throws(GLPKError) -> OpaquePointer {
        var fault = glpk_guard_fault()
        let built: OpaquePointer? = data.columnKind.withUnsafeBufferPointer { kind in
            data.columnType.withUnsafeBufferPointer { columnType in
            data.columnLower.withUnsafeBufferPointer { columnLower in
            data.columnUpper.withUnsafeBufferPointer { columnUpper in
            data.objective.withUnsafeBufferPointer { objective in
            data.rowType.withUnsafeBufferPointer { rowType in
            data.rowLower.withUnsafeBufferPointer { rowLower in
            data.rowUpper.withUnsafeBufferPointer { rowUpper in
            data.ia.withUnsafeBufferPointer { ia in
            data.ja.withUnsafeBufferPointer { ja in
            data.ar.withUnsafeBufferPointer { ar in
            data.names.withUnsafeBufferPointer { names in
                var model = glpk_guard_model(
                    columns: Int32(data.columnCount), rows: Int32(data.rowCount), nonzeros: Int32(data.nonZeros),
                    objective_constant: data.objectiveConstant,
                    column_kind: kind.baseAddress, column_type: columnType.baseAddress,
                    column_lower: columnLower.baseAddress, column_upper: columnUpper.baseAddress,
                    column_objective: objective.baseAddress, row_type: rowType.baseAddress,
                    row_lower: rowLower.baseAddress, row_upper: rowUpper.baseAddress,
                    ia: ia.baseAddress, ja: ja.baseAddress, ar: ar.baseAddress, names: names.baseAddress)
                return glpk_guard_build(&model, output.hook, output.info, &fault)
            }}}}}}}}}}}}
        try check(fault, call: "building the problem")
        guard let built else { throw .fatal(call: "building the problem", message: "glp_create_prob returned nothing") }
        return built
    }

    /// The corresponding C function is `glp_simplex`.
    static func simplex(_ problem: GLPKProblem, _ parameters: glp_smcp, output: GLPKOutput) throws(GLPKError) -> Int32 {
        let pointer = try problem.livePointer()
        var fault = glpk_guard_fault(), parameters = parameters
        let code = glpk_guard_simplex(pointer, &parameters, output.hook, output.info, &fault)
        try check(fault, call: "glp_simplex")
        return code
    }

    /// The corresponding C function is `glp_intopt`; `parameters.cb_func` runs through the guard's
    /// trampoline and must make only GLPK calls that cannot fail.
    static func intopt(_ problem: GLPKProblem, _ parameters: glp_iocp, output: GLPKOutput) throws(GLPKError) -> Int32 {
        let pointer = try problem.livePointer()
        var fault = glpk_guard_fault(), parameters = parameters
        let code = glpk_guard_intopt(pointer, &parameters, output.hook, output.info, &fault)
        try check(fault, call: "glp_intopt")
        return code
    }

    /// The corresponding C function is `glp_write_mps` (free MPS); true when the file was written.
    static func writeMPS(_ problem: GLPKProblem, to path: String, output: GLPKOutput) throws(GLPKError) -> Bool {
        let pointer = try problem.livePointer()
        var fault = glpk_guard_fault()
        let code = glpk_guard_write_mps(pointer, GLP_MPS_FILE, path, output.hook, output.info, &fault)
        try check(fault, call: "glp_write_mps")
        return code == 0
    }

    static func check(_ fault: glpk_guard_fault, call: String) throws(GLPKError) {
        guard fault.failed != 0 else { return }
        throw .fatal(call: call, message: message(of: fault))
    }

    /// GLPK's error text from the fixed-size C buffer.
    static func message(of fault: glpk_guard_fault) -> String {
        withUnsafeBytes(of: fault.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
