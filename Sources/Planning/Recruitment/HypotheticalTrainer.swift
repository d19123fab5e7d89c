/// The trainer `wsplan recruit` adds at a candidate home: the given caps, available throughout.
public enum HypotheticalTrainer {
    /// A trainer living at `home`, with an id (`new-koeln`, `new-koeln-2`, …) no trainer of
    /// `scenario` has yet.
    public static func make(at home: HomeCandidate, in scenario: Scenario, maxPackages: Int?, maxDaysPerMonth: Int?) -> Trainer {
        let base = "new-" + slug(home.name)
        var id = base, n = 2
        while scenario.trainers.contains(where: { $0.id == id }) {
            id = "\(base)-\(n)"
            n += 1
        }
        return Trainer(id: id, name: "Neue Trainerin/neuer Trainer (\(home.name))", home: home.location, homeLabel: home.name,
                       maxPackages: maxPackages, maxDaysPerMonth: maxDaysPerMonth)
    }

    /// `scenario` with `trainer` added to the pool.
    public static func adding(_ trainer: Trainer, to scenario: Scenario) -> Scenario {
        var copy = scenario
        copy.trainers.append(trainer)
        return copy
    }

    /// Lower-case ASCII letters, digits and hyphens: "Frankfurt am Main" → "frankfurt-am-main", "Köln" → "koeln".
    static func slug(_ name: String) -> String {
        let umlauts: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"]
        let spelled = name.lowercased().map { umlauts[$0] ?? String($0) }.joined()
        var result = ""
        for scalar in spelled.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "trainer" : result
    }
}
