import Foundation
import Hummingbird

/// `/feeds/<token>/<calendar>.ics`: the latest plan's calendar for one trainer or municipality,
/// with ETag and Last-Modified so that calendar apps fetch only what changed (304 otherwise).
/// The token is the only credential; an unknown token and a wrong name look the same (404).
struct FeedsController {
    let desk: Desk

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/feeds/:token/:name") { request, context in try feed(request, context) }
        router.post("/scenarios/:id/feeds/renew") { request, context in try await renew(request, context) }
    }

    func feed(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        guard let token = context.parameters.get("token"), let name = context.parameters.get("name"),
              let feed = desk.feeds.feed(token: token), feed.calendar == name,
              desk.scenarios.path(of: feed.scenario) != nil else {
            throw HTTPError(.notFound, message: "Kein solcher Kalender.")
        }
        let path = desk.scenarios.outputFolder(of: feed.scenario) + "/ics/" + feed.calendar
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HTTPError(.notFound, message: "Das Szenario hat noch keinen Plan mit diesem Kalender.")
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        let etag = "\"\(Self.fingerprint(data))\""
        let lastModified = Self.httpDate(modified)
        var headers: HTTPFields = [.eTag: etag, .lastModified: lastModified, .cacheControl: "no-cache"]
        let notModified: Bool
        if let match = request.headers[.ifNoneMatch] {
            notModified = match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }
        } else if let since = request.headers[.ifModifiedSince].flatMap(Self.parseHTTPDate) {
            notModified = floor(modified.timeIntervalSince1970) <= since.timeIntervalSince1970
        } else {
            notModified = false
        }
        if notModified { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func renew(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try Routes.scenario(context, desk)
        var request = request
        let form = Form(String(buffer: try await request.collectBody(upTo: desk.configuration.uploadLimit)))
        guard let calendar = form["calendar"], ScenarioFolder.isSafeName(calendar), calendar.hasSuffix(".ics") else {
            throw HTTPError(.badRequest, message: "Kalender: nennen Sie einen Kalender des Plans, z. B. trainer-mueller.ics")
        }
        try desk.feeds.renew(scenario: id, calendar: calendar)
        return .redirect(to: "/scenarios/\(id)#feeds", type: .normal)
    }

    /// FNV-1a, 64 bits: changes whenever the calendar's bytes change.
    static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "-" + String(data.count)
    }

    private static func dateFormat() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func httpDate(_ date: Date) -> String { dateFormat().string(from: date) }
    static func parseHTTPDate(_ text: String) -> Date? { dateFormat().date(from: text) }
}
