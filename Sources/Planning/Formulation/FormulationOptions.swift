/// How many date alternatives the package model carries; data, so benchmarks can vary it.
public struct FormulationOptions: Sendable, Equatable {
    /// Preparation days per workshop start, best first (1 = only the one closest to the target).
    public var preparationAlternatives = 2
    /// Follow-up days per workshop start, best first.
    public var followupAlternatives = 2
    /// Whether the bounding relaxation keeps the meeting days (tighter) or only workshops (faster).
    public var relaxationWithMeetings = false
    /// Above this many package columns, the model keeps only the most promising pairs and days
    /// (chosen with the relaxation's LP solution); the relaxation still bounds every plan.
    public var columnBudget = 60_000
    public init() {}
    public init(preparationAlternatives: Int, followupAlternatives: Int) {
        self.preparationAlternatives = preparationAlternatives
        self.followupAlternatives = followupAlternatives
    }
}
