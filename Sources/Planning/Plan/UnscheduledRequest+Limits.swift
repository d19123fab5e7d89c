/// How much text an unscheduled request may carry in plan.json: the planner keeps to these
/// limits when it writes the reasons, and `PlanFile.read` refuses a plan beyond them, so a
/// hand-edited megabyte cannot reach every report and cost sheet.
extension UnscheduledRequest {
    /// The most reasons of one request. The diagnosers give at most one per kind of obstacle (a
    /// handful), so this leaves room and still bounds a hostile list.
    public static let mostReasons = 50

    /// The longest reason, in characters. A reason lists trainers, days and the packages holding
    /// them (`and 3 more` beyond four a trainer), which at 60 trainers stays far below this.
    public static let longestReason = 20_000

    /// `reason` cut to `longestReason` characters, ending in `…` when it was longer.
    public static func clipped(_ reason: String) -> String {
        reason.count <= longestReason ? reason : String(reason.prefix(longestReason - 1)) + "…"
    }
}
