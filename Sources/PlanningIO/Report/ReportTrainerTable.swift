import Planning

/// Beside the map: each trainer's home and load (packages, event days, hotel nights, travel cost).
struct ReportTrainerTable {
    let plan: Plan
    let facts: ReportFacts

    func render() -> String {
        var html = "<table class=\"trainers\"><thead><tr><th>Trainer/in</th><th>Wohnort</th><th class=\"num\">Pakete</th>"
            + "<th class=\"num\">Tage</th><th class=\"num\">Hotelnächte</th><th class=\"num\">Reisekosten</th></tr></thead><tbody>\n"
        for trainer in facts.trainers {
            let packages = plan.packages.filter { $0.trainers.contains(trainer.id) }
            let items = packages.flatMap { $0.costs.travelItems.filter { $0.trainer == trainer.id } }
            let days = packages.count * EventKind.allCases.reduce(0) { $0 + $1.days }
            html += "<tr><td>\(HTML.escape(trainer.name))</td><td>\(HTML.escape(trainer.homeLabel))</td>"
            html += "<td class=\"num\">\(packages.count)</td><td class=\"num\">\(days)</td>"
            html += "<td class=\"num\">\(items.reduce(0) { $0 + $1.hotelNights })</td>"
            html += "<td class=\"num\">\(GermanFormat.euro(items.reduce(0) { $0 + $1.cost }))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
