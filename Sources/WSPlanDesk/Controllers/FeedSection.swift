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
        var html = "<h2 id=\"feeds\">Calendar feeds</h2>"
        guard !calendars.isEmpty else { return html + "<p>Feeds appear once the scenario has a plan.</p>" }
        guard let tokens = try? desk.feeds.tokens(scenario: id, calendars: calendars) else {
            return html + "<p class=\"error\">Cannot save the feed tokens in \(HTML.escape(FeedTokens.fileName)).</p>"
        }
        html += "<p>Subscribe in Outlook or Google Calendar (\"from URL\"): the feed always serves the latest plan. Keep the URLs secret; Renew revokes a URL.</p>"
        let rows: [[String]] = calendars.map { calendar in
            let path = "/feeds/\(tokens[calendar]!)/\(calendar)"
            let url = "http://\(authority)\(path)"
            return [HTML.escape(calendar.replacingOccurrences(of: ".ics", with: "")),
                    "<input readonly size=\"60\" value=\"\(HTML.escape(url))\"> <button type=\"button\" onclick=\"navigator.clipboard.writeText(this.previousElementSibling.value)\">Copy</button>",
                    "<a href=\"\(HTML.escape("webcal://\(authority)\(path)"))\">webcal</a>",
                    HTML.form("/scenarios/\(id)/feeds/renew", csrf: desk.csrf,
                              "<input type=\"hidden\" name=\"calendar\" value=\"\(HTML.escape(calendar))\"><button>Renew</button>")]
        }
        return html + HTML.table(["calendar", "subscription URL", "", ""], rows)
    }
}
