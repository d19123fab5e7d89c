import Foundation
import Optimization
import Planning

/// Shows on stderr what `wsplan solve` is doing: the step, the model's size, the best plan so far,
/// the bound, the gap and the elapsed time.
///
/// On a terminal it is one line rewritten in place (`\r`, clear to end of line), at most five times a
/// second, cut to the terminal's width so it never wraps. Otherwise (a pipe, a log file) it writes
/// plain lines: one per step, one per better plan, and otherwise one every five seconds, also
/// while a step reports nothing (a heartbeat). Notes (messages of their own) go on lines above the
/// live line. With `--progress json` (for scripts and tests) every line is one JSON object
/// instead, with a stable English `phase` (`ProgressEvents`). Safe to call from any thread: the
/// search reports on the solving thread, the Ctrl-C handler on its own queue.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case terminal, lines, json, quiet }

    /// What the command is doing: its own steps around the planner's phases. The words shown live here.
    enum Step: Equatable {
        case reading
        case listing
        case planning(SolverProgress.Phase)
        case writing

        var words: String {
            switch self {
            case .reading: "reading"
            case .listing: "listing the candidates"
            case .writing: "writing"
            case .planning(let phase):
                switch phase {
                case .startPlan: "greedy start"
                case .building: "building the model"
                case .solving: "solving"
                case .improving: "improving"
                case .raisingBound: "raising the bound"
                }
            }
        }

        /// The step's machine name in `--progress json`: never translated or reworded.
        var name: String {
            switch self {
            case .reading: "reading"
            case .listing: "listing"
            case .writing: "writing"
            case .planning(let phase):
                switch phase {
                case .startPlan: "greedy_start"
                case .building: "building"
                case .solving: "solving"
                case .improving: "improving"
                case .raisingBound: "raising_bound"
                }
            }
        }
    }

    let mode: Mode
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private let write: (String) -> Void
    private let columns: () -> Int
    private var live: String?
    private var last: (step: Step, progress: SolverProgress)?
    private var lastShown: ContinuousClock.Instant?
    /// Redraws the live line once a second on a terminal, and repeats the last line every five
    /// seconds into a log, so the clock runs on while a step reports nothing (GLPK's LP, its
    /// heuristics, the diagnosis, the writing).
    private var heartbeat: DispatchSourceTimer?

    init(quiet: Bool, json: Bool = false, terminal: Bool = isatty(STDERR_FILENO) != 0,
         write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
         columns: @escaping () -> Int = ProgressDisplay.terminalColumns) {
        mode = quiet ? .quiet : json ? .json : terminal ? .terminal : .lines
        self.write = write
        self.columns = columns
        if mode != .quiet {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "wsplan.progress"))
            timer.schedule(deadline: .now() + 1, repeating: 1)
            timer.setEventHandler { [weak self] in self?.redraw() }
            timer.resume()
            heartbeat = timer
        }
    }

    deinit { heartbeat?.cancel() }

    /// The live line again (on a terminal), or the last line once five seconds passed without one
    /// (into a log), with the time brought up to date.
    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        guard let last else { return }
        let now = ContinuousClock.now
        if mode == .terminal {
            if live != nil { draw(last.step, last.progress, now: now) }
        } else if lastShown.map({ now - $0 >= Self.logInterval }) ?? true {
            lastShown = now
            writeLine(last.step, last.progress, now: now, newStep: false)
        }
    }

    /// At most this long between two lines into a log.
    static let logInterval: Duration = .seconds(5)

    /// Draws the live line (the lock is held).
    private func draw(_ step: Step, _ progress: SolverProgress, now: ContinuousClock.Instant) {
        let text = "wsplan: " + Self.describe(step, progress, elapsed: seconds(now - started))
        live = "\r" + Self.fit(text, columns: columns()) + "\u{1B}[K"
        write(live!)
    }

    /// A line into a log: the words, or the JSON event (`phase` for a new step, else `progress`).
    private func writeLine(_ step: Step, _ progress: SolverProgress, now: ContinuousClock.Instant, newStep: Bool) {
        let elapsed = seconds(now - started)
        if mode == .json {
            write(ProgressEvents.line(newStep ? "phase" : "progress", [
                ("phase", .text(step.name)), ("best", progress.incumbent.map(ProgressEvents.Value.euros) ?? .null),
                ("bound", progress.bound.map(ProgressEvents.Value.euros) ?? .null), ("elapsed", .seconds(elapsed)),
            ]))
        } else {
            write("wsplan: " + Self.describe(step, progress, elapsed: elapsed) + "\n")
        }
    }

    /// A message on a line of its own.
    func note(_ text: String) {
        guard mode != .quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        if mode == .json {
            write(ProgressEvents.line("note", [("text", .text(text))]))
        } else if mode == .terminal, live != nil {
            write("\r\u{1B}[K" + "wsplan: " + text + "\n" + (live ?? ""))
        } else {
            write("wsplan: " + text + "\n")
        }
    }

    /// A message that is shown even with `--quiet` (an interruption); in JSON an event of its own
    /// (`event`, with `fields`) that carries the text.
    func warn(_ text: String, event: String = "warning", _ fields: [(String, ProgressEvents.Value)] = []) {
        lock.lock()
        defer { lock.unlock() }
        if mode == .json { return write(ProgressEvents.line(event, fields + [("text", .text(text))])) }
        write((mode == .terminal && live != nil ? "\r\u{1B}[K" : "") + "wsplan: " + text + "\n" + (live ?? ""))
    }

    /// The planner's state, shown when the throttle allows (always on a new phase or plan).
    func update(_ progress: SolverProgress) { update(.planning(progress.phase), progress) }

    /// One of the command's own steps (reading, listing, writing), with the plan found when there is one.
    func show(_ step: Step, incumbent: Double? = nil, bound: Double? = nil) {
        update(step, SolverProgress(phase: .solving, incumbent: incumbent, bound: bound, elapsed: 0))
    }

    private func update(_ step: Step, _ progress: SolverProgress) {
        guard mode != .quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        let stepChanged = step != last?.step
        let newStep = stepChanged || progress.size != last?.progress.size
        let betterPlan = progress.incumbent.map { new in last?.progress.incumbent.map { new < $0 - Tolerance.cent } ?? true } ?? false
        let interval: Duration = mode == .terminal ? .milliseconds(200) : Self.logInterval
        let due = lastShown.map { now - $0 >= interval } ?? true
        last = (step, progress)
        guard newStep || betterPlan || due else { return }
        lastShown = now
        if mode == .terminal {
            draw(step, progress, now: now)
        } else {
            writeLine(step, progress, now: now, newStep: stepChanged)
        }
    }

    /// Ends the live line, so that what follows starts on a line of its own.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if mode == .terminal, live != nil { write("\n") }
        live = nil
        heartbeat?.cancel()
        heartbeat = nil
    }

    /// Ends the live line and prints the result of the run; `wall` is the whole command's time so far.
    func summary(_ plan: Plan, folder: String, files: String, wall: Double, interrupted: Bool = false) {
        finish()
        let s = plan.solver
        let served = plan.packages.filter { !$0.pinned }.count
        if mode == .json {
            lock.lock()
            defer { lock.unlock() }
            let euros = { (value: Double?) in value.map(ProgressEvents.Value.euros) ?? .null }
            return write(ProgressEvents.line("written", [
                ("status", .text(s.status.rawValue)), ("packages", .integer(served)),
                ("unscheduled", .integer(plan.unscheduled.count)), ("objective", euros(s.objective)),
                ("bound", euros(s.bound)), ("folder", .text(folder)), ("elapsed", .seconds(wall)), ("interrupted", .bool(interrupted)),
            ]))
        }
        note("\(s.status.rawValue): \(served) packages planned, \(plan.unscheduled.count) unscheduled, objective \(Self.eur(s.objective)) EUR, bound \(Self.eur(s.bound)), gap \(s.gap.map { String(format: "%.3f %%", $0 * 100) } ?? "–"), \(String(format: "%.1f", wall)) s")
        note("wrote \(folder)/\(files) (\(plan.events?.count ?? 0) calendar events)")
    }

    /// One line, short enough for 80 columns while solving:
    /// `solving · best 12345.67 EUR · bound 12300.00 EUR · gap 0.36 % · 12.3 s`; the model's size shows while building.
    static func describe(_ progress: SolverProgress, elapsed: Double) -> String {
        describe(.planning(progress.phase), progress, elapsed: elapsed)
    }

    static func describe(_ step: Step, _ progress: SolverProgress, elapsed: Double) -> String {
        var parts = [step.words]
        if let size = progress.size, step == .planning(.building) {
            parts[0] += " (\(size.rows) rows × \(size.columns) columns, \(size.nonZeros) non-zeros)"
        }
        if step != .reading && step != .listing {
            parts.append("best \(progress.incumbent.map { eur($0) + " EUR" } ?? "none yet")")
            if let bound = progress.bound { parts.append("bound \(eur(bound)) EUR") }
            if let gap = progress.gap { parts.append(String(format: "gap %.2f %%", gap * 100)) }
        }
        parts.append(String(format: "%.1f s", elapsed))
        return parts.joined(separator: " · ")
    }

    /// Cuts `text` to `columns` characters (with an ellipsis), so a terminal line never wraps.
    static func fit(_ text: String, columns: Int) -> String {
        guard columns > 1, text.count >= columns else { return text }
        return String(text.prefix(columns - 2)) + "…"
    }

    static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static func eur(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }

    private func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
}
