import Planning

/// Every municipality of the plan in one table: fee, materials, travel and total, as on its cost
/// sheet, and a total row that is the sum of the amounts shown (in cents); unscheduled requests
/// are listed without amounts.
struct ReportMunicipalityTable {
    let plan: Plan

    func render() -> String {
        var html = "<table class=\"costs overview\">\n<thead><tr><th>Kommune</th><th>Land</th><th>Status</th><th class=\"num\">Honorar</th>"
        html += "<th class=\"num\">Material</th><th class=\"num\">Reisekosten</th><th class=\"num\">Gesamt</th></tr></thead>\n<tbody>\n"
        var sums = [0, 0, 0, 0]
        let packages = ShortName.sorted(plan.packages)
        for package in packages {
            let amounts = [package.costs.fee, package.costs.materials, package.costs.travel, package.costs.total].map { Int(($0 * 100).rounded()) }
            for i in 0..<4 { sums[i] += amounts[i] }
            html += "<tr><td><a href=\"#kosten-\(HTML.escape(package.municipality))\">\(HTML.escape(package.name))</a></td><td>\(package.state.germanName)</td>"
            html += "<td>\(package.pinned ? "fest gebucht" : "geplant")</td>"
            html += amounts.map { "<td class=\"num\">\(GermanFormat.euro(Double($0) / 100))</td>" }.joined() + "</tr>\n"
        }
        for request in plan.unscheduled {
            html += "<tr class=\"muted\"><td>\(HTML.escape(request.name))</td><td></td><td>nicht eingeplant</td><td></td><td></td><td></td><td></td></tr>\n"
        }
        html += "</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"3\">Summe (\(packages.count) Pakete)</td>"
        html += sums.map { "<td class=\"num\">\(GermanFormat.euro(Double($0) / 100))</td>" }.joined() + "</tr></tfoot>\n</table>\n"
        return html
    }
}
