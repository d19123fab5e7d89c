import Foundation
import Hummingbird
import PlanningIO

/// What the edit routes share.
enum Edits {
    /// The form body (the CSRF middleware has read it already, within the upload limit).
    static func form(_ request: Request, _ desk: Desk) async throws -> Form {
        var request = request
        return Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
    }

    /// Saves a form's change: `changes` (file name in the folder → new bytes) are read first with
    /// `wsplan check`'s reader, as the scenario file `scenario` then reads; when they read, every
    /// file is written atomically – `scenario` last, so it never names a file not yet written – and
    /// `saved` is the answer. Otherwise nothing is written and `refused` answers with the problems.
    static func save(_ desk: Desk, _ sources: ScenarioSources, scenario: String, changes: [String: Data],
                     refused: ([InputProblem]) throws -> Response, saved: Response) throws -> Response {
        let problems = ChangeCheck.problems(root: sources.root, scenario: scenario, changes: changes, shownFolder: desk.configuration.folder)
        guard problems.isEmpty else { return try refused(problems) }
        for name in changes.keys.sorted(by: { ($0 == scenario ? 1 : 0, $0) < ($1 == scenario ? 1 : 0, $1) }) {
            try DurableFiles.replace(sources.path(name), with: changes[name]!)
        }
        return saved
    }

    /// Back to the scenario page, which says which files were written.
    static func saved(_ id: String, _ files: [String], anchor: String) -> Response {
        .redirect(to: "/scenarios/\(id)?saved=\(files.joined(separator: ","))#\(anchor)", type: .normal)
    }

    /// 409: the files changed since the form was shown; nothing is saved.
    static func conflict(_ id: String) -> Response {
        HTML.page("Nicht gespeichert", "<p class=\"error\" id=\"conflict\"><b>Ihre Änderung wurde nicht gespeichert.</b> "
            + "Das Szenario wurde geändert, seit Sie die Seite geöffnet haben (von jemand anderem oder mit <code>wsplan</code> auf der Kommandozeile). "
            + "Damit keine Änderung verloren geht, wird nichts überschrieben.</p>"
            + "<p><a href=\"/scenarios/\(HTML.escape(id))\">Laden Sie das Szenario neu</a>, prüfen Sie den jetzigen Stand und geben Sie Ihre Änderung noch einmal ein.</p>",
            status: .conflict)
    }

    static func unreadable(_ id: String, _ error: InputErrors) -> Response {
        HTML.page(id, "<p class=\"error\">Das Szenario lässt sich nicht lesen; dieselben Meldungen wie von <code>wsplan check</code>:</p><pre class=\"error\">\(HTML.escape(error.description))</pre>"
            + "<p>Korrigieren Sie die Datei, dann können Sie es hier bearbeiten.</p>", status: .unprocessableContent)
    }

    static func problem(_ field: String, _ message: String) -> FieldProblems {
        var problems = FieldProblems()
        problems.byField[field] = [message]
        return problems
    }

    /// A file of the folder as problems name it (`Scenarios/2027-Q1.yaml`).
    static func shown(_ desk: Desk, _ name: String) -> String {
        let folder = desk.configuration.folder
        return (folder.hasSuffix("/") ? folder : folder + "/") + name
    }

    static func variantValues(_ form: Form) -> [String: String] {
        ["variant": form["variant"] ?? "", "variant_title": form["variant_title"] ?? ""]
    }

    /// The path of the scenario's own base (`extends:`), read relative to the scenario as the CLI reads it.
    static func base(_ sources: ScenarioSources, _ desk: Desk) -> String? {
        guard let base = sources.yaml["extends"]?.string else { return nil }
        if base.hasPrefix("/") { return base }
        return URL(fileURLWithPath: sources.yamlPath).deletingLastPathComponent().appendingPathComponent(base).path
    }
}
