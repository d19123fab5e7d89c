import Foundation
import Planning

/// How `wsplan solve` shares its time limit, which is the whole command's: reading and listing
/// the candidates come first, the planner gets what is left but `finishSeconds`, and those are
/// for diagnosing the unscheduled requests and writing the outputs.
enum TimeShares {
    /// Seconds kept for the diagnosis and the writing: 3 % of the limit (0.3 s to 5 s), plus what
    /// writing takes at the scenario's size (measured on the release build of this 2-core machine
    /// while others used it: the calendars, report, rosters and CSVs of 1,762 requests took 5–10 s,
    /// about `writingPerRequest` a request).
    static func finishSeconds(limit: Double, scenario: Scenario) -> Double {
        min(5, max(0.3, limit * 0.03)) + writingPerRequest * Double(scenario.requests.count + scenario.bookings.count)
    }

    static let writingPerRequest = 0.005

    /// Until when the command waits for the planner: its own deadline (the limit less
    /// `finish`) and a quarter of `finish` again for its diagnosis. After that the best plan so far
    /// is written, whatever step the planner is in.
    static func waitUntil(started: ContinuousClock.Instant, limit: Double, finish: Double) -> ContinuousClock.Instant {
        started.advanced(by: .milliseconds(Int64(min(limit - finish * 0.75, 1e9) * 1000)))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
