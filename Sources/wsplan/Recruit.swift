import ArgumentParser
import Foundation
import GLPKBackend
import Planning
import PlanningIO

struct Recruit: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        abstract: "Where one more trainer would serve the most left-out requests, and how many more would serve all.",
        discussion: """
            Candidate homes: the largest places of the gazetteer spread over the country, plus a town near each \
            left-out request. Each is screened with the pair-level LP relaxation (a hypothetical trainer with the given \
            caps added); the best few are re-planned exactly against the plan (move_eur). Then trainers are added \
            greedily, one at the best home each time, until nothing is left out. Writes recruit.json (read by \
            report.html), recruit-scenario.yaml and recruit-plan.json (the best home), recruit-all.yaml and \
            recruit-all-plan.json (the greedy count) into the plan's folder.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The plan to start from (default: DIR/plan.json when present, else solved now).")
    var plan: String?

    @Option(name: .long, help: "Output folder DIR (default: the plan's folder, else out/<scenario name>).")
    var out: String?

    @Option(name: .long, parsing: .unconditional, help: "Large towns spread over the country to try (default 30); a town near each left-out request is added.")
    var candidates: Int = 30

    @Option(name: .long, parsing: .unconditional, help: "max_packages of each added trainer (default: the median of the pool's).")
    var maxPackages: Int?

    @Option(name: .long, parsing: .unconditional, help: "max_days_per_month of each added trainer (default: the median of the pool's).")
    var maxDaysPerMonth: Int?

    @Option(name: .long, parsing: .unconditional, help: "Candidates re-planned exactly after the screening (default 3).")
    var resolves: Int = 3

    @Option(name: .long, parsing: .unconditional, help: "At most this many trainers in the count of how many would serve every request (default 5; 0: no count).")
    var maxAdded: Int = 5

    @Option(name: .long, parsing: .unconditional, help: "Seconds for the whole command (default: the scenario's solver.time_limit_s), split over the first solve, the screening and the re-plans.")
    var timeLimit: Double?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Print no progress lines on stderr.")
    var quiet = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 1e6) { throw ValidationError("--time-limit must be a number of seconds above 0 and at most 1000000") }
        if candidates < 1 { throw ValidationError("--candidates must be at least 1") }
        if let maxPackages, maxPackages < 1 { throw ValidationError("--max-packages must be at least 1") }
        if let maxDaysPerMonth, maxDaysPerMonth < 4 { throw ValidationError("--max-days-per-month must be at least 4 (one package takes four event days)") }
        if resolves < 1 { throw ValidationError("--resolves must be at least 1") }
        if maxAdded < 0 { throw ValidationError("--max-added must be 0 or more") }
    }

    func run() throws {
        let progress = ProgressDisplay(quiet: quiet)
        let clock = ContinuousClock(), started = clock.now
        let defaultFolder = PlanOutputs.defaultFolder(forScenario: scenario)
        let folderPlan = URL(fileURLWithPath: out ?? defaultFolder).appendingPathComponent("plan.json").path
        let planPath = plan ?? (FileManager.default.fileExists(atPath: folderPlan) ? folderPlan : nil)
        let folder = out ?? planPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? defaultFolder
        let loaded: Scenario
        let given: Plan?
        do {
            loaded = try ScenarioLoader.load(path: scenario)
            given = try planPath.map { path throws(InputErrors) in try PlanFile.read(path: path) }
        } catch { throw reportInput(error) }
        if let given, given.scenario != loaded.name {
            progress.note("warning: \(planPath!) is a plan of \"\(given.scenario)\", not of \"\(loaded.name)\"")
        }

        let limit = timeLimit ?? loaded.solver.timeLimitSeconds
        let solver = GLPKSolver()
        let base: Plan
        if let given {
            base = given
        } else {
            progress.note("solving \(scenario) first (time limit \(Int((limit * 0.3).rounded())) s)")
            base = try Planner(scenario: loaded).plan(using: solver, timeLimitSeconds: max(1, limit * 0.3))
        }
        let places = Gazetteer.shared.places.map { HomeCandidate(name: $0.name, state: $0.state, location: $0.location, source: "spread") }
        let unscheduled = Set(base.unscheduled.map(\.municipality))
        let leftOut = loaded.requests.filter { unscheduled.contains($0.id) }
        let homes = HomeCandidates.merged(HomeCandidates.near(leftOut, places: places), HomeCandidates.spread(places, count: candidates))
        var search = RecruitmentSearch(scenario: loaded, base: base, solver: solver, homes: homes, places: places,
                                       maxPackages: maxPackages ?? Self.median(loaded.trainers.compactMap(\.maxPackages)),
                                       maxDaysPerMonth: maxDaysPerMonth ?? Self.median(loaded.trainers.compactMap(\.maxDaysPerMonth)))
        search.exactResolves = resolves
        search.maxAdded = maxAdded
        let elapsed = clock.now - started
        let left = max(1, limit - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        let run = try search.run(seconds: left) { progress.note($0) }

        var files: [String: Data] = [RecruitmentFile.fileName: try RecruitmentFile.encode(run.result)]
        // Solved now: the plan the re-plans continue, so `check --previous` can recompute their move terms.
        if given == nil { files["recruit-base-plan.json"] = try PlanFile.encode(base) }
        if let best = run.best {
            files["recruit-scenario.yaml"] = Data(RecruitmentFile.whatIfScenario(
                extending: scenario, from: folder, name: "\(loaded.name) + \(best.trainer.name)",
                trainers: [best.trainer]).utf8)
            files["recruit-plan.json"] = try PlanFile.encode(best.plan)
        }
        if let greedyPlan = run.greedyPlan {
            let steps = run.result.greedy.steps
            files["recruit-all.yaml"] = Data(RecruitmentFile.whatIfScenario(
                extending: scenario, from: folder, name: "\(loaded.name) + \(steps.count) neue Trainer/innen",
                trainers: steps.map(\.trainer)).utf8)
            files["recruit-all-plan.json"] = try PlanFile.encode(greedyPlan)
        }
        // The report in the same folder shows the new section at once, when it is the report of this plan.
        if let planPath, URL(fileURLWithPath: planPath).standardizedFileURL.deletingLastPathComponent() == URL(fileURLWithPath: folder).standardizedFileURL,
           FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("report.html").path) {
            var page = ReportPage(plan: base, facts: ReportFacts(scenario: loaded, file: scenario))
            page.recruitment = run.result
            files["report.html"] = Data(page.render().utf8)
        }
        let target = try prepareOutput(folder, inputs: [scenario])
        defer { target.release() }
        try target.write(files)
        progress.note("wrote \(files.keys.sorted().joined(separator: ", ")) to \(folder)")
        print(format == .json ? String(decoding: files[RecruitmentFile.fileName]!, as: UTF8.self)
              : RecruitmentText.render(run.result, planSource: planPath ?? "solved now"), terminator: "")
    }

    /// The middle value (the lower of the two middle ones), nil for none.
    static func median(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : values.sorted()[(values.count - 1) / 2]
    }
}
