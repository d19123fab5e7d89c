import ArgumentParser
import Foundation
import GLPKBackend
import Optimization
import Planning
import PlanningIO

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a scenario with GLPK and write plan.json, calendar.csv, costs.csv, report.html and the calendars (ics/).",
        discussion: """
            Shows progress on stderr (one updating line on a terminal, plain lines otherwise). Ctrl-C stops the \
            search and writes the best plan found so far (status feasible unless already proven optimal), exit 0; \
            a second Ctrl-C quits at once without writing anything (exit 130).
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: out/<scenario name>).")
    var out: String?



    @Option(name: .long, help: "Also write the exact MIP given to GLPK as free MPS (a minimisation).")
    var writeModel: String?

    @Option(name: .long, help: "Preparation days per workshop start in the model, best first (default: as many as fit).")
    var prepAlternatives: Int?

    @Option(name: .long, help: "Follow-up days per workshop start in the model, best first (default: as many as fit).")
    var followupAlternatives: Int?

    @Option(name: .long, help: "The plan this one replaces (default: DIR/plan.json when present; none: start afresh): calendars keep its UIDs.")
    var previous: String?

    @Option(name: .long, help: "glpk (default): optimise; greedy: the office's hand-made plan, as the benchmark's baseline (no bound).")
    var method: SolveMethod = .glpk

    @Flag(name: .long, help: "Do not give GLPK the greedy plan as a first incumbent.")
    var noStart = false

    @Flag(name: .long, help: "Show GLPK's own log on stderr.")
    var verbose = false

    @Flag(name: .long, help: "Solve even when the scenario has no requests (every package of the previous plan is then cancelled).")
    var allowEmpty = false

    @Flag(name: .long, help: "Print nothing but errors (no progress).")
    var quiet = false

    @Option(name: .long, help: "Form of calendar.csv and costs.csv: excel-de (UTF-8 with BOM, ';', decimal comma) or plain (UTF-8, ',', decimal point).")
    var csvFormat: CSVFormat = .excelGerman

    @OptionGroup var limits: SolverLimitOptions
    var timeLimit: Double? { limits.timeLimit }
    var mipGap: Double? { limits.mipGap }

    func validate() throws {
        if (prepAlternatives ?? 1) < 1 || (followupAlternatives ?? 1) < 1 { throw ValidationError("alternatives must be at least 1") }
    }

    func run() throws {
        let display = ProgressDisplay(quiet: quiet)
        let interrupt = InterruptHandler(
            onFirst: { display.warn("interrupted: stopping the search, then writing the best plan so far (Ctrl-C again quits without writing)") },
            onSecond: { display.warn("interrupted again: quitting without writing anything"); FileLock.releaseAll() })
        display.update(SolverProgress(phase: .reading, elapsed: 0))
        defer { display.finish() }
        let folder = out ?? PlanOutputs.defaultFolder(forScenario: scenario)
        let loaded: Scenario
        let previousPlan: Plan?
        do { loaded = try ScenarioLoader.load(path: scenario) } catch { throw reportInput(error) }
        if loaded.requests.isEmpty && !allowEmpty {
            throw reportInput(InputErrors(problems: [InputProblem(file: scenario, field: "municipalities", message:
                "the scenario has no requests, so the plan would cancel every planned package; add requests, or pass --allow-empty if that is meant")]))
        }
        // Checked and locked before the solve, so that an unusable --out is not found out afterwards.
        let target = try prepareOutput(folder, inputs: [scenario])
        defer { target.release() }
        do { previousPlan = try PlanOutputs.previousPlan(named: previous, folder: target.path) } catch { throw reportInput(error) }

        let planner = Planner(scenario: loaded, options: FormulationOptions(
            preparationAlternatives: prepAlternatives, followupAlternatives: followupAlternatives), previous: previousPlan)
        let solver = GLPKSolver()
        let writeMPS = { (model: Model) throws in
            guard let writeModel else { return }
            guard try solver.writeMPS(model, to: writeModel) else { throw Failure.message("cannot write the model to \(writeModel)") }
        }
        // With GLPK the planner hands over its model once built; the greedy method builds it only to write it.
        if method == .greedy, writeModel != nil {
            let start = planner.greedy()
            try writeMPS(try planner.prepare(solver: solver, timeLimitSeconds: timeLimit ?? loaded.solver.timeLimitSeconds, start: start).model.model)
        }
        // GLPK's own output only with --verbose, as notes above the progress line.
        let log: (@Sendable (String) -> Void)? = verbose ? { @Sendable line in display.note("glpk: " + line) } : nil
        let plan = method == .greedy ? planner.officeBaselinePlan() : try planner.plan(
            using: solver, timeLimitSeconds: timeLimit, mipGap: mipGap, injectStart: !noStart,
            progress: { display.note($0) }, solverLog: log, onProgress: { display.update($0) }, cancellation: interrupt.cancellation,
            onModel: writeMPS)

        interrupt.writing()
        display.update(SolverProgress(phase: .writing, incumbent: plan.solver.objective, bound: plan.solver.bound, elapsed: 0))
        let written = try PlanOutputs.write(plan, previous: previousPlan, scenario: loaded, to: target, csv: csvFormat.dialect,
                                            recruitment: RecruitmentFile.read(folder: folder))
        let published = written.plan
        for change in written.changes ?? [] { display.note(change.terminalLine) }
        display.summary(published, folder: folder, files: "plan.json, calendar.csv, costs.csv, report.html, roster-*.html and ics/")
        if interrupt.wasInterrupted {
            display.warn("interrupted by Ctrl-C: wrote the best plan found so far (\(published.solver.status.rawValue))")
        }
    }
}

/// How `wsplan solve` makes the plan.
enum SolveMethod: String, ExpressibleByArgument, CaseIterable {
    case glpk, greedy
}

/// `--csv-format`.
enum CSVFormat: String, ExpressibleByArgument, CaseIterable {
    case excelGerman = "excel-de"
    case plain

    var dialect: CSVDialect { self == .plain ? .plain : .excelGerman }
}
