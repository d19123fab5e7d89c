import Planning

/// Reads a scenario: the YAML file of SPEC §5 and the CSV/YAML files it names.
public enum ScenarioLoader {
    /// Reads a scenario YAML (and the CSV/YAML files it names, relative to it), applies the
    /// defaults, validates. A scenario with `extends: base.yaml` is its base (read relative to
    /// it, itself possibly extending another) with its own values merged in (`ScenarioMerge`).
    ///
    /// - Throws: every problem found in any of the files at once, each with its file, line and
    ///   column (or field) and a sentence saying what to change.
    public static func load(path: String) throws(InputErrors) -> Scenario {
        try load(path: path, gazetteer: .shared)
    }

    /// `load(path:)` with another gazetteer (tests, or a larger place list).
    public static func load(path: String, gazetteer: Gazetteer) throws(InputErrors) -> Scenario {
        var log = ProblemLog()
        guard let document = InputFiles.yaml(at: path, reference: nil, &log) else {
            throw InputErrors(problems: log.sorted())
        }
        // A what-if's `extends:` chain of bases is merged in here; every value keeps its own file,
        // so problems name the file that holds them and file names are read beside that file.
        guard let root = ScenarioMerge.resolve(document, &log) else {
            throw InputErrors(problems: log.sorted())
        }
        var decoder = ScenarioDecoder(gazetteer: gazetteer, log: log)
        let scenario = decoder.decode(root)
        guard let scenario, decoder.log.isEmpty else {
            throw InputErrors(problems: decoder.log.sorted())
        }
        return scenario
    }
}
