import Foundation
import Hummingbird
import Planning
import PlanningIO

/// `/scenarios/:id/settings/…`: the scenario's rules, pairs, weights, costs, exchange day and
/// solver settings as one form (`SettingsChange`), saved into the scenario's own YAML once the
/// changed scenario reads as `wsplan check` reads it, or saved as a new variant that holds only
/// the changed keys. The scenario page shows the same form.
struct SettingsController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/scenarios/:id/settings/edit") { _, context in try page(try Routes.scenario(context, desk)) }
        router.post("/scenarios/:id/settings/save") { request, context in
            let id = try Routes.scenario(context, desk), form = try await Edits.form(request, desk)
            return try desk.writing { try save(id, form) }
        }
    }

    /// The form's fields, in the order and groups of `SettingsChange.settings`.
    static var fields: [EditForm.Field] {
        SettingsChange.settings.map { setting in
            var field = EditForm.Field(name: setting.name, label: setting.label, hint: setting.hint, section: setting.section)
            if setting.kind == .flag { field.choices = [("false", "nein"), ("true", "ja")] }
            return field
        }
    }

    /// The form (as the scenario page and the error page show it).
    func form(_ sources: ScenarioSources, scenario: Scenario, values: [String: String]? = nil, problems: FieldProblems = .init(),
              variant: [String: String] = [:]) -> String {
        let footer = "<p><button name=\"do\" value=\"save\">In \(HTML.escape(sources.yamlName)) speichern</button></p>"
            + VariantFile.fieldset(id: sources.id, sources: sources, scenarioName: scenario.name, values: variant,
                                   problems: problems.byField["variant"] ?? [])
        return EditForm(action: "/scenarios/\(sources.id)/settings/save", csrf: desk.csrf, version: sources.version, fields: Self.fields,
                        values: values ?? SettingsChange.values(scenario), problems: problems, footer: footer).render()
    }

    func page(_ id: String, values: [String: String]? = nil, problems: FieldProblems = .init(), variant: [String: String] = [:],
              status: HTTPResponse.Status = .ok) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: sources.yamlPath, warnings: { _ in }) } catch { return Edits.unreadable(id, error) }
        var body = "<p>Szenario <a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(scenario.name))</a> (<code>\(HTML.escape(sources.yamlName))</code>)"
        if let base = desk.scenarios.base(of: id) {
            body += ", eine Variante von <code>\(HTML.escape(base))</code>: nur die geänderten Werte werden in ihre eigene Datei geschrieben"
        }
        body += ". Ein geleertes Feld streicht den Wert aus der Datei; dann gilt der Wert der Basis oder die Vorgabe.</p>"
        body += form(sources, scenario: scenario, values: values, problems: problems, variant: variant)
        return HTML.page("Regeln, Paare und Gewichte", body, status: status)
    }

    func save(_ id: String, _ form: Form) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard form["version"] == sources.version else { return Edits.conflict(id) }
        let current: Scenario
        do { current = try ScenarioLoader.load(path: sources.yamlPath, warnings: { _ in }) } catch { return Edits.unreadable(id, error) }
        let values = SettingsChange.values(form)
        let changes = SettingsChange.changes(values, current: current)
        func refuse(_ problems: FieldProblems) throws -> Response {
            try page(id, values: values, problems: problems, variant: Edits.variantValues(form), status: .unprocessableContent)
        }
        let name: String, data: Data
        if form["do"] == "variant" {
            let stem: String
            switch VariantFile.stem(form, sources: sources) {
            case .success(let found): stem = found
            case .failure(let problem): return try refuse(Edits.problem("variant", problem.text))
            }
            guard !changes.isEmpty else { return try refuse(Edits.problem("variant", VariantFile.nothingDiffers(sources))) }
            var yaml = ScenarioYAMLText(VariantFile.head(sources, stem: stem, form: form, baseName: current.name))
            for section in SettingsChange.sections(changes, own: { _ in nil }) { yaml.setMapping(section.key, section.pairs) }
            name = stem + ".yaml"
            data = Data(yaml.text.utf8)
        } else {
            guard !changes.isEmpty else { return .redirect(to: "/scenarios/\(id)#settings", type: .normal) }
            var yaml = sources.yaml
            for section in SettingsChange.sections(changes, own: { sources.yaml[$0] }) { yaml.setMapping(section.key, section.pairs) }
            name = sources.yamlName
            data = Data(yaml.text.utf8)
        }
        let shown = Edits.shown(desk, name)
        return try Edits.save(desk, sources, scenario: name, changes: [name: data], refused: { problems in
            try refuse(FieldProblems(problems) { $0.file == shown ? SettingsChange.field(of: $0.field) : nil })
        }, saved: name != sources.yamlName ? .redirect(to: "/scenarios/\(name.dropLast(5))", type: .normal)
                                           : Edits.saved(id, [name], anchor: "settings"))
    }
}
