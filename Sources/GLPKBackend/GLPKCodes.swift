import CGLPK

/// Plain-words meanings of `glp_intopt`'s return codes (as GLPK.jl keeps them in one table).
enum GLPKCodes {
    static func describe(returnCode code: Int32) -> String {
        switch code {
        case 0: "search completed"
        case GLP_EBOUND: "a variable has incorrect bounds"
        case GLP_EROOT: "no optimal basis for the root LP"
        case GLP_ENOPFS: "the LP relaxation has no feasible solution"
        case GLP_ENODFS: "the LP relaxation has no dual feasible solution (unbounded)"
        case GLP_EFAIL: "the search failed (numerical trouble)"
        case GLP_EMIPGAP: "relative gap tolerance reached"
        case GLP_ETMLIM: "time limit reached"
        case GLP_ESTOP: "stopped by the application"
        case GLP_EITLIM: "iteration limit reached"
        case GLP_ESING: "singular basis"
        case GLP_ECOND: "ill-conditioned basis"
        default: "GLPK return code \(code)"
        }
    }
}
