import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct ICS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write the calendars (all.ics, trainer-ID.ics, municipality-ID.ics) of an existing plan into DIR/ics.")

    @Argument(help: "The plan.json.")
    var plan: String

    @Option(name: .long, help: "Output folder; the files go into its ics/ folder.")
    var out: String

    func run() throws {
        let loaded: Plan
        do { loaded = try PlanFile.read(path: plan) } catch { throw reportInput(error) }
        let target = try prepareOutput(out, inputs: [])
        defer { target.release() }
        let files = ICalendarWriter(plan: loaded, stamp: ICalendarWriter.utcStamp()).files()
        try target.write(files)
        FileHandle.standardError.write(Data("wsplan: wrote \(files.count) calendars into \(out)/ics\n".utf8))
    }
}
