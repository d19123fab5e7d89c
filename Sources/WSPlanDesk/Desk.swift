import Foundation

/// What every controller shares: the configuration, the folder, the running solves and the
/// CSRF token of this server run (a secret that only pages of this server carry in their forms).
final class Desk: Sendable {
    let configuration: DeskConfiguration
    let scenarios: ScenarioFolder
    let jobs = SolveJobs()
    let csrf = Tokens.random()
    let feeds: FeedTokens
    /// Held while a change to the scenario files is checked and saved: the version check and the
    /// write happen as one step, so no change is lost. One lock for all scenarios, since a base's
    /// request file can belong to more than one.
    private let writes = NSLock()

    init(_ configuration: DeskConfiguration) {
        self.configuration = configuration
        scenarios = ScenarioFolder(configuration.folder, workingFolder: configuration.workingFolder)
        feeds = FeedTokens(folder: scenarios.root)
    }

    func writing<T>(_ body: () throws -> T) rethrows -> T {
        writes.lock()
        defer { writes.unlock() }
        return try body()
    }
}
