import Foundation
import Hummingbird

/// The office pages' password (HTTP Basic, any user name) when one is set; feeds need their token only.
struct PasswordMiddleware<Context: RequestContext>: RouterMiddleware {
    let password: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let password, !request.uri.path.hasPrefix("/feeds/") else { return try await next(request, context) }
        if let header = request.headers[.authorization], header.hasPrefix("Basic "),
           let data = Data(base64Encoded: String(header.dropFirst(6))), let text = String(data: data, encoding: .utf8),
           let colon = text.firstIndex(of: ":"), Tokens.equal(String(text[text.index(after: colon)...]), password) {
            return try await next(request, context)
        }
        var response = HTML.page("Anmeldung nötig", "<p class=\"error\">Falsches oder fehlendes Passwort: geben Sie das Passwort aus <code>--password-file</code> ein.</p>",
                                 status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Basic realm=\"wsplan\", charset=\"UTF-8\""
        return response
    }
}

/// Every POST carries the page's CSRF token in its form (an upload's too) and stays under the upload limit; the body
/// is read here once (and kept in the request for the route).
struct CSRFMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            return HTML.page("Zu groß", "<p class=\"error\">Die Anfrage ist größer als die Grenze von \(limit / 1024) KiB; senden Sie eine kleinere Datei.</p>",
                             status: .contentTooLarge)
        }
        let given: String
        if let boundary = Multipart.boundary(request.headers[.contentType]) {
            given = Multipart(Data(buffer: body), boundary: boundary)?["csrf"]?.text ?? ""
        } else {
            given = Form(String(buffer: body))["csrf"] ?? ""
        }
        guard Tokens.equal(given, token) else {
            return HTML.page("Abgelehnt", "<p class=\"error\">Fehlendes oder falsches CSRF-Token: laden Sie die Seite neu und senden Sie das Formular noch einmal.</p>",
                             status: .forbidden)
        }
        return try await next(request, context)
    }
}

/// Errors thrown by a route (404 for an unknown scenario, a route that does not exist) as a page
/// in the desk's layout, in German; the message says what to do.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let title: String
            switch error.status.code {
            case 404: title = "Nicht gefunden"
            case 400: title = "Ungültige Anfrage"
            case 405: title = "Nicht erlaubt"
            default: title = "Fehler"
            }
            let message: String
            switch error.status.code {
            case _ where error.body != nil: message = error.body!
            case 404: message = "Diese Seite gibt es nicht."
            case 400: message = "Die Anfrage ist ungültig."
            case 405: message = "Diese Adresse nimmt diese Art von Anfrage nicht an."
            default: message = "Die Anfrage ist fehlgeschlagen (HTTP-Status \(error.status.code))."
            }
            return HTML.page(title, "<p class=\"error\">\(HTML.escape(message))</p><p><a href=\"/\">Zu den Szenarien</a></p>", status: error.status)
        }
    }
}
