import ArgumentParser

@main
struct WSPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wsplan",
        abstract: "Plans the foundation's integration workshops: scenario in, optimal calendar out.",
        subcommands: [Solve.self, Check.self, ICS.self, Compare.self, Confirm.self, Explain.self, Report.self, Roster.self, Generate.self, Recruit.self, Serve.self]
    )
}
