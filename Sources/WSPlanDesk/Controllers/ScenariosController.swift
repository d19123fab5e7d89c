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
            let planCells = [HTML.escape(plan?.solver.status.rawValue ?? "no plan yet"),
                             HTML.number(plan?.solver.objective.map(Format.eur) ?? ""),
                             HTML.number(plan?.solver.gap.map(Format.percent) ?? ""),
                             HTML.number(plan.map { Format.seconds($0.solver.seconds) } ?? "")]
            do {
                let scenario = try ScenarioLoader.load(path: desk.scenarios.path(of: id)!)
                return [link, HTML.escape(scenario.name), HTML.escape("\(scenario.horizon.lowerBound.iso) – \(scenario.horizon.upperBound.iso)"),
                        HTML.number("\(scenario.requests.count)"), HTML.number("\(scenario.trainers.count)"),
                        HTML.escape(desk.scenarios.base(of: id) ?? "")] + planCells
            } catch let error as InputErrors {
                return [link, "<span class=\"error\">\(error.problems.count) problem(s) in the input</span>", "", "", "",
                        HTML.escape(desk.scenarios.base(of: id) ?? "")] + planCells
            } catch {
                return [link, HTML.escape(String(describing: error)), "", "", "", ""] + planCells
            }
        }
        let body = "<p>Scenario folder <code>\(HTML.escape(desk.configuration.folder))</code>; plans in <code>out/</code> as <code>wsplan solve</code> writes them.</p>"
            + HTML.table(["file", "name", "horizon", "requests", "trainers", "extends", "last plan", "objective EUR", "gap", "time"], rows)
        return HTML.page("Szenarien", body + "<p><a href=\"/compare\">Compare scenarios side by side</a></p>")
    }

    func show(_ id: String, authority: String, saved: String? = nil) throws -> Response {
        let path = desk.scenarios.path(of: id)!
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: path) } catch {
            return HTML.page(id, "<p class=\"error\">The scenario cannot be read; the same errors as <code>wsplan check</code>:</p><pre class=\"error\">\(HTML.escape(error.description))</pre>",
                             status: .unprocessableContent)
        }
        var body = ""
        // After a save: the files written (only names of files in the folder are shown).
        let written = (saved ?? "").split(separator: ",").map(String.init)
            .filter { ScenarioFolder.isSafeName($0) && FileManager.default.fileExists(atPath: desk.scenarios.root.appendingPathComponent($0).path) }
        if !written.isEmpty {
            body += "<p class=\"ok box\" id=\"saved\">Saved: " + written.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
                + ". The scenario reads as <code>wsplan check</code> reads it.</p>"
        }
        body += "<p><code>\(HTML.escape(id)).yaml</code>"
        if let base = desk.scenarios.base(of: id) { body += " – a what-if of <code>\(HTML.escape(base))</code>" }
        body += ". Planning start \(HTML.escape(scenario.planningStart.iso)), workshops \(HTML.escape(scenario.horizon.lowerBound.iso)) – \(HTML.escape(scenario.horizon.upperBound.iso)).</p>"
        if desk.scenarios.base(of: id) != nil, let sources = ScenarioSources(desk.scenarios, id: id) {
            body += "<details class=\"box\" open><summary>What this what-if changes: its own file <code>\(HTML.escape(sources.yamlName))</code></summary>"
                + "<pre>\(HTML.escape(sources.yamlText))</pre></details>"
        }
        body += PlanSection(desk: desk, id: id).render()
        body += FeedSection(desk: desk, id: id, authority: authority).render()
        let sources = ScenarioSources(desk.scenarios, id: id)
        let editable: Set<String>
        if let sources, case .success(let store) = RequestChange.store(sources) { editable = Set(RequestChange.ids(store, sources.yaml)) } else { editable = [] }
        let base = "/scenarios/\(HTML.escape(id))"
        body += "<h2 id=\"requests\">Requests (\(scenario.requests.count))</h2>" + requestTools(id, sources)
        body += HTML.table(
            ["id", "name", "place", "state", "participants", "earliest", "latest", "priority", "blackout", "requires", "excludes", ""],
            scenario.requests.map { request in
                let edit = editable.contains(request.id)
                    ? "<a href=\"\(base)/requests/edit?r=\(HTML.escape(Self.query(request.id)))\">edit</a>" : ""
                return [HTML.escape(request.id), HTML.escape(request.name), HTML.escape(request.place), HTML.escape(request.state.rawValue),
                 HTML.number("\(request.participants)"), HTML.escape(request.earliest?.iso ?? ""), HTML.escape(request.latest?.iso ?? ""),
                 HTML.number(Format.plain(request.priority)), HTML.escape(Format.days(request.blackout)),
                 HTML.escape(request.requires.joined(separator: ", ")), HTML.escape(request.excludes.joined(separator: ", ")), edit]
            })
        body += "<h2 id=\"trainers\">Trainers (\(scenario.trainers.count))</h2>"
            + "<p><a href=\"\(base)/trainers/edit\">Add a trainer</a> · edit a trainer to change its unavailable days or caps, or to save the change as a variant (what-if).</p>"
            + HTML.table(
            ["id", "name", "home", "max packages", "max days per month", "unavailable", ""],
            scenario.trainers.map { trainer in
                [HTML.escape(trainer.id), HTML.escape(trainer.name), HTML.escape(trainer.homeLabel),
                 HTML.number(trainer.maxPackages.map(String.init) ?? "–"), HTML.number(trainer.maxDaysPerMonth.map(String.init) ?? "–"),
                 HTML.escape(Format.days(trainer.unavailable)),
                 "<a href=\"\(base)/trainers/edit?t=\(HTML.escape(Self.query(trainer.id)))\">edit</a>"]
            })
        body += "<h2>Pairs</h2>" + HTML.table(["kind", "pairs"], [
            ["forbidden", HTML.escape(scenario.forbiddenPairs.sorted().map(\.description).joined(separator: ", "))],
            ["preferred", HTML.escape(scenario.preferredPairs.sorted().map(\.description).joined(separator: ", "))],
        ])
        let rules = scenario.rules, weights = scenario.weights
        body += "<h2>Rules and weights</h2>" + HTML.table(["setting", "value"], [
            ("preparation gap days (min/target/max)", "\(rules.prepGap.min) / \(rules.prepGap.target) / \(rules.prepGap.max)"),
            ("follow-up gap days (min/target/max)", "\(rules.followupGap.min) / \(rules.followupGap.target) / \(rules.followupGap.max)"),
            ("max participants", "\(rules.maxParticipants)"),
            ("avoid school holidays", rules.avoidSchoolHolidays ? "yes" : "no"),
            ("office closure", rules.officeClosure.map { "\($0.start) – \($0.end)" } ?? "none"),
            ("unscheduled EUR", Format.plain(weights.unscheduledEur)), ("preparation gap EUR/day", Format.plain(weights.prepGapEur)),
            ("follow-up gap EUR/day", Format.plain(weights.followupGapEur)), ("preferred pair EUR", Format.plain(weights.preferredPairEur)),
            ("max load EUR", Format.plain(weights.maxLoadEur)), ("move EUR", Format.plain(weights.moveEur)),
            ("solver time limit s", Format.plain(scenario.solver.timeLimitSeconds)), ("solver MIP gap", Format.plain(scenario.solver.mipGap)),
        ].map { [HTML.escape($0.0), HTML.escape($0.1)] })
        var response = HTML.page(scenario.name, body)
        if let sources { response.headers[.eTag] = "\"\(sources.version)\"" }
        return response
    }

    /// Add a request, and import a request list by upload (with the version the page shows).
    private func requestTools(_ id: String, _ sources: ScenarioSources?) -> String {
        guard let sources else { return "" }
        var html = "<div class=\"box\">"
        switch RequestChange.store(sources) {
        case .success: html += "<p><a href=\"/scenarios/\(HTML.escape(id))/requests/edit\">Add a request</a></p>"
        case .failure(let refusal): html += "<p>\(HTML.escape(refusal.text))</p>"
        }
        let target: String
        if case .file(let name) = sources.requests { target = "replaces <code>\(HTML.escape(name))</code>" } else { target = "becomes the scenario's own request file" }
        html += "<form method=\"post\" action=\"/scenarios/\(HTML.escape(id))/requests/import\" enctype=\"multipart/form-data\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(desk.csrf))\"><input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(sources.version))\">"
            + "<label>Import a request list (CSV as Excel saves it, or .xlsx) <input type=\"file\" name=\"file\" accept=\".csv,.xlsx,text/csv\"></label> "
            + "<button id=\"import\">Import</button> <small>It \(target) once the scenario reads with it, as <code>wsplan check</code> would.</small></form></div>"
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
            throw HTTPError(.notFound, message: "No such scenario in the folder.")
        }
        return id
    }
}

/// Numbers and days as the pages show them.
enum Format {
    static func eur(_ value: Double) -> String { String(format: "%.2f", value) }
    static func percent(_ gap: Double) -> String { String(format: "%.2f %%", gap * 100) }
    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Days as runs: `2027-02-01..2027-02-14, 2027-03-05`.
    static func days(_ days: Set<Day>) -> String {
        var runs: [(Day, Day)] = []
        for day in days.sorted() {
            if let last = runs.last, last.1.distance(to: day) == 1 { runs[runs.count - 1].1 = day } else { runs.append((day, day)) }
        }
        return runs.map { $0.0 == $0.1 ? $0.0.iso : "\($0.0.iso)..\($0.1.iso)" }.joined(separator: ", ")
    }
}
