import CGLPK
import CGLPKGuard
import Optimization

/// Owns one `glp_prob`: built in `init`, freed in `deinit`.
///
/// GLPK aborts the whole process on misuse (an index out of range, `lb > ub`, a name over 255
/// characters), so the model is checked first (`GLPKProblemData`) and built under the guard
/// (`GLPKGuard`). A fatal GLPK error frees every problem of the thread: after one, `isAlive` is
/// false and the pointer is never touched again, not even by `deinit`. GLPK keeps its state per OS
/// thread: create, solve, read and drop a problem on one thread. Not `Sendable` for that reason.
final class GLPKProblem {
    /// The problem; read it only after a guarded call on it has succeeded (or use `livePointer()`).
    let pointer: OpaquePointer
    /// The guard's count of freed environments when this problem was built.
    private let generation: UInt

    /// Loads `model` into a new GLPK problem, or throws why it cannot.
    convenience init(model: Model, output: GLPKOutput = .silent) throws(GLPKError) {
        try self.init(data: GLPKProblemData(model: model), output: output)
    }

    /// Builds a problem from data that has been checked already.
    init(data: GLPKProblemData, output: GLPKOutput = .silent) throws(GLPKError) {
        pointer = try GLPKGuard.build(data, output: output)
        generation = glpk_guard_generation()
    }

    /// False once a fatal GLPK error on this thread has freed the problem with GLPK's environment.
    var isAlive: Bool { glpk_guard_generation() == generation }

    /// The pointer, or `GLPKError.problemFreed` when it no longer exists.
    func livePointer() throws(GLPKError) -> OpaquePointer {
        guard isAlive else { throw .problemFreed }
        return pointer
    }

    deinit { if isAlive { glp_delete_prob(pointer) } }

    /// Writes the problem in free MPS (a minimisation, so other solvers read the same sense).
    func writeMPS(to path: String, output: GLPKOutput = .silent) throws(GLPKError) -> Bool {
        try GLPKGuard.writeMPS(self, to: path, output: output)
    }
}
