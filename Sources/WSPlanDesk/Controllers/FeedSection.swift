import Foundation

/// The scenario page's calendar subscriptions: one secret URL per trainer and municipality of the
/// last plan (http and webcal://), a copy button and a form that renews (revokes) the URL.
struct FeedSection {
    let desk: Desk
    let id: String
    /// Host and port as the browser reached the server, for absolute URLs.
    let authority: String

    func render() -> String {
        let folder = desk.scenarios.outputFolder(of: id) + "/ics"
        let calendars = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { ($0.hasPrefix("trainer-") || $0.hasPrefix("municipality-")) && $0.hasSuffix(".ics") && ScenarioFolder.isSafeName($0) }
            .sorted { ($0.hasPrefix("trainer-") ? 0 : 1, $0) < ($1.hasPrefix("trainer-") ? 0 : 1, $1) }
        var html = "<h2 id=\"feeds\">Kalender-Abonnements</h2>"
        guard !calendars.isEmpty else { return html + "<p>Die Abonnements erscheinen, sobald das Szenario einen Plan hat.</p>" }
        guard let tokens = try? desk.feeds.tokens(scenario: id, calendars: calendars) else {
            return html + "<p class=\"error\">Die Zugangsschlüssel der Kalender lassen sich nicht in \(HTML.escape(FeedTokens.fileName)) speichern.</p>"
        }
        html += "<p>In Outlook oder Google Kalender abonnieren („per URL“): der Kalender zeigt immer den neuesten Plan. Halten Sie die Adressen geheim; „Erneuern“ macht eine Adresse ungültig.</p>"
        let rows: [[String]] = calendars.map { calendar in
            let path = "/feeds/\(tokens[calendar]!)/\(calendar)"
            let url = "http://\(authority)\(path)"
            return [HTML.escape(calendar.replacingOccurrences(of: ".ics", with: "")),
                    "<input readonly size=\"60\" value=\"\(HTML.escape(url))\"> <button type=\"button\" onclick=\"navigator.clipboard.writeText(this.previousElementSibling.value)\">Kopieren</button>",
                    "<a href=\"\(HTML.escape("webcal://\(authority)\(path)"))\">webcal</a>",
                    HTML.form("/scenarios/\(id)/feeds/renew", csrf: desk.csrf,
                              "<input type=\"hidden\" name=\"calendar\" value=\"\(HTML.escape(calendar))\"><button>Erneuern</button>")]
        }
        return html + HTML.table(["Kalender", "Adresse zum Abonnieren", "", ""], rows)
    }
}
