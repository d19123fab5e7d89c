import Foundation
import GLPKBackend
import Optimization
import Planning
import PlanningIO

/// One solve per scenario at a time, run on a thread of its own (GLPK blocks), as `wsplan solve`
/// does it: the same loader, planner, previous plan and output folder. Stop is the planner's
/// cancellation, as Ctrl-C: the best plan so far is written.
final class SolveJobs: @unchecked Sendable {
    /// What the page shows of a solve.
    struct Snapshot: Sendable, Equatable {
        enum State: String, Sendable { case running, finished, failed }
        var state: State = .running
        var phase = "Szenario lesen"
        var incumbent: Double?
        var bound: Double?
        var elapsed: Double = 0
        var stopRequested = false
        /// When finished: the plan's status; when failed: what went wrong (the CLI's words).
        var message = ""

        var gap: Double? {
            guard let incumbent, let bound else { return nil }
            return max(0, incumbent - bound) / max(abs(incumbent), 1)
        }

        /// The server-sent event's data: one JSON object, the figures as numbers and, in `words`,
        /// as the page shows them (German), so the page's script formats nothing itself.
        var json: String {
            func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "null" }
            func string(_ text: String) -> String {
                "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    .replacingOccurrences(of: "\n", with: "\\n") + "\""
            }
            let words = "{\"state\":\(string(PlanSection.stateWord(self))),\"incumbent\":\(string(incumbent.map(Format.eur) ?? "–")),"
                + "\"bound\":\(string(bound.map(Format.eur) ?? "–")),\"gap\":\(string(gap.map(Format.percent) ?? "–")),"
                + "\"elapsed\":\(string(Format.seconds(elapsed)))}"
            return "{\"state\":\"\(state.rawValue)\",\"phase\":\(string(phase)),\"incumbent\":\(number(incumbent)),"
                + "\"bound\":\(number(bound)),\"gap\":\(gap.map { String(format: "%.6f", $0) } ?? "null"),"
                + "\"elapsed\":\(String(format: "%.1f", elapsed)),\"stopping\":\(stopRequested),\"message\":\(string(message)),\"words\":\(words)}"
        }
    }

    private let lock = NSLock()
    private var snapshots: [String: Snapshot] = [:]
    private var cancellations: [String: Cancellation] = [:]

    func snapshot(_ id: String) -> Snapshot? {
        lock.lock(); defer { lock.unlock() }
        return snapshots[id]
    }

    /// Starts a solve of `path` into `folder`; false when one of this scenario already runs.
    /// `basePlan`: for a what-if without a plan of its own, its base's plan, so that it is planned
    /// as a re-plan of that (moving a package costs `move_eur`), as `wsplan compare` does.
    func start(id: String, path: String, folder: String, basePlan: String? = nil, timeLimit: Double?) -> Bool {
        let cancellation = Cancellation()
        lock.lock()
        if snapshots[id]?.state == .running { lock.unlock(); return false }
        snapshots[id] = Snapshot()
        cancellations[id] = cancellation
        lock.unlock()
        let thread = Thread { [self] in
            run(id: id, path: path, folder: folder, basePlan: basePlan, timeLimit: timeLimit, cancellation: cancellation)
        }
        thread.stackSize = 16 << 20
        thread.start()
        return true
    }

    /// Asks a running solve to stop and keep its best plan; false when none runs.
    func stop(_ id: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard snapshots[id]?.state == .running, let cancellation = cancellations[id] else { return false }
        cancellation.cancel()
        snapshots[id]?.stopRequested = true
        return true
    }

    private func update(_ id: String, _ change: (inout Snapshot) -> Void) {
        lock.lock(); defer { lock.unlock() }
        if var snapshot = snapshots[id] { change(&snapshot); snapshots[id] = snapshot }
    }

    private func run(id: String, path: String, folder: String, basePlan: String?, timeLimit: Double?, cancellation: Cancellation) {
        do {
            let scenario = try ScenarioLoader.load(path: path)
            let own = FileManager.default.fileExists(atPath: folder + "/plan.json")
            let previous = try PlanOutputs.previousPlan(named: own ? nil : basePlan, folder: folder)
            let planner = Planner(scenario: scenario, previous: previous)
            let plan = try planner.plan(using: GLPKSolver(), timeLimitSeconds: timeLimit, events: { [self] event in
                guard case .progress(let progress) = event else { return }
                update(id) { snapshot in
                    snapshot.phase = Self.words(progress.phase)
                    snapshot.incumbent = progress.incumbent ?? snapshot.incumbent
                    snapshot.bound = progress.bound ?? snapshot.bound
                    snapshot.elapsed = progress.elapsed
                }
            }, cancellation: cancellation)
            update(id) { $0.phase = "Dateien schreiben" }
            let published = try PlanOutputs.write(plan, previous: previous, scenario: scenario, file: path, to: folder).plan
            update(id) { snapshot in
                snapshot.state = .finished
                snapshot.incumbent = published.solver.objective
                snapshot.bound = published.solver.bound
                snapshot.elapsed = published.solver.seconds
                snapshot.message = published.solver.status.germanText
            }
        } catch let error as InputErrors {
            update(id) { $0.state = .failed; $0.message = error.description }
        } catch {
            update(id) { $0.state = .failed; $0.message = String(describing: error) }
        }
    }

    /// The planner's phase as the desk's page shows it.
    static func words(_ phase: SolverProgress.Phase) -> String {
        switch phase {
        case .startPlan: "Startplan"
        case .building: "Modell aufbauen"
        case .solving: "rechnen"
        case .improving: "Plan verbessern"
        case .raisingBound: "Schranke anheben"
        }
    }
}
