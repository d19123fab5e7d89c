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

    /// plan.json, calendar.csv, costs.csv, the calendars under ics/, one roster-ID.html per working
    /// trainer, changes.csv after a re-plan (`changes` given); report.html too when given the
    /// scenario's facts (trainers' homes and unavailable days, where the requests are), with the
    /// last `wsplan recruit` result of the folder when there is one.
    public static func files(for plan: Plan, stamp: String, report: ReportFacts? = nil, csv: CSVDialect = .excelGerman,
                             changes: [PlanChange]? = nil, recruitment: RecruitmentResult? = nil) throws -> [String: Data] {
        // The calendars on one thread, everything else on another: at the generator's largest
        // scenario each half takes about as long as the other.
        let calendars = ResultBox<[String: Data]>()
        let calendarsDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            calendars.value = ICalendarWriter(plan: plan, stamp: stamp).files()
            calendarsDone.signal()
        }
        var files: [String: Data] = [:]
        files["plan.json"] = try PlanFile.encode(plan)
        files["calendar.csv"] = CalendarCSV.render(plan, dialect: csv)
        files["costs.csv"] = CostsCSV.render(plan, dialect: csv, states: report?.requests.mapValues(\.state) ?? [:])
        if let report {
            var page = ReportPage(plan: plan, facts: report, changes: changes ?? [])
            page.recruitment = recruitment
            files["report.html"] = Data(page.render().utf8)
        }
        if let changes { files["changes.csv"] = ChangesCSV.render(changes, dialect: csv) }
        for (name, page) in ReportRosters(plan: plan).files() { files[name] = Data(page.utf8) }
        calendarsDone.wait()
        files.merge(calendars.value ?? [:]) { own, _ in own }
        return files
    }

    /// A value handed from one thread to another (after a semaphore says it is there).
    private final class ResultBox<Value>: @unchecked Sendable {
        var value: Value?
    }

    /// Where `wsplan solve` (and `wsplan serve`) put a scenario's plan unless told otherwise:
    /// `out/<file name without extension>`, relative to the working folder.
    public static func defaultFolder(forScenario path: String) -> String {
        "out/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// What a write gave out: the plan with its calendar events, and what changed against the
    /// previous plan (nil when there was none).
    public struct Written {
        public let plan: Plan
        public let changes: [PlanChange]?
    }

    /// Gives `plan` its calendar events against `previous`, writes every output file into the
    /// prepared (checked and locked) folder at once and returns the published plan and its changes.
    public static func write(_ plan: Plan, previous: Plan?, scenario: Scenario, file: String? = nil, to target: OutputFolder.Prepared,
                             csv: CSVDialect = .excelGerman, recruitment: RecruitmentResult? = nil) throws -> Written {
        let stamp = ICalendarWriter.utcStamp()
        let published = publish(plan, previous: previous, stamp: stamp)
        let changes = previous.map { PlanChange.between(previous: $0, current: published) }
        try target.write(try files(for: published, stamp: stamp, report: ReportFacts(scenario: scenario, file: file), csv: csv,
                                   changes: changes, recruitment: recruitment))
        return Written(plan: published, changes: changes)
    }

    /// The same into `folder`, prepared and locked for the time of the write.
    public static func write(_ plan: Plan, previous: Plan?, scenario: Scenario, file: String? = nil, to folder: String,
                             csv: CSVDialect = .excelGerman) throws -> Written {
        let target = try OutputFolder.prepare(folder)
        defer { target.release() }
        return try write(plan, previous: previous, scenario: scenario, file: file, to: target, csv: csv,
                         recruitment: RecruitmentFile.read(folder: folder))
    }

    /// The plan a re-plan continues: the one named (`none`: none), or the one already in the
    /// output folder. Either is an input error when it cannot be read: a corrupt plan.json is
    /// never silently skipped, since its calendar UIDs would be lost.
    public static func previousPlan(named path: String?, folder: String) throws(InputErrors) -> Plan? {
        if path == "none" { return nil }
        if let path { return try PlanFile.read(path: path) }
        let existing = URL(fileURLWithPath: folder).appendingPathComponent("plan.json").path
        guard FileManager.default.fileExists(atPath: existing) else { return nil }
        do {
            return try PlanFile.read(path: existing)
        } catch {
            var problems = error.problems
            problems.append(InputProblem(file: existing, message:
                "this earlier plan in the output folder cannot be continued; repair or remove it, or pass --previous none to plan afresh (calendar UIDs then start anew)"))
            throw InputErrors(problems: problems)
        }
    }
}
