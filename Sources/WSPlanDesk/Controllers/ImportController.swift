import Foundation
import Hummingbird
import PlanningIO

/// `/scenarios/:id/requests/import`: a request list uploaded as CSV (any form the CLI reads:
/// `,` or `;`, UTF-8 with or without BOM, Windows-1252, German dates) or `.xlsx` becomes the
/// scenario's request file, byte for byte, after the scenario reads with it as `wsplan check`
/// would. The file name is the scenario's own (`municipalities:`), never the uploaded one; when
/// the scenario has none of that kind, `requests-<scenario>.csv` (or `.xlsx`) is made and named.
struct ImportController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/scenarios/:id/requests/import") { request, context in
            let id = try Routes.scenario(context, desk)
            var request = request
            let body = try await request.collectBody(upTo: desk.configuration.uploadLimit)
            guard let boundary = Multipart.boundary(request.headers[.contentType]),
                  let parts = Multipart(Data(buffer: body), boundary: boundary) else {
                return HTML.page("Import", "<p class=\"error\">Senden Sie die Anfrageliste mit dem Upload-Formular der Szenario-Seite (multipart/form-data).</p>",
                                 status: .badRequest)
            }
            return try desk.writing { try importList(id, parts) }
        }
    }

    func importList(_ id: String, _ parts: Multipart) throws -> Response {
        guard let sources = ScenarioSources(desk.scenarios, id: id) else { throw HTTPError(.notFound) }
        guard parts["version"]?.text == sources.version else { return Edits.conflict(id) }
        guard let upload = parts["file"], !upload.data.isEmpty else {
            return result(id, "<p class=\"error\">Wählen Sie eine Anfrageliste (CSV oder .xlsx) zum Importieren.</p>", status: .unprocessableContent)
        }
        let kind = upload.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "xlsx" : "csv"   // a workbook is a ZIP
        var changes: [String: Data] = [:]
        let target: String
        if case .file(let name) = sources.requests, name.lowercased().hasSuffix("." + kind) {
            target = name
        } else {
            target = (1...).lazy.map { $0 == 1 ? "requests-\(id).\(kind)" : "requests-\(id)-\($0).\(kind)" }
                .first { !FileManager.default.fileExists(atPath: sources.path($0)) }!
            var yaml = sources.yaml
            yaml.setScalar("municipalities", target)
            changes[sources.yamlName] = Data(yaml.text.utf8)
        }
        changes[target] = upload.data
        return try Edits.save(desk, sources, scenario: sources.yamlName, changes: changes, refused: { problems in
            result(id, "<p class=\"error\"><b>Nichts wurde importiert.</b> Mit der hochgeladenen Liste als <code>\(HTML.escape(target))</code> lässt sich das Szenario nicht lesen; "
                + "dieselben Meldungen wie von <code>wsplan check</code>:</p><pre class=\"error\">\(HTML.escape(problems.map(\.description).joined(separator: "\n")))</pre>",
                status: .unprocessableContent)
        }, saved: Edits.saved(id, changes.keys.sorted(), anchor: "requests"))
    }

    private func result(_ id: String, _ body: String, status: HTTPResponse.Status) -> Response {
        HTML.page("Import", body + "<p><a href=\"/scenarios/\(HTML.escape(id))#requests\">Zurück zum Szenario</a></p>", status: status)
    }
}
