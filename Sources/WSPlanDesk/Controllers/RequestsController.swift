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
              status: HTTPResponse.Status = .ok) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        let store: RequestChange.Store
        switch RequestChange.store(sources) {
        case .success(let found): store = found
        case .failure(let refusal):
            return HTML.page("Anfrage", "<p class=\"error\">\(HTML.escape(refusal.text))</p><p><a href=\"/scenarios/\(HTML.escape(id))#requests\">Back</a></p>",
                             status: .conflict)
        }
        let yaml = sources.yaml
        let original = request.flatMap { $0.isEmpty ? nil : $0 }
        var fields = RequestChange.fields(store)
        var shown: [String: String] = [:]
        if let original {
            guard let index = RequestChange.ids(store, yaml).firstIndex(of: original) else {
                throw HTTPError(.notFound, message: "No request with this id in the scenario's list.")
            }
            shown = RequestChange.values(store, yaml, at: index)
            if let field = fields.firstIndex(where: { $0.name == "id" }) { fields[field].readonly = true }
        }
        let file: String
        if case .csv(let name, _) = store { file = name } else { file = sources.yamlName }
        let footer = "<p><button>Save in \(HTML.escape(file))</button> <a href=\"/scenarios/\(HTML.escape(id))#requests\">Cancel</a></p>"
        let form = EditForm(action: "/scenarios/\(id)/requests/save", csrf: desk.csrf, version: sources.version, fields: fields,
                            values: values ?? shown, problems: problems, hidden: ["original": original ?? ""], footer: footer)
        var body = "<p>Scenario <a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(id))</a>: the request is written to <code>\(HTML.escape(file))</code>"
            + (file == sources.yamlName ? "" : " (every scenario that reads this file sees the change)") + ".</p>" + form.render()
        if let original {
            body += "<h2>Remove</h2>" + HTML.form("/scenarios/\(id)/requests/remove", csrf: desk.csrf,
                "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\"><input type=\"hidden\" name=\"original\" value=\"\(HTML.escape(original))\">"
                + "<button onclick=\"return confirm('Remove this request?')\">Remove request \(HTML.escape(original))</button>")
        }
        return HTML.page(original.map { "Anfrage \($0)" } ?? "Neue Anfrage", body, status: status)
    }

    /// Saves (or removes) one request after the changed scenario reads without problems.
    func change(_ id: String, _ form: Form, remove: Bool) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard form["version"] == sources.version else { return Edits.conflict(id) }
        guard case .success(let store) = RequestChange.store(sources) else { return try page(id, request: nil) }
        let original = form["original"] ?? ""
        var values = RequestChange.values(form)
        if !original.isEmpty { values["id"] = original }
        var yaml = sources.yaml
        let ids = RequestChange.ids(store, yaml)
        let index = original.isEmpty ? nil : ids.firstIndex(of: original)
        if !original.isEmpty, index == nil { throw HTTPError(.notFound, message: "No request with this id in the scenario's list.") }
        if original.isEmpty, let requestID = values["id"], !requestID.isEmpty, ids.contains(requestID) {
            return try page(id, request: nil, values: values,
                            problems: Edits.problem("id", "the municipality id '\(requestID)' is in the list already; give another id or edit that request"),
                            status: .unprocessableContent)
        }
        let changes: [String: Data]
        let field: (InputProblem) -> String?
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
                                problems: Edits.problem("name", "\(name) is saved in Windows-1252, which cannot hold a character of this request; write it without that character, or import the list as CSV UTF-8"),
                                status: .unprocessableContent)
            }
            changes = [name: data]
            let line = ScenarioYAMLText.lines(file.leading + texts[..<position].joined()).count + 1
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
        let problems = ChangeCheck.problems(root: sources.root, scenario: sources.yamlName, changes: changes, shownFolder: desk.configuration.folder)
        guard problems.isEmpty else {
            return try page(id, request: original, values: remove ? nil : values,
                            problems: FieldProblems(problems, field: remove ? { _ in nil } : field), status: .unprocessableContent)
        }
        for (name, data) in changes { try DurableFiles.replace(sources.path(name), with: data) }
        return Edits.saved(id, changes.keys.sorted(), anchor: "requests")
    }
}
