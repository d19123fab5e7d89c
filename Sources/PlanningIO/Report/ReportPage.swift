import Planning

/// report.html: one self-contained page (inline CSS and SVG, no script, no network) that shows a
/// plan as the office reads it, in German.
public struct ReportPage {
    public let plan: Plan
    public let facts: ReportFacts
    /// The last `wsplan recruit` run in the plan's folder, for "Wo fehlen Trainer?".
    public var recruitment: RecruitmentResult?
    /// The change notice after a re-plan; its section comes first when it is not empty.
    public let changes: [PlanChange]

    public init(plan: Plan, facts: ReportFacts, changes: [PlanChange] = []) {
        self.plan = plan
        self.facts = facts
        self.changes = changes
    }

    public func render() -> String {
        let name = HTML.escape(plan.scenario)
        let unscheduled = ReportUnscheduled(plan: plan, facts: facts)
        var html = ReportStyle.documentStart(title: "Workshop-Planung: \(name)") + """
        <header>
        <h1>Workshop-Planung: \(name)</h1>
        <p class="subtitle">Planungszeitraum (erster Workshoptag) \(GermanFormat.numericDate(facts.horizon.lowerBound)) bis \(GermanFormat.numericDate(facts.horizon.upperBound))</p>
        <nav>\(changes.isEmpty ? "" : "<a href=\"#aenderungen\">Änderungen</a>")<a href="#ueberblick">Überblick</a><a href="#kommunen">Kommunen</a><a href="#zeitleiste">Zeitleiste</a><a href="#kalender">Kalender</a><a href="#karte">Karte</a><a href="#offen">Nicht eingeplant</a>\(plan.exchange == nil ? "" : "<a href=\"#austausch\">Erfahrungsaustausch</a>")<a href="#kosten">Kostenblätter</a><a href="#einsatzplaene">Einsatzpläne</a></nav>
        </header>

        """
        if !changes.isEmpty {
            html += section("aenderungen", "Änderungen gegenüber dem vorigen Plan (\(changes.count))", ReportChanges(plan: plan, changes: changes).render())
        }
        html += section("ueberblick", "Überblick", ReportSummary(plan: plan).render())
        html += section("kommunen", "Kommunen und Beträge", ReportMunicipalityTable(plan: plan).render())
        html += section("zeitleiste", "Zeitleiste je Trainer/in", ReportTimeline(plan: plan, facts: facts).render())
        html += section("kalender", "Monatskalender",
                        "<p class=\"small\">V Vorbereitungsworkshop · W1/W2 Integrationsworkshop, Tag 1/2 · N Nachbereitungstreffen · EA Erfahrungsaustausch</p>\n"
                        + ReportMonthCalendar(plan: plan).render())
        html += section("karte", "Karte", "<div class=\"map-row\">\n" + ReportMap(plan: plan, facts: facts).render()
                        + ReportTrainerTable(plan: plan, facts: facts).render() + "</div>\n")
        html += section("offen", "Nicht eingeplante Anfragen (\(plan.unscheduled.count))", unscheduled.unscheduled())
        if let recruitment = ReportRecruitment(plan: plan, facts: facts, recruitment: recruitment).render() {
            html += section(ReportRecruitment.anchor, ReportRecruitment.title, recruitment)
        }
        if let exchange = unscheduled.exchange() { html += section("austausch", "Erfahrungsaustausch", exchange) }
        html += section("kosten", "Kostenblätter je Kommune (\(plan.packages.count))", ReportCostSheets(plan: plan, facts: facts).render())
        html += section("einsatzplaene", "Einsatzpläne je Trainer/in", ReportRosters(plan: plan).render())
        html += """
        <footer>
        <p>Ortsdaten: GeoNames (www.geonames.org), Lizenz CC BY 4.0. \(GermanyBorders.attribution). Erstellt mit wsplan.</p>
        </footer>
        </body>
        </html>

        """
        return html
    }

    private func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n\(body)</section>\n"
    }
}
