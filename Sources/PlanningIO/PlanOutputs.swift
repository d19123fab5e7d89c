import Foundation
import Planning

/// Everything `wsplan solve` writes for a plan, as one set of files for `OutputFolder`.
public enum PlanOutputs {
    /// Gives `plan` its calendar events, continuing the events of `previous` (same UIDs, raised
    /// SEQUENCE for what moved, cancellations for what disappeared).
    public static func publish(_ plan: Plan, previous: Plan?, stamp: String) -> Plan {
        var plan = plan
        let before = previous.map { $0.events ?? CalendarEventLedger.events(for: $0.packages, previous: nil, now: stamp) }
        plan.events = CalendarEventLedger.events(for: plan.packages, previous: before, now: stamp)
        return plan
    }

    /// plan.json, calendar.csv, costs.csv, the calendars under ics/, one roster-ID.html per working trainer,
    /// changes.csv after a re-plan (`changes` given); report.html too when given
    /// the scenario's facts (trainers' homes and unavailable days, where the requests are).
    public static func files(for plan: Plan, stamp: String, report: ReportFacts? = nil,
                             csv: CSVDialect = .excelGerman, changes: [PlanChange]? = nil) throws -> [String: Data] {
        var files = ICalendarWriter(plan: plan, stamp: stamp).files()
        files["plan.json"] = try PlanFile.encode(plan)
        files["calendar.csv"] = CalendarCSV.render(plan, dialect: csv)
        files["costs.csv"] = CostsCSV.render(plan, dialect: csv, states: report?.requests.mapValues(\.state) ?? [:])
        if let report { files["report.html"] = Data(ReportPage(plan: plan, facts: report, changes: changes ?? []).render().utf8) }
        if let changes { files["changes.csv"] = ChangesCSV.render(changes, dialect: csv) }
        for (name, page) in ReportRosters(plan: plan).files() { files[name] = Data(page.utf8) }
        return files
    }

    /// The plan a re-plan continues: the one named, or the one already in the output folder.
    /// A named file that cannot be read is an input error; an unreadable one in the folder is ignored.
    public static func previousPlan(named path: String?, folder: String) throws(InputErrors) -> Plan? {
        if let path { return try PlanFile.read(path: path) }
        let existing = URL(fileURLWithPath: folder).appendingPathComponent("plan.json").path
        guard FileManager.default.fileExists(atPath: existing) else { return nil }
        return try? PlanFile.read(path: existing)
    }
}
