import ArgumentParser
import Foundation
import GLPKBackend
import Planning
import PlanningIO

struct Explain: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        abstract: "Say why a municipality is unscheduled and which single change would let it in, each checked by a re-solve.",
        discussion: """
            Solves the scenario (or reads --plan), names the rule (R1–R9) and the facts that block the request, then \
            re-solves the scenario once per relevant relaxation – a wider window, one more package or event day per month \
            for a trainer at a cap, a forbidden pair allowed, a shorter gap, a dropped requires/excludes – and prints \
            each with its objective difference, best first.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Argument(help: "The municipality's id (as in the requests).")
    var municipality: String

    @Option(name: .long, help: "Explain against this plan.json instead of solving first.")
    var plan: String?

    @Option(name: .long, parsing: .unconditional, help: "Seconds per re-solve of a relaxation (default 15, at most the time limit).")
    var resolveLimit: Double?

    @Option(name: .long, parsing: .unconditional, help: "At most this many re-solves (default 6).")
    var maxResolves: Int = 6

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Print no progress lines on stderr.")
    var quiet = false

    @OptionGroup var limits: SolverLimitOptions
    var timeLimit: Double? { limits.timeLimit }
    var mipGap: Double? { limits.mipGap }

    func validate() throws {
        if let resolveLimit, !(resolveLimit > 0 && resolveLimit.isFinite) { throw ValidationError("--resolve-limit must be a positive number of seconds") }
        if maxResolves < 0 { throw ValidationError("--max-resolves must be 0 or more") }
    }

    func run() throws {
        let progress = ProgressDisplay(quiet: quiet)
        let loaded: Scenario
        let given: Plan?
        do {
            loaded = try ScenarioLoader.load(path: scenario)
            given = try plan.map { path throws(InputErrors) in try PlanFile.read(path: path) }
        } catch { throw reportInput(error) }
        if !loaded.requests.contains(where: { $0.id == municipality }), let booking = loaded.bookings.first(where: { $0.municipality == municipality }) {
            print("\(booking.name) (\(municipality)) is a confirmed booking: trainers \(booking.trainers.ids.joined(separator: " and ")), "
                + "preparation \(booking.preparation.iso), workshop \(booking.workshop.iso), follow-up \(booking.followup.iso); a plan never moves it (R9).")
            return
        }
        guard let m = loaded.requests.firstIndex(where: { $0.id == municipality }) else {
            let known = loaded.requests.map(\.id) + loaded.bookings.map(\.municipality)
            let hint = IdSuggestions.closest(to: municipality, among: known)
            throw reportInput(InputErrors(problems: [InputProblem(file: scenario, field: "municipality",
                message: "no request with the id \"\(municipality)\"; \(hint.isEmpty ? "" : "did you mean \(hint.map { "\"\($0)\"" }.joined(separator: ", "))? ")use an id from the requests")]))
        }
        if let given, given.scenario != loaded.name {
            progress.note("warning: \(plan!) is a plan of \"\(given.scenario)\", not of \"\(loaded.name)\"")
        }

        let limit = timeLimit ?? loaded.solver.timeLimitSeconds
        let solver = GLPKSolver()
        let base: Plan
        if let given {
            base = given
        } else {
            progress.note("solving \(scenario) (time limit \(Int(limit.rounded())) s)")
            base = try Planner(scenario: loaded).plan(using: solver, timeLimitSeconds: limit, mipGap: mipGap)
        }
        let planner = Planner(scenario: loaded)
        let diagnosis = UnscheduledDiagnoser(planner: planner)
            .diagnose(m, choices: UnscheduledDiagnoser.choices(from: base, scenario: loaded))
        var outcomes: [WhatIfOutcome] = []
        let resolveSeconds = min(resolveLimit ?? 15, limit)
        if diagnosis.kind == .structural || diagnosis.kind == .capacity {
            outcomes = try WhatIfSearch(scenario: loaded, base: base, solver: solver, timeLimitSeconds: resolveSeconds,
                                        maxResolves: maxResolves).run(diagnosis) { progress.note($0) }
        }
        let report = ExplanationReport(scenario: loaded, diagnosis: diagnosis, plan: base,
                                       planSource: plan ?? "solved now", outcomes: outcomes,
                                       resolveSeconds: outcomes.isEmpty ? nil : resolveSeconds)
        print(format == .json ? try report.json() : report.text(), terminator: "")
    }
}
