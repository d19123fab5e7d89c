import Foundation
import Hummingbird
import Planning
import PlanningIO
import Yams

/// `/scenarios/:id/trainers/…`: add, edit and remove a trainer, written into the scenario's own
/// `trainers:` list (a what-if's entries merge into its base's by id, SPEC §5), or saved as a new
/// what-if that `extends` the scenario and holds only what the form changes.
struct TrainersController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/scenarios/:id/trainers/edit") { request, context in
            let id = try Routes.scenario(context, desk)
            return try page(id, trainer: Form(request.uri.query ?? "")["t"])
        }
        router.post("/scenarios/:id/trainers/save") { request, context in
            let id = try Routes.scenario(context, desk), form = try await Edits.form(request, desk)
            return try desk.writing { try save(id, form) }
        }
        router.post("/scenarios/:id/trainers/remove") { request, context in
            let id = try Routes.scenario(context, desk), form = try await Edits.form(request, desk)
            return try desk.writing { try remove(id, form) }
        }
    }

    /// The form, filled with the trainer as the scenario reads it now (or empty for a new one).
    func page(_ id: String, trainer: String?, values: [String: String]? = nil, problems: FieldProblems = .init(),
              variant: [String: String] = [:], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: sources.yamlPath) } catch {
            return Edits.unreadable(id, error)
        }
        let original = trainer.flatMap { $0.isEmpty ? nil : $0 }
        var fields = TrainerChange.fields
        var shown: [String: String] = [:]
        if let original {
            guard let current = scenario.trainers.first(where: { $0.id == original }) else {
                throw HTTPError(.notFound, message: "Keine Trainerin und kein Trainer mit dieser ID im Szenario.")
            }
            shown = TrainerChange.values(current)
            fields[0].readonly = true
        }
        let footer = "<p><button name=\"do\" value=\"save\">In \(HTML.escape(sources.yamlName)) speichern</button> "
            + "<a href=\"/scenarios/\(HTML.escape(id))\">Abbrechen</a></p>"
            + VariantFile.fieldset(id: id, sources: sources, scenarioName: scenario.name, values: variant, problems: problems.byField["variant"] ?? [],
                                   extra: original.map { " <button name=\"do\" value=\"variant-remove\">Variante ohne \(HTML.escape($0))</button> <small>(eine Variante ohne diese Person)</small>" } ?? "")
        let form = EditForm(action: "/scenarios/\(id)/trainers/save", csrf: desk.csrf, version: sources.version, fields: fields,
                            values: values ?? shown, problems: problems, hidden: ["original": original ?? ""], footer: footer)
        var body = "<p>Szenario <a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(scenario.name))</a> (<code>\(HTML.escape(sources.yamlName))</code>)"
        if let base = desk.scenarios.base(of: id) {
            body += ", eine Variante von <code>\(HTML.escape(base))</code>: die Änderung wird ein Eintrag ihrer eigenen Liste <code>trainers:</code>, nach der ID mit der Liste der Basis zusammengeführt"
        }
        body += ".</p>" + form.render()
        if let original {
            body += "<h2>Entfernen</h2>" + HTML.form("/scenarios/\(id)/trainers/remove", csrf: desk.csrf,
                "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\"><input type=\"hidden\" name=\"original\" value=\"\(HTML.escape(original))\">"
                + "<button onclick=\"return confirm('Diese Person aus dem Szenario entfernen?')\">\(HTML.escape(original)) entfernen</button>")
        }
        return HTML.page(original.map { "Trainer/in \($0)" } ?? "Neue Trainerin, neuer Trainer", body, status: status)
    }

    func save(_ id: String, _ form: Form) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard form["version"] == sources.version else { return Edits.conflict(id) }
        let original = form["original"] ?? ""
        var values = TrainerChange.values(form)
        if !original.isEmpty { values["id"] = original }
        let trainerID = values["id"] ?? ""
        let current = try? ScenarioLoader.load(path: sources.yamlPath)
        let currentTrainer = current?.trainers.first { $0.id == original }
        if !original.isEmpty, current != nil, currentTrainer == nil { throw HTTPError(.notFound, message: "Keine Trainerin und kein Trainer mit dieser ID im Szenario.") }
        if original.isEmpty, current?.trainers.contains(where: { $0.id == trainerID }) == true {
            return try page(id, trainer: nil, values: values, problems: Edits.problem("id", "Die ID „\(trainerID)“ gibt es im Szenario schon; geben Sie eine andere ID oder bearbeiten Sie diese Person."),
                            status: .unprocessableContent)
        }
        let changes = TrainerChange.changes(values, current: original.isEmpty ? nil : currentTrainer)
        if form["do"] == "variant" {
            return try saveVariant(sources, form: form, values: values, trainerID: trainerID, original: original,
                                   item: changes.isEmpty ? nil : TrainerChange.item(own: nil, id: trainerID, changes: changes),
                                   baseName: current?.name ?? id)
        }
        if form["do"] == "variant-remove", !original.isEmpty {
            return try saveVariant(sources, form: form, values: values, trainerID: trainerID, original: original,
                                   item: TrainerChange.removal(trainerID), baseName: current?.name ?? id)
        }
        if changes.isEmpty, !original.isEmpty { return .redirect(to: "/scenarios/\(id)#trainers", type: .normal) }

        var yaml = sources.yaml
        let items = yaml.items("trainers")
        let own = yaml.index(of: trainerID, in: "trainers")
        let node = TrainerChange.item(own: own.map { items[$0] }, id: trainerID, changes: changes)
        var list = items.indices.map { ScenarioYAMLText.Item.kept($0) }
        let position = own ?? list.count
        if let own { list[own] = .node(node) } else { list.append(.node(node)) }
        yaml.setList("trainers", list)
        let shown = Edits.shown(desk, sources.yamlName)
        return try Edits.save(desk, sources, scenario: sources.yamlName, changes: [sources.yamlName: Data(yaml.text.utf8)], refused: { problems in
            try page(id, trainer: original, values: values,
                     problems: FieldProblems(problems) { $0.file == shown ? FieldProblems.key(of: $0.field, below: "trainers[\(position)]") : nil },
                     variant: Edits.variantValues(form), status: .unprocessableContent)
        }, saved: Edits.saved(id, [sources.yamlName], anchor: "trainers"))
    }

    /// A new scenario file: `extends` this one and holds only `item`, the trainer's changed keys
    /// (or its removal); nil when nothing differs.
    private func saveVariant(_ sources: ScenarioSources, form: Form, values: [String: String], trainerID: String, original: String,
                             item: Node?, baseName: String) throws -> Response {
        let id = sources.id
        func refuse(_ message: String) throws -> Response {
            try page(id, trainer: original, values: values, problems: Edits.problem("variant", message), variant: Edits.variantValues(form),
                     status: .unprocessableContent)
        }
        let stem: String
        switch VariantFile.stem(form, sources: sources) {
        case .success(let found): stem = found
        case .failure(let problem): return try refuse(problem.text)
        }
        guard let item else { return try refuse(VariantFile.nothingDiffers(sources)) }
        let name = stem + ".yaml", shown = Edits.shown(desk, name)
        let text = VariantFile.head(sources, stem: stem, form: form, baseName: baseName)
            + "trainers:\n  - \(ScenarioYAMLText("").render(item))\n"
        return try Edits.save(desk, sources, scenario: name, changes: [name: Data(text.utf8)], refused: { problems in
            try page(id, trainer: original, values: values,
                     problems: FieldProblems(problems) { $0.file == shown ? FieldProblems.key(of: $0.field, below: "trainers[0]") : nil },
                     variant: Edits.variantValues(form), status: .unprocessableContent)
        }, saved: .redirect(to: "/scenarios/\(stem)", type: .normal))
    }

    /// A base's trainer is dropped from its list; a what-if writes `{id: x, remove: true}` for a
    /// trainer of its base (SPEC §5), or drops its own entry for one it added.
    func remove(_ id: String, _ form: Form) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard form["version"] == sources.version else { return Edits.conflict(id) }
        let original = form["original"] ?? ""
        var yaml = sources.yaml
        let items = yaml.items("trainers"), own = yaml.index(of: original, in: "trainers")
        var list = items.indices.map { ScenarioYAMLText.Item.kept($0) }
        if let base = Edits.base(sources, desk), (try? ScenarioLoader.load(path: base))?.trainers.contains(where: { $0.id == original }) ?? true {
            let marker = TrainerChange.removal(original)
            if let own { list[own] = .node(marker) } else { list.append(.node(marker)) }
        } else {
            guard let own else { throw HTTPError(.notFound, message: "Keine Trainerin und kein Trainer mit dieser ID in der Datei des Szenarios.") }
            list.remove(at: own)
        }
        yaml.setList("trainers", list)
        return try Edits.save(desk, sources, scenario: sources.yamlName, changes: [sources.yamlName: Data(yaml.text.utf8)], refused: { problems in
            try page(id, trainer: original, problems: FieldProblems(problems) { _ in nil }, status: .unprocessableContent)
        }, saved: Edits.saved(id, [sources.yamlName], anchor: "trainers"))
    }
}
