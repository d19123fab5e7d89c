import Foundation
import Hummingbird

/// Solving in the background (`/solve`, `/stop`), its live progress (`/progress`, server-sent
/// events) and the files of the plan (`/files/…`, from the output folder `wsplan solve` writes).
struct SolveController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/scenarios/:id/solve") { request, context in try await solve(request, context) }
        router.post("/scenarios/:id/stop") { _, context in try stop(context) }
        router.get("/scenarios/:id/progress") { _, context in try progress(context) }
        router.get("/scenarios/:id/files/:name") { _, context in try file(context, folder: nil) }
        router.get("/scenarios/:id/files/ics/:name") { _, context in try file(context, folder: "ics") }
    }

    func solve(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try Routes.scenario(context, desk)
        var request = request
        let form = Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
        var limit: Double?
        if let text = form["time_limit"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value > 0, value <= 1e6 else {
                return HTML.page("Plan", "<p class=\"error\">Zeitgrenze: eine Zahl von Sekunden über 0 und höchstens 1000000 (\"\(HTML.escape(text))\")</p>",
                                 status: .unprocessableContent)
            }
            limit = value
        }
        let started = desk.jobs.start(id: id, path: desk.scenarios.path(of: id)!, folder: desk.scenarios.outputFolder(of: id),
                                      basePlan: desk.scenarios.basePlanPath(of: id), timeLimit: limit)
        guard started else {
            return HTML.page("Plan", "<p class=\"error\">Eine Planung dieses Szenarios läuft schon: die zweite wurde abgelehnt. Warten Sie, bis sie fertig ist, oder halten Sie sie auf <a href=\"/scenarios/\(HTML.escape(id))\">der Seite des Szenarios</a> an.</p>",
                             status: .conflict)
        }
        return .redirect(to: "/scenarios/\(id)", type: .normal)
    }

    func stop(_ context: BasicRequestContext) throws -> Response {
        let id = try Routes.scenario(context, desk)
        guard desk.jobs.stop(id) else {
            return HTML.page("Anhalten", "<p class=\"error\">Es läuft keine Planung dieses Szenarios.</p>", status: .conflict)
        }
        return .redirect(to: "/scenarios/\(id)", type: .normal)
    }

    /// One event at once, then one per half second until the solve has ended.
    func progress(_ context: BasicRequestContext) throws -> Response {
        let id = try Routes.scenario(context, desk)
        guard desk.jobs.snapshot(id) != nil else { throw HTTPError(.notFound, message: "Für dieses Szenario wurde keine Planung gestartet.") }
        let jobs = desk.jobs
        let body = ResponseBody { writer in
            while true {
                let snapshot = jobs.snapshot(id)!
                try await writer.write(ByteBuffer(string: "data: \(snapshot.json)\n\n"))
                if snapshot.state != .running { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    func file(_ context: BasicRequestContext, folder: String?) throws -> Response {
        let id = try Routes.scenario(context, desk)
        guard let name = context.parameters.get("name"), ScenarioFolder.isSafeName(name) else {
            throw HTTPError(.notFound, message: "Keine solche Datei.")
        }
        let relative = folder.map { "\($0)/\(name)" } ?? name
        guard let data = FileManager.default.contents(atPath: desk.scenarios.outputFolder(of: id) + "/" + relative) else {
            throw HTTPError(.notFound, message: "Keine solche Datei im Ordner des Plans; planen Sie das Szenario zuerst.")
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(name), .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".json") { return "application/json" }
        if name.hasSuffix(".csv") { return "text/csv; charset=utf-8" }
        if name.hasSuffix(".ics") { return "text/calendar; charset=utf-8" }
        return "application/octet-stream"
    }
}
