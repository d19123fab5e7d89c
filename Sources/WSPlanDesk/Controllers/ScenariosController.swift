import Foundation
import Hummingbird
import Planning
import PlanningIO

/// `/` (every scenario of the folder) and `/scenarios/:id` (one scenario's inputs and plan), read
/// from the same files the CLI reads, through `ScenarioLoader`.
struct ScenariosController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in list() }
        router.get("/scenarios/:id") { request, context in
            try show(try Routes.scenario(context, desk), authority: request.head.authority ?? "\(desk.configuration.host):\(desk.configuration.port)",
                     saved: Form(request.uri.query ?? "")["saved"])
        }
    }

    func list() -> Response {
        let rows: [[String]] = desk.scenarios.ids().map { id in
            let link = "<a href=\"/scenarios/\(HTML.escape(id))\">\(HTML.escape(id))</a>"
            let plan = desk.scenarios.lastPlan(of: id)
            let planCells = [HTML.escape(plan?.solver.status.germanWord ?? "noch kein Plan"),
                             HTML.number(plan?.solver.objective.map(Format.eur) ?? ""),
                             HTML.number(plan?.solver.gap.map(Format.percent) ?? ""),
                             HTML.number(plan.map { Format.seconds($0.solver.seconds) } ?? "")]
            do {
                let scenario = try ScenarioLoader.load(path: desk.scenarios.path(of: id)!, warnings: { _ in })
                return [link, HTML.escape(scenario.name), HTML.escape(Format.span(scenario.horizon)),
                        HTML.number("\(scenario.requests.count)"), HTML.number("\(scenario.trainers.count)"),
                        HTML.escape(desk.scenarios.base(of: id) ?? "")] + planCells
            } catch let error as InputErrors {
                return [link, "<span class=\"error\">\(error.problems.count) Fehler in den Eingaben</span>", "", "", "",
                        HTML.escape(desk.scenarios.base(of: id) ?? "")] + planCells
            } catch {
                return [link, HTML.escape(String(describing: error)), "", "", "", ""] + planCells
            }
        }
        let body = "<p>Szenario-Ordner <code>\(HTML.escape(desk.configuration.folder))</code>; die Pläne liegen in <code>out/</code>, wie <code>wsplan solve</code> sie schreibt.</p>"
            + HTML.table(["Datei", "Name", "Zeitraum", "Anfragen", "Trainer/innen", "Variante von", "letzter Plan", "Zielwert", "Lücke", "Rechenzeit"], rows)
        return HTML.page("Szenarien", body + "<p><a href=\"/compare\">Szenarien nebeneinander vergleichen</a></p>")
    }

    func show(_ id: String, authority: String, saved: String? = nil) throws -> Response {
        let path = desk.scenarios.path(of: id)!
        let scenario: Scenario
        var warnings: [InputProblem] = []
        do { scenario = try ScenarioLoader.load(path: path, warnings: { warnings.append($0) }) } catch {
            return Edits.unreadable(id, error)
        }
        var body = ""
        // After a save: the files written (only names of files in the folder are shown).
        let written = (saved ?? "").split(separator: ",").map(String.init)
            .filter { ScenarioFolder.isSafeName($0) && FileManager.default.fileExists(atPath: desk.scenarios.root.appendingPathComponent($0).path) }
        if !written.isEmpty {
            body += "<p class=\"ok box\" id=\"saved\">Gespeichert: " + written.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
                + ". Das Szenario liest sich, wie <code>wsplan check</code> es liest.</p>"
        }
        body += "<p><code>\(HTML.escape(id)).yaml</code>"
        if let base = desk.scenarios.base(of: id) { body += " – eine Variante von <code>\(HTML.escape(base))</code>" }
        body += ". Planungsbeginn \(HTML.escape(GermanFormat.numericDate(scenario.planningStart))), Workshops \(HTML.escape(Format.span(scenario.horizon))).</p>"
        body += WarningsSection.render(warnings, root: desk.scenarios.root, shownFolder: desk.configuration.folder)
        let sources = ScenarioSources(desk.scenarios, id: id)
        if desk.scenarios.base(of: id) != nil, let sources {
            body += "<details class=\"box\" open><summary>Was diese Variante ändert: ihre eigene Datei <code>\(HTML.escape(sources.yamlName))</code></summary>"
                + "<pre>\(HTML.escape(sources.yamlText))</pre></details>"
        }
        body += PlanSection(desk: desk, id: id).render()
        body += FeedSection(desk: desk, id: id, authority: authority).render()
        let editable: Set<String>
        if let sources, case .success(let store) = RequestChange.store(sources) { editable = Set(RequestChange.ids(store, sources.yaml)) } else { editable = [] }
        let base = "/scenarios/\(HTML.escape(id))"
        body += "<h2 id=\"requests\">Anfragen (\(scenario.requests.count))</h2>" + requestTools(id, sources)
        body += HTML.table(
            ["ID", "Name", "Ort", "Land", "Teilnehmende", "frühestens", "spätestens", "Priorität", "gesperrte Tage", "verlangt", "schließt aus", ""],
            scenario.requests.map { request in
                let edit = editable.contains(request.id)
                    ? "<a href=\"\(base)/requests/edit?r=\(HTML.escape(Self.query(request.id)))\">bearbeiten</a>" : ""
                return [HTML.escape(request.id), HTML.escape(request.name), HTML.escape(request.place), HTML.escape(request.state.rawValue),
                 HTML.number("\(request.participants)"), HTML.escape(request.earliest.map(GermanFormat.numericDate) ?? ""),
                 HTML.escape(request.latest.map(GermanFormat.numericDate) ?? ""),
                 HTML.number(Format.decimal(request.priority)), HTML.escape(Format.germanDays(request.blackout)),
                 HTML.escape(request.requires.joined(separator: ", ")), HTML.escape(request.excludes.joined(separator: ", ")), edit]
            })
        body += "<h2 id=\"trainers\">Trainer/innen (\(scenario.trainers.count))</h2>"
            + "<p><a href=\"\(base)/trainers/edit\">Trainer/in hinzufügen</a> · Bearbeiten Sie eine Person, um ihre Abwesenheiten oder Grenzen zu ändern "
            + "oder die Änderung als Variante zu speichern.</p>"
            + HTML.table(
            ["ID", "Name", "Wohnort", "Pakete höchstens", "Einsatztage je Monat höchstens", "nicht verfügbar", ""],
            scenario.trainers.map { trainer in
                [HTML.escape(trainer.id), HTML.escape(trainer.name), HTML.escape(trainer.homeLabel),
                 HTML.number(trainer.maxPackages.map(String.init) ?? "–"), HTML.number(trainer.maxDaysPerMonth.map(String.init) ?? "–"),
                 HTML.escape(Format.germanDays(trainer.unavailable)),
                 "<a href=\"\(base)/trainers/edit?t=\(HTML.escape(Self.query(trainer.id)))\">bearbeiten</a>"]
            })
        body += "<h2 id=\"settings\">Paare, Regeln und Gewichte</h2>"
        if let sources {
            body += "<p>Jede Änderung wird in <code>\(HTML.escape(sources.yamlName))</code> geschrieben, sobald das Szenario sich damit liest, "
                + "wie <code>wsplan check</code> es liest; oder als Variante gespeichert. Ein geleertes Feld streicht den Wert aus der Datei "
                + "(dann gilt der Wert der Basis oder die Vorgabe).</p>"
                + SettingsController(desk: desk).form(sources, scenario: scenario)
        }
        var response = HTML.page(scenario.name, body)
        if let sources { response.headers[.eTag] = "\"\(sources.version)\"" }
        return response
    }

    /// Add a request, and import a request list by upload (with the version the page shows).
    private func requestTools(_ id: String, _ sources: ScenarioSources?) -> String {
        guard let sources else { return "" }
        var html = "<div class=\"box\">"
        switch RequestChange.store(sources) {
        case .success: html += "<p><a href=\"/scenarios/\(HTML.escape(id))/requests/edit\">Anfrage hinzufügen</a></p>"
        case .failure(let refusal): html += "<p>\(HTML.escape(refusal.text))</p>"
        }
        let target: String
        if case .file(let name) = sources.requests { target = "ersetzt <code>\(HTML.escape(name))</code>" } else { target = "wird die eigene Anfragedatei des Szenarios" }
        html += "<form method=\"post\" action=\"/scenarios/\(HTML.escape(id))/requests/import\" enctype=\"multipart/form-data\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(desk.csrf))\"><input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\">"
            + "<label>Anfrageliste importieren (CSV, wie Excel sie speichert, oder .xlsx) <input type=\"file\" name=\"file\" accept=\".csv,.xlsx,text/csv\"></label> "
            + "<button id=\"import\">Importieren</button> <small>Sie \(target), sobald das Szenario sich damit liest, wie <code>wsplan check</code> es liest.</small></form></div>"
        return html
    }

    /// A value for a query string.
    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? text
    }
}

