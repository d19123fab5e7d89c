import Foundation
import Hummingbird
import PlanningIO

/// The one place where text becomes HTML: every value shown goes through `escape`.
enum HTML {
    /// The report's escaping (`& < > " '`), so the desk and report.html escape alike.
    static func escape(_ text: String) -> String { PlanningIO.HTML.escape(text) }

    /// A whole page: title and body (already HTML, built with `escape`) in the desk's layout.
    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: document(title, body))))
    }

    /// The text of a whole page, as `page` sends it.
    static func document(_ title: String, _ body: String) -> String {
        """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>\(escape(title)) – wsplan</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
            header{background:#1f4e79;color:#fff;padding:.6rem 1.5rem}header a{color:#fff;text-decoration:none;font-weight:600}
            main{padding:1rem 1.5rem;max-width:1200px}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}
            table{border-collapse:collapse;background:#fff;margin:.4rem 0}th,td{border:1px solid #d5dae1;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
            th{background:#eef1f5}form{display:inline-block;margin:.3rem .6rem .3rem 0}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .box{background:#fff;border:1px solid #d5dae1;padding:.6rem 1rem;margin:.6rem 0}
            .error{color:#a40000}input.invalid{border:2px solid #a40000}.field-error{font-size:.85rem;margin-top:.15rem}table.form th{width:11rem}
            fieldset.box{display:block}.warning{border-color:#c98a00;background:#fff8e6}th.section{background:#dfe6ee;font-size:1rem;padding-top:.5rem}.ok{color:#1b6e20}button{padding:.3rem .9rem}code{background:#eef1f5;padding:0 .2rem}
            </style></head>
            <body><header><a href="/">wsplan – Programmbüro</a></header><main>
            <h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    /// A table from a header and rows of already-escaped cells.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.map { $0.hasPrefix("<td") ? $0 : "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
            + "</table>"
    }

    /// A right-aligned number cell.
    static func number(_ text: String) -> String { "<td class=\"n\">\(escape(text))</td>" }

    /// A form that posts to `action` with the CSRF token (every state-changing request carries one).
    static func form(_ action: String, csrf: String, _ inner: String) -> String {
        "<form method=\"post\" action=\"\(escape(action))\"><input type=\"hidden\" name=\"csrf\" value=\"\(escape(csrf))\">\(inner)</form>"
    }
}
