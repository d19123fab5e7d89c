import ArgumentParser
import Foundation
import GLPKBackend
import Planning
import PlanningIO

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a scenario with GLPK and write plan.json, calendar.csv and the calendars (ics/).")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: out/<scenario name>).")
    var out: String?

    @Option(name: .long, help: "Solver time limit in seconds (overrides the scenario's solver.time_limit_s).")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which to stop (overrides solver.mip_gap).")
    var mipGap: Double?

    @Option(name: .long, help: "Also write the exact MIP given to GLPK as free MPS (a minimisation).")
    var writeModel: String?

    @Option(name: .long, help: "Preparation days per workshop start in the model, best first (default: as many as fit).")
    var prepAlternatives: Int?

    @Option(name: .long, help: "Follow-up days per workshop start in the model, best first (default: as many as fit).")
    var followupAlternatives: Int?

    @Option(name: .long, help: "The plan this one replaces (default: DIR/plan.json when present): calendars keep its UIDs.")
    var previous: String?

    @Option(name: .long, help: "glpk (default): optimise; greedy: the office's hand-made plan, as the benchmark's baseline (no bound).")
    var method: SolveMethod = .glpk

    @Flag(name: .long, help: "Do not give GLPK the greedy plan as a first incumbent.")
    var noStart = false

    @Flag(name: .long, help: "Show GLPK's own log on stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let mipGap, !(mipGap >= 0 && mipGap.isFinite) { throw ValidationError("--mip-gap must be 0 or more") }
        if (prepAlternatives ?? 1) < 1 || (followupAlternatives ?? 1) < 1 { throw ValidationError("alternatives must be at least 1") }
    }

    func run() throws {
        let progress = Progress(quiet: quiet)
        progress.say("reading \(scenario)")
        let folder = out ?? "out/" + URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        let loaded: Scenario
        let previousPlan: Plan?
        do {
            loaded = try ScenarioLoader.load(path: scenario)
            previousPlan = try PlanOutputs.previousPlan(named: previous, folder: folder)
        } catch { throw reportInput(error) }

        let planner = Planner(scenario: loaded, options: FormulationOptions(
            preparationAlternatives: prepAlternatives, followupAlternatives: followupAlternatives), previous: previousPlan)
        let solver = GLPKSolver()
        if let writeModel {
            let start = planner.greedy()
            let model = try planner.prepare(solver: solver, timeLimitSeconds: timeLimit ?? loaded.solver.timeLimitSeconds, start: start).model
            guard solver.writeMPS(model.model, to: writeModel) else { throw Failure.message("cannot write the model to \(writeModel)") }
        }
        let log: (@Sendable (String) -> Void)? = verbose ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        let plan = method == .greedy ? planner.officeBaselinePlan() : try planner.plan(using: solver, timeLimitSeconds: timeLimit, mipGap: mipGap, injectStart: !noStart,
                                    progress: { progress.say($0) }, solverLog: log)

        let stamp = ICalendarWriter.utcStamp()
        let published = PlanOutputs.publish(plan, previous: previousPlan, stamp: stamp)
        try OutputFolder.write(try PlanOutputs.files(for: published, stamp: stamp), to: folder)
        progress.summary(published, folder: folder)
    }
}

/// How `wsplan solve` makes the plan.
enum SolveMethod: String, ExpressibleByArgument, CaseIterable {
    case glpk, greedy
}

/// Plain progress lines on stderr.
struct Progress {
    let quiet: Bool

    func say(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(("wsplan: " + text + "\n").utf8))
    }

    func summary(_ plan: Plan, folder: String) {
        let s = plan.solver
        let served = plan.packages.filter { !$0.pinned }.count
        say("\(s.status.rawValue): \(served) packages planned, \(plan.unscheduled.count) unscheduled, objective \(format(s.objective)) EUR, bound \(format(s.bound)), gap \(s.gap.map { String(format: "%.3f%%", $0 * 100) } ?? "–"), \(String(format: "%.1f", s.seconds)) s")
        say("wrote \(folder)/plan.json, calendar.csv and ics/ (\(plan.events?.count ?? 0) calendar events)")
    }

    private func format(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }
}
