import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Roster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Write one roster (Einsatzplan, German HTML, ready to send) per trainer of an existing plan into DIR: roster-ID.html.")

    @Argument(help: "The plan.json.")
    var plan: String

    @Option(name: .long, help: "The scenario the plan was made for (its ids must be the plan's, as `check` compares them).")
    var scenario: String

    @Option(name: .long, help: "Output folder; the rosters go to DIR/roster-ID.html.")
    var out: String

    func run() throws {
        let loaded: Plan
        do {
            loaded = try PlanFile.read(path: plan)
            try requirePlan(loaded, file: plan, of: try ScenarioLoader.load(path: scenario), file: scenario)
        } catch { throw reportInput(error) }
        let files = ReportRosters(plan: loaded).files()
        try OutputFolder.write(files.mapValues { Data($0.utf8) }, to: out)
        FileHandle.standardError.write(Data("wsplan: wrote \(files.count) rosters to \(out) (\(files.keys.sorted().joined(separator: ", ")))\n".utf8))
    }
}
