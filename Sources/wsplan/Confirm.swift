import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a plan's packages to a bookings file, to pin them in the next quarter's scenario.",
        discussion: """
            Idempotent: packages already in the file stay as they are. Refused, with nothing written: a different \
            package for a municipality already booked, a package that needs a trainer on a day already booked (R5), \
            and any package, booked or new, that breaks R2-R4 (gaps and working days, by the scenario's rules with \
            --scenario, else by SPEC's defaults).
            """)

    @Argument(help: "The plan.json whose packages the office confirms.")
    var plan: String

    @Option(name: .long, help: "The bookings YAML file (created when missing).")
    var bookings: String

    @Option(name: .long, help: "The plan's scenario, whose gaps and office closure the packages must keep (default: SPEC's).")
    var scenario: String?

    func run() throws {
        do {
            let loaded = try PlanFile.read(path: plan)
            let rules = try scenario.map { path throws(InputErrors) in
                let given = try ScenarioLoader.load(path: path)
                if given.name != loaded.scenario {
                    FileHandle.standardError.write(Data("wsplan: warning: \(plan) is a plan of \"\(loaded.scenario)\", not of \"\(given.name)\"\n".utf8))
                }
                return BookingsFile.RuleSource(rules: given.rules, origin: "the rules of \(path)")
            } ?? .defaults
            let added = try BookingsFile.confirm(loaded, into: bookings, rules: rules, planFile: plan)
            FileHandle.standardError.write(Data(
                "wsplan: \(added.count) package(s) added to \(bookings)\(added.isEmpty ? " (all were there already)" : ": " + added.joined(separator: ", "))\n".utf8))
        } catch { throw reportInput(error) }
    }
}
