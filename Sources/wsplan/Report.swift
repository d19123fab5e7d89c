import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html (timeline, calendar, map, cost sheets, in German) of an existing plan into DIR.")

    @Argument(help: "The plan.json.")
    var plan: String

    @Option(name: .long, help: "The scenario the plan was made for (trainers' homes and unavailable days, requests' places).")
    var scenario: String

    @Option(name: .long, help: "Output folder; the report goes to DIR/report.html.")
    var out: String

    func run() throws {
        let loaded: Plan
        let facts: ReportFacts
        do {
            loaded = try PlanFile.read(path: plan)
            let described = try ScenarioLoader.load(path: scenario)
            try requirePlan(loaded, file: plan, of: described, file: scenario)
            facts = ReportFacts(scenario: described, file: scenario)
        } catch { throw reportInput(error) }
        let target = try prepareOutput(out, inputs: [scenario])
        defer { target.release() }
        var page = ReportPage(plan: loaded, facts: facts)
        page.recruitment = RecruitmentFile.read(folder: out)
        try target.write(["report.html": Data(page.render().utf8)])
        FileHandle.standardError.write(Data("wsplan: wrote \(out)/report.html\n".utf8))
    }
}
