import ArgumentParser
import Foundation
import PlanningIO

/// Checks and locks `--out` (`OutputFolder.prepare`) before a command does its work; an unusable
/// folder is bad input: one `error:` line, exit 1, nothing written.
func prepareOutput(_ folder: String, inputs: [String]) throws -> OutputFolder.Prepared {
    do {
        return try OutputFolder.prepare(folder, inputs: inputs)
    } catch {
        FileHandle.standardError.write(Data("\(folder): error: \(error)\nwsplan: nothing was written\n".utf8))
        throw ExitCode(1)
    }
}
