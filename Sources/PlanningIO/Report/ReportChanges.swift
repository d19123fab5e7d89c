import Planning

/// The change notice of report.html (Änderungen): every municipality whose package a re-plan
/// added, cancelled, moved or re-staffed, old → new, and who must be told.
struct ReportChanges {
    let plan: Plan
    let changes: [PlanChange]

    func render() -> String {
        var html = "<p class=\"small\">Gegenüber dem vorigen Plan. Zu benachrichtigen sind die Kommune und alle genannten Trainer/innen.</p>\n"
        html += "<table class=\"costs changes\">\n<thead><tr><th>Kommune</th><th>Änderung</th><th>bisher</th><th>neu</th><th>Zu benachrichtigen</th></tr></thead>\n<tbody>\n"
        for change in changes {
            html += "<tr><td>\(HTML.escape(change.name))</td><td>\(change.kinds.map(\.germanName).joined(separator: ", "))</td>"
            html += "<td>\(cell(change.old, change.oldTrainers))</td><td>\(cell(change.new, change.newTrainers))</td>"
            html += "<td>\(([HTML.escape(change.name)] + change.trainersToTell.map { HTML.escape(name($0)) }).joined(separator: "<br>"))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func cell(_ dates: PlanChange.Dates?, _ trainers: [String]) -> String {
        guard let dates else { return "–" }
        return "V \(GermanFormat.numericDate(dates.preparation))<br>W \(GermanFormat.numericDate(dates.workshop))<br>N \(GermanFormat.numericDate(dates.followup))"
            + "<br><span class=\"small\">\(trainers.map { HTML.escape(name($0)) }.joined(separator: " und "))</span>"
    }

    private func name(_ id: String) -> String { plan.trainers?.first { $0.id == id }?.name ?? id }
}
