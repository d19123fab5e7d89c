import Optimization

extension PlanningModel {
    /// The column values that represent `choices` (a start for the solver).
    public func values(for choices: [PackageChoice]) -> [Double] {
        var x = [Double](repeating: 0, count: model.variables.count)
        let byRequest = Dictionary(choices.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = scenario.rules
        var load: [String: Int] = TrainerCommitments(scenario: scenario).pinnedPackages
        for (m, candidate) in candidates.enumerated() {
            guard let choice = byRequest[m],
                  let o = candidate.options.firstIndex(where: { $0.pair == choice.pair }),
                  let w = columns[m][o].workshop[choice.workshop],
                  let p = columns[m][o].preparation[choice.preparation],
                  let f = columns[m][o].followup[choice.followup] else {
                x[unscheduled[m].index] = 1
                continue
            }
            x[w.index] = 1; x[p.index] = 1; x[f.index] = 1
            x[prepDeviation[m].index] = Double(abs(choice.preparation.distance(to: choice.workshop) - rules.prepGap.target))
            x[followDeviation[m].index] = Double(abs(choice.workshop.distance(to: choice.followup) - rules.followupGap.target))
            for t in choice.pair.ids { load[t, default: 0] += 1 }
        }
        if let maxLoad { x[maxLoad.index] = Double(load.values.max() ?? 0) }
        return x
    }

    /// The choices a solution stands for (columns at 1, read with a tolerance).
    public func choices(from x: [Double]) -> [PackageChoice] {
        var result: [PackageChoice] = []
        for (m, candidate) in candidates.enumerated() {
            for (o, option) in candidate.options.enumerated() {
                let cols = columns[m][o]
                guard let w = cols.workshop.first(where: { x[$0.value.index] > 0.5 })?.key else { continue }
                guard let p = cols.preparation.first(where: { x[$0.value.index] > 0.5 })?.key,
                      let f = cols.followup.first(where: { x[$0.value.index] > 0.5 })?.key else { continue }
                result.append(PackageChoice(request: m, pair: option.pair, preparation: p, workshop: w, followup: f))
                break
            }
        }
        return result
    }
}
