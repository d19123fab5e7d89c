import ArgumentParser
import Foundation
import Planning
import PlanningIO

struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a plan's packages to a bookings file, to pin them in the next quarter's scenario.",
        discussion: "Idempotent: packages already in the file stay as they are. A different package for a municipality already booked is refused, and nothing is written.")

    @Argument(help: "The plan.json whose packages the office confirms.")
    var plan: String

    @Option(name: .long, help: "The bookings YAML file (created when missing).")
    var bookings: String

    func run() throws {
        do {
            let loaded = try PlanFile.read(path: plan)
            let added = try BookingsFile.confirm(loaded, into: bookings)
            FileHandle.standardError.write(Data(
                "wsplan: \(added.count) package(s) added to \(bookings)\(added.isEmpty ? " (all were there already)" : ": " + added.joined(separator: ", "))\n".utf8))
        } catch { throw reportInput(error) }
    }
}
