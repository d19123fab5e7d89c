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

    @Option(name: .long, parsing: .unconditional, help: "Preparation days per workshop start in the model, best first (default: as many as fit).")
    var prepAlternatives: Int?

    @Option(name: .long, parsing: .unconditional, help: "Follow-up days per workshop start in the model, best first (default: as many as fit).")
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

    @Option(name: .long, help: "Form of the progress on stderr: text (default) or json (one JSON object a line with a stable English phase name, for scripts).")
    var progress: ProgressForm = .text

    @Option(name: .long, help: "Form of calendar.csv and costs.csv: excel-de (UTF-8 with BOM, ';', decimal comma) or plain (UTF-8, ',', decimal point).")
    var csvFormat: CSVFormat = .excelGerman

    @OptionGroup var limits: SolverLimitOptions
    var timeLimit: Double? { limits.timeLimit }
    var mipGap: Double? { limits.mipGap }

    func validate() throws {
        if (prepAlternatives ?? 1) < 1 || (followupAlternatives ?? 1) < 1 { throw ValidationError("alternatives must be at least 1") }
    }

    func run() throws {
        // The time limit is the whole command's, from here to the last file written.
        let started = ContinuousClock.now
        let display = ProgressDisplay(quiet: quiet, json: progress == .json)
        let interrupt = InterruptHandler(
            onFirst: { stage in
                display.warn(stage == .writing
                    ? "interrupted: writing the plan found (Ctrl-C again quits without writing)"
                    : stage == .reading
                    ? "interrupted before any plan: quitting without writing anything"
                    : "interrupted: stopping the search, then writing the best plan so far (Ctrl-C again quits without writing)",
                    event: "interrupted", [("phase", .text(stage.name)), ("writes", .bool(stage != .reading))])
            },
            onSecond: { display.warn("interrupted again: quitting without writing anything", event: "quit"); FileLock.releaseAll() })
        display.show(.reading)
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

        let options = FormulationOptions(preparationAlternatives: prepAlternatives, followupAlternatives: followupAlternatives)
        let limit = timeLimit ?? loaded.solver.timeLimitSeconds
        let finish = TimeShares.finishSeconds(limit: limit, scenario: loaded)
        interrupt.stage = .planning
        let plan: Plan
        if method == .greedy {
            display.show(.listing)
            let planner = Planner(scenario: loaded, options: options, previous: previousPlan, timeLimitSeconds: limit)
            if let writeModel {
                // The greedy method builds the package model only to write it.
                let model = try planner.prepare(solver: GLPKSolver(), timeLimitSeconds: limit, start: planner.greedy()).model.model
                guard try GLPKSolver().writeMPS(model, to: writeModel) else { throw Failure.message("cannot write the model to \(writeModel)") }
            }
            plan = planner.officeBaselinePlan()
        } else {
            plan = try optimise(loaded, options: options, previous: previousPlan, limit: limit, finish: finish, started: started,
                                display: display, cancellation: interrupt.cancellation)
        }

        interrupt.stage = .writing
        display.show(.writing, incumbent: plan.solver.objective, bound: plan.solver.bound)
        let written = try PlanOutputs.write(plan, previous: previousPlan, scenario: loaded, file: scenario, to: target, csv: csvFormat.dialect,
                                            recruitment: RecruitmentFile.read(folder: folder))
        let published = written.plan
        for change in written.changes ?? [] { display.note(change.terminalLine) }
        display.summary(published, folder: folder, files: "plan.json, calendar.csv, costs.csv, report.html, roster-*.html and ics/",
                        wall: TimeShares.seconds(since: started), interrupted: interrupt.wasInterrupted)
        if interrupt.wasInterrupted && display.mode != .json {
            display.warn("interrupted by Ctrl-C: wrote the best plan found so far (\(published.solver.status.rawValue))")
        }
    }

    /// Lists the candidates and plans with GLPK on a thread of its own, waiting no longer than the
    /// limit allows (or 0.3 s after Ctrl-C): then the best plan so far is taken, whatever step
    /// the planner is in. Without any plan by then (not even the greedy one), nothing is written.
    private func optimise(_ scenario: Scenario, options: FormulationOptions, previous: Plan?, limit: Double, finish: Double,
                          started: ContinuousClock.Instant, display: ProgressDisplay, cancellation: Cancellation) throws -> Plan {
        let (gap, inject, writeModel, verbose) = (mipGap, !noStart, writeModel, verbose)
        // The planner's stop: Ctrl-C, or the command no longer waiting for it (then it is also muted).
        let stop = Cancellation()
        let muted = Cancellation()
        // GLPK's own output only with --verbose, as notes above the progress line.
        let events: @Sendable (PlanEvent) -> Void = { event in
            guard !muted.isCancelled else { return }
            switch event {
            case .note(let text): display.note(text)
            case .solverLog(let line): display.note("glpk: " + line)
            case .progress(let state): display.update(state)
            }
        }
        let best = BestPlanSoFar()
        display.show(.listing)
        let finished = try PlanRun.run(deadline: TimeShares.waitUntil(started: started, limit: limit, finish: finish),
                                       interrupt: cancellation, stop: stop) {
            let planner = Planner(scenario: scenario, options: options, previous: previous, timeLimitSeconds: limit)
            let solver = GLPKSolver()
            return try planner.plan(using: solver, timeLimitSeconds: limit, mipGap: gap, injectStart: inject, startedAt: started,
                                    finishSeconds: finish, bestSoFar: best, events: events, solverLog: verbose,
                                    cancellation: stop, onModel: { model in
                // `--write-model`: the model GLPK gets, from the relaxations solved once.
                guard let writeModel else { return }
                guard try solver.writeMPS(model, to: writeModel) else { throw Failure.message("cannot write the model to \(writeModel)") }
            })
        }
        if let finished { return finished }
        muted.cancel()
        let why = cancellation.isCancelled ? "Ctrl-C" : "the time limit (\(TimeShares.text(limit)) s)"
        // The diagnosis gets what is left of its share; after Ctrl-C nothing, so the plan is written at once.
        let explainUntil = cancellation.isCancelled ? ContinuousClock.now
            : started.advanced(by: .milliseconds(Int64((limit - finish * (1 - options.diagnosisShareOfFinish)) * 1000)))
        guard let kept = best.plan(solverName: GLPKSolver().name, seconds: TimeShares.seconds(since: started),
                                   explainUntil: explainUntil) else {
            if cancellation.isCancelled {
                display.warn("interrupted before the first plan: nothing was written", event: "not_written")
                throw ExitCode(130)
            }
            // SPEC's `no_plan`, told rather than written: an empty plan.json would cancel every
            // published event. One line, also with --quiet, and the event scripts read.
            display.warn("no plan: \(why) came before even the greedy plan was made (listing the candidates takes longer); "
                         + "nothing was written (exit 1). Give a longer --time-limit.", event: "not_written")
            throw ExitCode(1)
        }
        display.note("\(why) came in the middle of a step that cannot be cut short: the best plan so far is written (\(kept.solver.status.rawValue))")
        return kept
    }
}

/// How `wsplan solve` makes the plan.
enum SolveMethod: String, ExpressibleByArgument, CaseIterable {
    case glpk, greedy
}

/// `--progress`.
enum ProgressForm: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--csv-format`.
enum CSVFormat: String, ExpressibleByArgument, CaseIterable {
    case excelGerman = "excel-de"
    case plain

    var dialect: CSVDialect { self == .plain ? .plain : .excelGerman }
}
