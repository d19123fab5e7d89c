import Foundation

/// What every controller shares: the configuration, the folder, the running solves and the
/// CSRF token of this server run (a secret that only pages of this server carry in their forms).
final class Desk: Sendable {
    let configuration: DeskConfiguration
    let scenarios: ScenarioFolder
    let jobs = SolveJobs()
    let csrf = Tokens.random()
    let feeds: FeedTokens

    init(_ configuration: DeskConfiguration) {
        self.configuration = configuration
        scenarios = ScenarioFolder(configuration.folder, workingFolder: configuration.workingFolder)
        feeds = FeedTokens(folder: scenarios.root)
    }
}
