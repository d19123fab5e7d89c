/// The rules of SPEC §2 by their ids, and the other things `wsplan check` and the diagnoses of
/// unscheduled requests name: the same codes in the formulation's words, the checker, plan.json
/// (`"R7"`) and the report.
public enum Rule: String, Codable, Sendable, CaseIterable {
    /// R1 Pair: two distinct trainers, the same for all events; forbidden pairs, requires, excludes.
    case r1 = "R1"
    /// R2 Preparation gap: `min ≤ W − P ≤ max` days.
    case r2 = "R2"
    /// R3 Follow-up gap: `min ≤ F − W ≤ max` days.
    case r3 = "R3"
    /// R4 Working days: Monday to Friday, no public holiday, office closure or blackout day.
    case r4 = "R4"
    /// R5 Trainer days: one event per trainer and day, never on an unavailable day.
    case r5 = "R5"
    /// R6 Window: W in the horizon and the municipality's window, nothing before the planning start.
    case r6 = "R6"
    /// R7 Load: `max_packages` and `max_days_per_month` per trainer.
    case r7 = "R7"
    /// R8 Size: participants ≤ `max_participants`.
    case r8 = "R8"
    /// R9 Confirmed bookings are never moved, dropped or double-booked.
    case r9 = "R9"
    /// Every request is scheduled once or listed as unscheduled (`wsplan check`).
    case coverage
    /// The costs of SPEC §1/§3 (`wsplan check`).
    case cost
    /// The objective of SPEC §4 and the solver's report (`wsplan check`).
    case objective
    /// Not a rule: the solver stopped at its limit before it found a package that fits.
    case solver

    /// The code as plan.json and the texts write it: `R1` … `R9`, `coverage`, `cost`, `objective`, `solver`.
    public var code: String { rawValue }
}
