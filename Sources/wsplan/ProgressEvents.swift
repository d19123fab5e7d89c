import Foundation
import PlanningIO

/// `--progress json`: one JSON object a line on stderr, for scripts and tests that must know the
/// step a command is in without reading its words. Every line has `event`:
/// - `phase` when a step begins and `progress` while it runs (at least every 5 s, and on every
///   better plan): `phase` (reading, listing, greedy_start, building, solving, improving,
///   raising_bound, writing), `best` and `bound` in EUR or null, `elapsed` seconds;
/// - `note` and `warning`: `text`, the message a terminal would show;
/// - `interrupted` after the first Ctrl-C: `phase` (reading, planning, writing), `writes` (whether
///   a plan will still be written), `text`; `quit` after a second one (nothing is written);
/// - `not_written` when the command ends without a plan (Ctrl-C or the time limit before the
///   first one): `text`;
/// - `written` at the end: `status`, `packages`, `unscheduled`, `objective`, `bound`, `folder`,
///   `elapsed`, `interrupted` (whether Ctrl-C cut the search short).
enum ProgressEvents {
    enum Value {
        case text(String)
        /// Euros, written with two decimals.
        case euros(Double)
        /// Seconds, written with three decimals.
        case seconds(Double)
        case integer(Int)
        case bool(Bool)
        case null
    }

    /// One event as a line: `{"event":"…",…}` and a line break, keys in the order given.
    static func line(_ event: String, _ fields: [(String, Value)]) -> String {
        let members = [("event", Value.text(event))] + fields
        return "{" + members.map { JSONText.quoted($0.0) + ":" + text($0.1) }.joined(separator: ",") + "}\n"
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .text(let string): JSONText.quoted(string)
        case .euros(let amount): amount.isFinite ? String(format: "%.2f", amount) : "null"
        case .seconds(let seconds): seconds.isFinite ? String(format: "%.3f", seconds) : "null"
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }
}
