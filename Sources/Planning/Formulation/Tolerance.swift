/// Named tolerances of the planner, so that every comparison of plans means the same thing.
public enum Tolerance {
    /// Half a cent: two objectives closer than this are the same amount of money (plans are priced
    /// in whole cents, SPEC §3), so a plan this close to a valid bound is proven optimal, and a
    /// plan must be cheaper by more than this to count as better.
    public static let cent = 0.005
}
