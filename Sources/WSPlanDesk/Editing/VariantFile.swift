import Foundation

/// "Als Variante speichern": a form's change saved as a new scenario file that `extends` the
/// current one and holds only what differs (SPEC §5), planned as a re-plan of its base's plan.
/// The edit forms of trainers, requests and settings share its fields, its name checks and its
/// file's head.
enum VariantFile {
    /// The form's variant fields (file name, title) with what was typed, and the problem beside
    /// them. `extra` holds further buttons (already HTML).
    static func fieldset(id: String, sources: ScenarioSources, scenarioName: String, values: [String: String],
                         problems: [String], extra: String = "") -> String {
        "<fieldset class=\"box\"><legend>Als Variante speichern</legend><p>Oder speichern Sie die Änderung als neue Variante, die "
            + "<code>\(HTML.escape(sources.yamlName))</code> erweitert (<code>extends</code>) und nur enthält, was sich unterscheidet; "
            + "sie wird als Umplanung des Plans dieses Szenarios geplant.</p>"
            + "<label>Dateiname <input name=\"variant\" size=\"30\" value=\"\(HTML.escape(values["variant"] ?? ""))\" placeholder=\"\(HTML.escape(id))-variante\"></label>.yaml "
            + "<label>Titel <input name=\"variant_title\" size=\"30\" value=\"\(HTML.escape(values["variant_title"] ?? ""))\" placeholder=\"\(HTML.escape(scenarioName)) – was wäre, wenn …\"></label> "
            + "<button name=\"do\" value=\"variant\">Als Variante speichern</button>" + extra
            + problems.map { "<div class=\"error field-error\" data-field=\"variant\">\(HTML.escape($0))</div>" }.joined()
            + "</fieldset>"
    }

    /// The variant's file stem from the form, or the sentence to show beside the field.
    static func stem(_ form: Form, sources: ScenarioSources) -> Result<String, Problem> {
        var stem = (form["variant"] ?? "").trimmingCharacters(in: .whitespaces)
        if stem.lowercased().hasSuffix(".yaml") { stem = String(stem.dropLast(5)) }
        guard ScenarioFolder.isSafeName(stem) else {
            return .failure(Problem(text: "Geben Sie der Variante einen Dateinamen aus Buchstaben, Ziffern, „-“ und „_“ (ohne „/“, nicht mit „.“ am Anfang), z. B. \(sources.id)-variante."))
        }
        guard !FileManager.default.fileExists(atPath: sources.path(stem + ".yaml")) else {
            return .failure(Problem(text: "Die Datei „\(stem).yaml“ gibt es im Ordner schon; geben Sie der Variante einen anderen Namen."))
        }
        return .success(stem)
    }

    struct Problem: Error { var text: String }

    /// The sentence when a variant would hold nothing.
    static func nothingDiffers(_ sources: ScenarioSources) -> String {
        "Nichts unterscheidet sich von \(sources.yamlName): ändern Sie zuerst ein Feld oben."
    }

    /// The head of the variant's file: a comment, `extends:` and `name:` (the form's title, or the
    /// base's name with the file stem).
    static func head(_ sources: ScenarioSources, stem: String, form: Form, baseName: String) -> String {
        let title = (form["variant_title"] ?? "").trimmingCharacters(in: .whitespaces)
        let yaml = ScenarioYAMLText("")
        return "# Variante von \(sources.yamlName), gespeichert in wsplan serve: sie enthält nur, was sich unterscheidet.\n"
            + "extends: \(sources.yamlName)\n"
            + "name: \(yaml.render(ScenarioYAMLText.text(title.isEmpty ? "\(baseName) – \(stem)" : title)))\n"
    }
}
