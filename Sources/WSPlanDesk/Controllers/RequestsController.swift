import Foundation
import Hummingbird
import Planning
import PlanningIO

/// `/scenarios/:id/requests/…`: add, edit and remove a request in the scenario's own request list,
/// the row of its CSV file (in the file's own separator, encoding and line breaks; every other row
/// stays as written) or the item of its inline YAML list.
struct RequestsController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/scenarios/:id/requests/edit") { request, context in
            let id = try Routes.scenario(context, desk)
            return try page(id, request: Form(request.uri.query ?? "")["r"])
        }
        router.post("/scenarios/:id/requests/save") { request, context in
            let id = try Routes.scenario(context, desk), form = try await Edits.form(request, desk)
            return try desk.writing { try change(id, form, remove: false) }
        }
        router.post("/scenarios/:id/requests/remove") { request, context in
            let id = try Routes.scenario(context, desk), form = try await Edits.form(request, desk)
            return try desk.writing { try change(id, form, remove: true) }
        }
    }

    func page(_ id: String, request: String?, values: [String: String]? = nil, problems: FieldProblems = .init(),
              variant: [String: String] = [:], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        let store: RequestChange.Store
        switch RequestChange.store(sources) {
        case .success(let found): store = found
        case .failure(let refusal):
            return HTML.page("Anfrage", "<p class=\"error\">\(HTML.escape(refusal.text))</p><p><a href=\"/scenarios/\(HTML.escape(id))#requests\">Zurück</a></p>",
                             status: .conflict)
        }
        let yaml = sources.yaml
        let original = request.flatMap { $0.isEmpty ? nil : $0 }
        var fields = RequestChange.fields(store)
        var shown: [String: String] = [:]
        if let original {
            guard let index = RequestChange.ids(store, yaml).firstIndex(of: original) else {
                throw HTTPError(.notFound, message: "Keine Anfrage mit dieser ID in der Liste des Szenarios.")
            }
            shown = RequestChange.values(store, yaml, at: index)
            if let field = fields.firstIndex(where: { $0.name == "id" }) { fields[field].readonly = true }
        }
        let file: String
        if case .csv(let name, _) = store { file = name } else { file = sources.yamlName }
        let scenarioName = (try? ScenarioLoader.load(path: sources.yamlPath, warnings: { _ in }))?.name ?? id
        let footer = "<p><button name=\"do\" value=\"save\">In \(HTML.escape(file)) speichern</button> <a href=\"/scenarios/\(HTML.escape(id))#requests\">Abbrechen</a></p>"
            + VariantFile.fieldset(id: id, sources: sources, scenarioName: scenarioName, values: variant, problems: problems.byField["variant"] ?? [],
                                   extra: original.map { " <button name=\"do\" value=\"variant-remove\">Variante ohne \(HTML.escape($0))</button>" } ?? "")
        let form = EditForm(action: "/scenarios/\(id)/requests/save", csrf: desk.csrf, version: sources.version, fields: fields,
                            values: values ?? shown, problems: problems, hidden: ["original": original ?? ""], footer: footer)
        var body = "<p>Szenario <a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(id))</a>: die Anfrage wird in <code>\(HTML.escape(file))</code> geschrieben"
            + (file == sources.yamlName ? "" : " (jedes Szenario, das diese Datei liest, sieht die Änderung)") + ".</p>" + form.render()
        if let original {
            body += "<h2>Entfernen</h2>" + HTML.form("/scenarios/\(id)/requests/remove", csrf: desk.csrf,
                "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\"><input type=\"hidden\" name=\"original\" value=\"\(HTML.escape(original))\">"
                + "<button onclick=\"return confirm('Diese Anfrage entfernen?')\">Anfrage \(HTML.escape(original)) entfernen</button>")
        }
        return HTML.page(original.map { "Anfrage \($0)" } ?? "Neue Anfrage", body, status: status)
    }

    /// Saves (or removes) one request after the changed scenario reads without problems.
    func change(_ id: String, _ form: Form, remove: Bool) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard form["version"] == sources.version else { return Edits.conflict(id) }
        let remove = remove || form["do"] == "variant-remove"
        let asVariant = form["do"] == "variant" || form["do"] == "variant-remove"
        guard case .success(let store) = RequestChange.store(sources) else { return try page(id, request: nil) }
        let original = form["original"] ?? ""
        var values = RequestChange.values(form)
        if !original.isEmpty { values["id"] = original }
        var yaml = sources.yaml
        let ids = RequestChange.ids(store, yaml)
        let index = original.isEmpty ? nil : ids.firstIndex(of: original)
        if !original.isEmpty, index == nil { throw HTTPError(.notFound, message: "Keine Anfrage mit dieser ID in der Liste des Szenarios.") }
        if original.isEmpty, let requestID = values["id"], !requestID.isEmpty, ids.contains(requestID) {
            return try page(id, request: nil, values: values,
                            problems: Edits.problem("id", "Die ID „\(requestID)“ steht schon in der Liste; geben Sie eine andere ID oder bearbeiten Sie diese Anfrage."),
                            variant: Edits.variantValues(form), status: .unprocessableContent)
        }
        var changes: [String: Data]
        var field: (InputProblem) -> String?
        var csvLine = 0   // the changed row's line in a CSV list
        switch store {
        case .csv(let name, let file):
            var texts = file.records.map(\.text)
            let position = index.map { $0 + 1 } ?? texts.count
            if remove {
                texts.remove(at: position)
            } else {
                let current = index.map { file.records[$0 + 1].fields } ?? []
                let cells = file.columns.enumerated().map { column, name in
                    RequestChange.columns.contains(name) ? values[name] ?? "" : (current.indices.contains(column) ? current[column] : "")
                }
                if index != nil { texts[position] = file.line(cells) } else { texts.append(file.line(cells)) }
            }
            guard let data = file.data(texts) else {
                return try page(id, request: original, values: values,
                                problems: Edits.problem("name", "\(name) ist in Windows-1252 gespeichert, das ein Zeichen dieser Anfrage nicht fassen kann; schreiben Sie sie ohne dieses Zeichen, oder importieren Sie die Liste als CSV UTF-8."),
                                status: .unprocessableContent)
            }
            changes = [name: data]
            let line = ScenarioYAMLText.lines(file.leading + texts[..<position].joined()).count + 1
            csvLine = line
            let shown = Edits.shown(desk, name)
            field = { $0.file == shown && $0.line == line ? $0.field.flatMap { RequestChange.columns.contains($0) ? $0 : nil } : nil }
        case .inline:
            var list = yaml.items("municipalities").indices.map { ScenarioYAMLText.Item.kept($0) }
            let position = index ?? list.count
            if remove { list.remove(at: position) } else if index != nil { list[position] = .node(RequestChange.item(values)) } else { list.append(.node(RequestChange.item(values))) }
            yaml.setList("municipalities", list)
            changes = [sources.yamlName: Data(yaml.text.utf8)]
            let shown = Edits.shown(desk, sources.yamlName)
            field = { $0.file == shown ? FieldProblems.key(of: $0.field, below: "municipalities[\(position)]") : nil }
        }
        var scenarioFile = sources.yamlName
        if asVariant {
            func refuse(_ message: String) throws -> Response {
                try page(id, request: original, values: values, problems: Edits.problem("variant", message), variant: Edits.variantValues(form),
                         status: .unprocessableContent)
            }
            let stem: String
            switch VariantFile.stem(form, sources: sources) {
            case .success(let found): stem = found
            case .failure(let problem): return try refuse(problem.text)
            }
            let baseName = (try? ScenarioLoader.load(path: sources.yamlPath, warnings: { _ in }))?.name ?? id
            var text = VariantFile.head(sources, stem: stem, form: form, baseName: baseName)
            switch store {
            case .csv(let name, _):
                // A CSV list and an inline one do not merge (SPEC §5): the variant gets its own copy of the list.
                guard let data = changes[name], data != FileManager.default.contents(atPath: sources.path(name)) else {
                    return try refuse(VariantFile.nothingDiffers(sources))
                }
                let copy = (1...).lazy.map { $0 == 1 ? "requests-\(stem).csv" : "requests-\(stem)-\($0).csv" }
                    .first { !FileManager.default.fileExists(atPath: sources.path($0)) }!
                text += "municipalities: \(copy)\n"
                changes = [copy: data]
                let shown = Edits.shown(desk, copy), line = csvLine
                field = { $0.file == shown && $0.line == line ? $0.field.flatMap { RequestChange.columns.contains($0) ? $0 : nil } : nil }
            case .inline:
                // An inline list merges by id into the base's: the variant holds the one request (or its removal).
                let item = remove ? TrainerChange.removal(original) : RequestChange.item(values)
                text += "municipalities:\n  - \(ScenarioYAMLText("").render(item))\n"
                changes = [:]
                let shown = Edits.shown(desk, stem + ".yaml")
                field = { $0.file == shown ? FieldProblems.key(of: $0.field, below: "municipalities[0]") : nil }
            }
            scenarioFile = stem + ".yaml"
            changes[scenarioFile] = Data(text.utf8)
        }
        return try Edits.save(desk, sources, scenario: scenarioFile, changes: changes, refused: { problems in
            try page(id, request: original, values: remove ? nil : values,
                     problems: FieldProblems(problems, field: remove ? { _ in nil } : field), variant: Edits.variantValues(form),
                     status: .unprocessableContent)
        }, saved: asVariant ? .redirect(to: "/scenarios/\(scenarioFile.dropLast(5))", type: .normal)
                            : Edits.saved(id, changes.keys.sorted(), anchor: "requests"))
    }
}
