/// Why GLPK could not be used. Each case is a bug in wsplan (its formulation or its settings),
/// never in the user's input, and none of them takes the process down.
public enum GLPKError: Error, Equatable, CustomStringConvertible {
    /// The model breaks a rule GLPK relies on; every problem found, in model order.
    case invalidModel([String])
    /// Solve parameters GLPK would reject (a NaN or negative time limit or gap, a start of the
    /// wrong length).
    case invalidParameters([String])
    /// GLPK raised a fatal error inside `call`; `message` is GLPK's own text. GLPK's environment
    /// was freed with every problem object of the thread; later calls start afresh.
    case fatal(call: String, message: String)
    /// A problem object was used after a fatal error had freed it.
    case problemFreed

    public var description: String {
        switch self {
        case .invalidModel(let problems):
            "internal solver error: the model built for GLPK is invalid (a bug in wsplan's formulation):\n"
                + problems.map { "  " + $0 }.joined(separator: "\n")
        case .invalidParameters(let problems):
            "internal solver error: invalid GLPK parameters: " + problems.joined(separator: "; ")
        case .fatal(let call, let message):
            "internal solver error: GLPK failed in \(call): "
                + message.split(whereSeparator: \.isNewline).joined(separator: " / ")
        case .problemFreed:
            "internal solver error: a GLPK problem was used after an earlier GLPK failure had freed it"
        }
    }
}
