import ArgumentParser
import Foundation
import GLPKBackend

/// sysexits' EX_SOFTWARE: an internal error, kept apart from bad input (1) and bad usage (64).
let internalErrorExitCode: Int32 = 70

extension WSPlan {
    /// Runs the command like ArgumentParser's own `main()`, except that a GLPK failure (a bug in
    /// wsplan's model or GLPK's fatal error, caught by the guard) is reported as an internal solver
    /// error with GLPK's message and exit code 70, never as a crash. Commands write their outputs
    /// only after solving, so nothing was written when this happens.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as GLPKError {
            FileHandle.standardError.write(Data("wsplan: \(error)\nwsplan: this is a bug in wsplan, not in the input; nothing was written\n".utf8))
            Foundation.exit(internalErrorExitCode)
        } catch {
            exit(withError: error)
        }
    }
}
