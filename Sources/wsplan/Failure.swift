import ArgumentParser
import Foundation
import PlanningIO

/// Prints input problems on stderr, one per line, and gives the exit code for bad input (1).
func reportInput(_ errors: InputErrors) -> ExitCode {
    FileHandle.standardError.write(Data((errors.description + "\n").utf8))
    FileHandle.standardError.write(Data("wsplan: \(errors.problems.count) problem(s) in the input; nothing was written\n".utf8))
    return ExitCode(1)
}

/// A failure that is not about the input (an unwritable folder): printed as `Error: …`, exit 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    static func message(_ text: String) -> Failure { Failure(description: text) }
}
