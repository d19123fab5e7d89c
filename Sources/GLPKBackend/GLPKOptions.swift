import CGLPK

/// Branch-and-cut settings for GLPK, kept as data so benchmarks can vary them.
public struct GLPKOptions: Sendable, Equatable {
    public enum Branching: Sendable, Equatable { case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost }
    public enum Backtracking: Sendable, Equatable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    public var presolve = true
    public var branching = Branching.pseudocost
    public var backtracking = Backtracking.bestLocalBound
    public var feasibilityPump = true
    public var proximitySearch = true
    public var proximitySearchSeconds = 30.0
    public var cliqueCuts = true
    public var coverCuts = true
    public var mirCuts = true
    public var gomoryCuts = false

    public init() {}

    func apply(to parameters: inout glp_iocp) {
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.br_tech = switch branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .pseudocost: GLP_BR_PCH
        }
        parameters.bt_tech = switch backtracking {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
        parameters.fp_heur = feasibilityPump ? GLP_ON : GLP_OFF
        parameters.ps_heur = proximitySearch ? GLP_ON : GLP_OFF
        parameters.ps_tm_lim = Int32(min(proximitySearchSeconds * 1000, Double(Int32.max)))
        parameters.clq_cuts = cliqueCuts ? GLP_ON : GLP_OFF
        parameters.cov_cuts = coverCuts ? GLP_ON : GLP_OFF
        parameters.mir_cuts = mirCuts ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = gomoryCuts ? GLP_ON : GLP_OFF
    }
}