/// Route parameters, checked once.
enum Routes {
    /// The `:id` of a scenario that exists in the folder; 404 otherwise (also for names that would leave it).
    static func scenario(_ context: BasicRequestContext, _ desk: Desk) throws -> String {
        guard let id = context.parameters.get("id"), desk.scenarios.path(of: id) != nil else {
            throw HTTPError(.notFound, message: "Kein solches Szenario im Ordner.")
        }
        return id
    }
}

/// Numbers and days as the pages show them: German (1.234,56 €, 09.02.2027), except the values
/// of form fields, which are written back into the files as YAML reads them.
enum Format {
    static func eur(_ value: Double) -> String { GermanFormat.euro(value) }
    static func percent(_ gap: Double) -> String { GermanFormat.percent(gap) }
    /// +1.234,56 € or -20,00 €: a change of an amount.
    static func signedEur(_ value: Double) -> String { (value > 0 ? "+" : "") + GermanFormat.euro(value) }
    static func seconds(_ value: Double) -> String { GermanFormat.number(value, decimals: 1) + " s" }

    /// A number as YAML writes it (`0.25`, `500`).
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A number with a German decimal comma and no grouping (`0,25`, `50000`); forms take it back.
    static func decimal(_ value: Double) -> String { plain(value).replacingOccurrences(of: ".", with: ",") }

    /// 01.01.2027–31.03.2027
    static func span(_ days: ClosedRange<Day>) -> String {
        "\(GermanFormat.numericDate(days.lowerBound))–\(GermanFormat.numericDate(days.upperBound))"
    }

    /// Days as runs, as the files write them (for form fields): `2027-02-01..2027-02-14, 2027-03-05`.
    static func days(_ days: Set<Day>) -> String {
        runs(days).map { $0.0 == $0.1 ? $0.0.iso : "\($0.0.iso)..\($0.1.iso)" }.joined(separator: ", ")
    }

    /// Days as runs in German dates (for tables): `01.02.2027–14.02.2027, 05.03.2027`.
    static func germanDays(_ days: Set<Day>) -> String {
        runs(days).map { $0.0 == $0.1 ? GermanFormat.numericDate($0.0) : span($0.0...$0.1) }.joined(separator: ", ")
    }

    private static func runs(_ days: Set<Day>) -> [(Day, Day)] {
        var runs: [(Day, Day)] = []
        for day in days.sorted() {
            if let last = runs.last, last.1.distance(to: day) == 1 { runs[runs.count - 1].1 = day } else { runs.append((day, day)) }
        }
        return runs
    }
}
