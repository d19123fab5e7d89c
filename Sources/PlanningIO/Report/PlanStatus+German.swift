import Planning

/// A plan's status in the office's words: report.html and the desk say it alike.
extension PlanStatus {
    /// "zulässig (Zeit- oder Lückengrenze erreicht, nicht bewiesen optimal)"
    public var germanText: String {
        switch self {
        case .optimal: "optimal (bewiesen)"
        case .feasible: "zulässig (Zeit- oder Lückengrenze erreicht, nicht bewiesen optimal)"
        case .infeasible: "unlösbar (kein zulässiger Plan)"
        case .noPlan: "kein Plan (Zeitgrenze vor dem ersten Plan erreicht)"
        }
    }

    /// "zulässig": the first word, for tables.
    public var germanWord: String {
        switch self {
        case .optimal: "optimal"
        case .feasible: "zulässig"
        case .infeasible: "unlösbar"
        case .noPlan: "kein Plan"
        }
    }
}
