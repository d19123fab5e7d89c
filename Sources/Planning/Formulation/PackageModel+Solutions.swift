import Optimization

extension PackageModel {
    /// Column values for `choices`, or nil when a choice has no column (then it cannot be a start).
    public func values(for choices: [PackageChoice], pinnedPackages: [String: Int]) -> [Double]? {
        var x = [Double](repeating: 0, count: model.variables.count)
        var index: [PackageChoice: Int] = [:]
        for (j, choice) in columnChoices.enumerated() { if let choice { index[choice] = j } }
        var served = Set<Int>()
        var load = pinnedPackages
        for choice in choices {
            guard let j = index[choice] else { return nil }
            x[j] = 1
            served.insert(choice.request)
            for t in choice.pair.ids { load[t, default: 0] += 1 }
        }
        for (m, u) in unscheduled.enumerated() where !served.contains(m) { x[u.index] = 1 }
        if let maxLoad { x[maxLoad.index] = Double(load.values.max() ?? 0) }
        return x
    }

    /// The packages a solution stands for (columns at 1, read with a tolerance).
    public func choices(from x: [Double]) -> [PackageChoice] {
        columnChoices.enumerated().compactMap { j, choice in x[j] > 0.5 ? choice : nil }
    }
}
