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
                throw HTTPError(.notFound, message: "No trainer with this id in the scenario.")
            }
            shown = TrainerChange.values(current)
            fields[0].readonly = true
        }
        let variantProblems = problems.byField["variant"] ?? []
        let footer = "<p><button name=\"do\" value=\"save\">Save in \(HTML.escape(sources.yamlName))</button> "
            + "<a href=\"/scenarios/\(HTML.escape(id))\">Cancel</a></p>"
            + "<fieldset class=\"box\"><legend>Als Variante speichern</legend><p>Or save the changes as a new what-if that extends "
            + "<code>\(HTML.escape(sources.yamlName))</code> and holds only what differs; it is planned as a re-plan of this scenario's plan.</p>"
            + "<label>file name <input name=\"variant\" size=\"30\" value=\"\(HTML.escape(variant["variant"] ?? ""))\" placeholder=\"\(HTML.escape(id))-what-if\"></label>.yaml "
            + "<label>title <input name=\"variant_title\" size=\"30\" value=\"\(HTML.escape(variant["variant_title"] ?? ""))\" placeholder=\"\(HTML.escape(scenario.name)) – what if …\"></label> "
            + "<button name=\"do\" value=\"variant\">Als Variante speichern</button>"
            + (original == nil ? "" : " <button name=\"do\" value=\"variant-remove\">Variante ohne \(HTML.escape(original!))</button> <small>(a what-if without this trainer)</small>")
            + variantProblems.map { "<div class=\"error field-error\" data-field=\"variant\">\(HTML.escape($0))</div>" }.joined()
            + "</fieldset>"
        let form = EditForm(action: "/scenarios/\(id)/trainers/save", csrf: desk.csrf, version: sources.version, fields: fields,
                            values: values ?? shown, problems: problems, hidden: ["original": original ?? ""], footer: footer)
        var body = "<p>Scenario <a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(scenario.name))</a> (<code>\(HTML.escape(sources.yamlName))</code>)"
        if let base = desk.scenarios.base(of: id) {
            body += ", a what-if of <code>\(HTML.escape(base))</code>: the change is written as an entry of its own <code>trainers:</code>, merged into the base's by id"
        }
        body += ".</p>" + form.render()
        if let original {
            body += "<h2>Remove</h2>" + HTML.form("/scenarios/\(id)/trainers/remove", csrf: desk.csrf,
                "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\"><input type=\"hidden\" name=\"original\" value=\"\(HTML.escape(original))\">"
                + "<button onclick=\"return confirm('Remove this trainer?')\">Remove trainer \(HTML.escape(original))</button>")
        }
        return HTML.page(original.map { "Trainer \($0)" } ?? "Neuer Trainer", body, status: status)
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
        if !original.isEmpty, current != nil, currentTrainer == nil { throw HTTPError(.notFound, message: "No trainer with this id in the scenario.") }
        if original.isEmpty, current?.trainers.contains(where: { $0.id == trainerID }) == true {
            return try page(id, trainer: nil, values: values, problems: Edits.problem("id", "the trainer id '\(trainerID)' is in the scenario already; give another id or edit that trainer"),
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
        let data = Data(yaml.text.utf8)
        let problems = ChangeCheck.problems(root: sources.root, scenario: sources.yamlName, changes: [sources.yamlName: data],
                                            shownFolder: desk.configuration.folder)
        guard problems.isEmpty else {
            let shown = Edits.shown(desk, sources.yamlName)
            return try page(id, trainer: original, values: values,
                            problems: FieldProblems(problems) { $0.file == shown ? FieldProblems.key(of: $0.field, below: "trainers[\(position)]") : nil },
                            variant: Edits.variantValues(form), status: .unprocessableContent)
        }
        try DurableFiles.replace(sources.yamlPath, with: data)
        return Edits.saved(id, [sources.yamlName], anchor: "trainers")
    }

    /// A new scenario file: `extends` this one and holds only `item`, the trainer's changed keys
    /// (or its removal); nil when nothing differs.
    private func saveVariant(_ sources: ScenarioSources, form: Form, values: [String: String], trainerID: String, original: String,
                             item: Node?, baseName: String) throws -> Response {
        let id = sources.id
        var stem = (form["variant"] ?? "").trimmingCharacters(in: .whitespaces)
        if stem.lowercased().hasSuffix(".yaml") { stem = String(stem.dropLast(5)) }
        func refuse(_ message: String) throws -> Response {
            try page(id, trainer: original, values: values, problems: Edits.problem("variant", message), variant: Edits.variantValues(form),
                     status: .unprocessableContent)
        }
        guard ScenarioFolder.isSafeName(stem) else {
            return try refuse("give the variant a file name of letters, digits, '-' and '_' (no '/', not starting with '.'), e.g. \(id)-what-if")
        }
        let name = stem + ".yaml", path = sources.path(name)
        guard !FileManager.default.fileExists(atPath: path) else {
            return try refuse("the file '\(name)' is in the folder already; give the variant another name")
        }
        guard let item else { return try refuse("nothing differs from \(sources.yamlName): change a field above first") }
        let title = (form["variant_title"] ?? "").trimmingCharacters(in: .whitespaces)
        let yaml = ScenarioYAMLText("")
        let text = "# A what-if of \(sources.yamlName), saved in wsplan serve: it holds only what differs.\n"
            + "extends: \(sources.yamlName)\n"
            + "name: \(yaml.render(ScenarioYAMLText.text(title.isEmpty ? "\(baseName) – \(stem)" : title)))\n"
            + "trainers:\n  - \(yaml.render(item))\n"
        let data = Data(text.utf8)
        let problems = ChangeCheck.problems(root: sources.root, scenario: name, changes: [name: data], shownFolder: desk.configuration.folder)
        guard problems.isEmpty else {
            let shown = Edits.shown(desk, name)
            return try page(id, trainer: original, values: values,
                            problems: FieldProblems(problems) { $0.file == shown ? FieldProblems.key(of: $0.field, below: "trainers[0]") : nil },
                            variant: Edits.variantValues(form), status: .unprocessableContent)
        }
        try DurableFiles.replace(path, with: data)
        return .redirect(to: "/scenarios/\(stem)", type: .normal)
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
            guard let own else { throw HTTPError(.notFound, message: "No trainer with this id in the scenario's file.") }
            list.remove(at: own)
        }
        yaml.setList("trainers", list)
        let data = Data(yaml.text.utf8)
        let problems = ChangeCheck.problems(root: sources.root, scenario: sources.yamlName, changes: [sources.yamlName: data],
                                            shownFolder: desk.configuration.folder)
        guard problems.isEmpty else {
            return try page(id, trainer: original, problems: FieldProblems(problems) { _ in nil }, status: .unprocessableContent)
        }
        try DurableFiles.replace(sources.yamlPath, with: data)
        return Edits.saved(id, [sources.yamlName], anchor: "trainers")
    }
}
