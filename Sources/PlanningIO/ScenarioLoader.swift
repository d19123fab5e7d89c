import Foundation
import Planning

/// Reads a scenario: the YAML file of SPEC §5 and the CSV/YAML files it names.
public enum ScenarioLoader {
    /// Reads a scenario YAML (and the CSV/YAML files it names, relative to it), applies the
    /// defaults, validates. A scenario with `extends: base.yaml` is its base (read relative to
    /// it, itself possibly extending another) with its own values merged in (`ScenarioMerge`).
    ///
    /// - Throws: every problem found in any of the files at once, each with its file, line and
    ///   column (or field) and a sentence saying what to change.
    /// - Parameters:
    ///   - gazetteer: another place list (tests, or a larger one).
    ///   - warnings: gets each warning (careless but usable input, such as an ambiguous place
    ///     name) of a scenario that loads; by default they are printed on standard error.
    public static func load(path: String, gazetteer: Gazetteer = .shared,
                            warnings: (InputProblem) -> Void = printWarning) throws(InputErrors) -> Scenario {
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
        decoder.log.sortedWarnings().forEach(warnings)
        return scenario
    }

    /// `file:line:col: warning: …` on standard error.
    public static func printWarning(_ warning: InputProblem) {
        FileHandle.standardError.write(Data((warning.description + "\n").utf8))
    }
}
