import Foundation
import Planning
@testable import PlanningIO
import Testing
import CSVTestSupport

/// The German sentences of the reasons and changes of unscheduled requests (report.html, the
/// excel-de costs.csv), made from plan.json's typed `obstacles` and `changes`; plain stays English.
struct GermanReasonsTests {
    typealias F = ReportFixture
    static func d(_ iso: String) -> Day { Day(iso: iso)! }

    static let cap = Obstacle.packageCap(trainers: [TrainerLoad(trainer: "mueller", packages: 10, cap: 10),
                                                    TrainerLoad(trainer: "yilmaz", packages: 9, cap: 9)], blocked: 5, allowed: 5)
    static let holidays = Obstacle.noConsecutiveWorkingDays(
        window: d("2027-03-22")...d("2027-03-31"), state: .NW,
        off: [DaysOff(reason: .schoolHoliday(name: "Osterferien", state: .NW), days: Array(d("2027-03-22")...d("2027-03-25"))),
              DaysOff(reason: .publicHoliday(name: "Karfreitag", state: .NW), days: [d("2027-03-26")])],
        weekends: true, stranded: [])

    /// Fixture plan whose unscheduled request carries typed reasons (a cap, the holidays) and one change.
    static var plan: Plan {
        var plan = F.plan
        plan.unscheduled[0].reasons = ["R7: \(cap.text)", "R4: \(holidays.text)"]
        plan.unscheduled[0].rules = [.r7, .r4]
        plan.unscheduled[0].obstacles = [cap, holidays]
        plan.unscheduled[0].changes = [.raiseMaxPackages(trainer: "yilmaz", to: 10), .widenWindow(days: 4)]
        return plan
    }

    @Test func sentencesNameTrainersAndDaysInGerman() {
        let german = GermanReasons(plan: Self.plan)
        #expect(german.sentence(Self.cap) == "Die Trainer/innen Anna <b>Müller</b> (10 von 10) und Deniz \"D\" Yılmaz & Co (9 von 9) haben ihre Höchstzahl an Paketen erreicht; jedes der 5 zugelassenen Paare enthält eine von ihnen.")
        #expect(german.sentence(Self.holidays) == "Im Zeitfenster 22.–31.03.2027 gibt es in Nordrhein-Westfalen keine zwei aufeinanderfolgenden Arbeitstage (Schulferien (Osterferien) in Nordrhein-Westfalen 22.–25.03.2027; Feiertag Karfreitag 26.03.2027; Wochenenden).")
        let one = Obstacle.packageCap(trainers: [TrainerLoad(trainer: "novak", packages: 3, cap: 3)], blocked: 2, allowed: 4)
        #expect(german.sentence(one) == "Ewa O'Novak (3 von 3) hat die Höchstzahl an Paketen erreicht; das schließt 2 der 4 zugelassenen Paare aus.")
        #expect(german.change(.widenWindow(days: 1), window: (Self.d("2027-03-22"), Self.d("2027-03-31")))
                == "das Zeitfenster der Anfrage um 1 Tag nach vorn und hinten erweitern (auf 21.03.–01.04.2027)")
        #expect(german.change(.widenWindow(days: 7), window: (nil, Self.d("2027-03-31")))
                == "das Zeitfenster der Anfrage um 7 Tage nach vorn und hinten erweitern (spätestens 07.04.2027)")
    }

    @Test func spansAreShortWithinAMonthAndAYear() {
        #expect(GermanReasons.span(Self.d("2027-02-09")...Self.d("2027-02-09")) == "09.02.2027")
        #expect(GermanReasons.span(Self.d("2027-02-09")...Self.d("2027-02-10")) == "09.–10.02.2027")
        #expect(GermanReasons.span(Self.d("2027-02-28")...Self.d("2027-03-03")) == "28.02.–03.03.2027")
        #expect(GermanReasons.span(Self.d("2027-12-30")...Self.d("2028-01-02")) == "30.12.2027–02.01.2028")
        #expect(GermanReasons.days([Self.d("2027-01-04"), Self.d("2027-01-05"), Self.d("2027-01-08"), Self.d("2027-01-11")], limit: 2)
                == "04.–05.01.2027, 08.01.2027 und 1 weitere")
    }

    /// Every obstacle has a German sentence without the English words of its plan.json text.
    @Test(arguments: [
        Obstacle.tooFewTrainers, .requiresMoreThanTwo(required: ["a", "b", "c"]), .requiresAndExcludes(trainer: "a"),
        .excludesAllButOne(excluded: ["a", "b"], left: "c"), .requiresForbiddenPair(required: ["a", "b"]),
        .partnersForbidden(required: "a", forbidden: [TrainerPair("a", "b")!], excluded: ["c"]),
        .everyPairForbidden(left: ["a", "b"], forbidden: [TrainerPair("a", "b")!], excluded: ["c"]),
        .windowOutsideHorizon(earliest: d("2026-01-01"), latest: d("2026-02-01"), horizon: d("2027-01-01")...d("2027-03-31"), start: nil),
        .trainersUnavailable(pairs: 3, only: nil, days: 8, window: d("2027-02-01")...d("2027-02-12"),
                             trainers: [TrainerOccupation(trainer: "a", unavailable: Array(d("2027-02-01")...d("2027-02-14")),
                                                          bookings: [Holding(municipality: "kassel", days: [d("2027-02-16")])])]),
        .noCompleteDates(window: d("2027-02-01")...d("2027-02-12")),
        .noMeetingDay(meeting: .preparation, gap: 21...42, missing: 2, slots: 2, free: [d("2027-01-12")], example: d("2027-01-12"),
                      range: d("2026-12-01")...d("2026-12-22"), start: d("2026-12-10")),
        .noMeetingDay(meeting: .followup, gap: 150...210, missing: 1, slots: 2, free: [d("2027-01-12")], example: d("2027-01-12"),
                      range: d("2027-06-11")...d("2027-08-10"), start: nil),
        .workshopDaysTaken(pairs: 1, other: true, all: nil, slots: 4, window: d("2027-02-01")...d("2027-02-12"),
                           holders: [TrainerHoldings(trainer: "a", holdings: [Holding(municipality: "gt", days: [d("2027-02-09")])])]),
        .meetingDaysTaken(slots: 2, holders: []), 
        .monthCap(slots: 3, trainers: [TrainerMonths(trainer: "a", cap: 8, months: [MonthDays(year: 2027, month: 2, days: 8)])]),
        .solverStopped(pair: TrainerPair("a", "b")!, preparation: d("2027-01-12"), workshop: d("2027-02-09"), followup: d("2027-08-10")),
    ])
    func everyObstacleReadsGerman(_ obstacle: Obstacle) {
        let german = GermanReasons(plan: F.plan).sentence(obstacle)
        #expect(german.hasSuffix("."), "\(german)")
        for english in ["the ", " of ", "trainer", "request", "workshop day", "booked", "max_"] {
            #expect(!german.contains(english), "\(english) in \(german)")
        }
        #expect(!german.contains("2027-"), "ISO dates in \(german)")
    }

    @Test func reportShowsGermanReasonsWithRuleTagsAndTheChanges() {
        let html = ReportPage(plan: Self.plan, facts: ReportFacts(scenario: F.scenario)).render()
        #expect(html.contains("<span class=\"rule\">R7</span> Die Trainer/innen Anna &lt;b&gt;Müller&lt;/b&gt; (10 von 10)"))
        #expect(html.contains("<span class=\"rule\">R4</span> Im Zeitfenster 22.–31.03.2027"))
        #expect(!html.contains("have reached max_packages"))
        #expect(html.contains("die Höchstzahl an Paketen für Deniz &quot;D&quot; Yılmaz &amp; Co von 9 auf 10 erhöhen"))
        #expect(html.contains("mit einer dieser Änderungen"))
        // Without a known change: the pointer to wsplan explain.
        var none = Self.plan
        none.unscheduled[0].changes = []
        #expect(ReportPage(plan: none, facts: ReportFacts(scenario: F.scenario)).render()
            .contains("prüft <code>wsplan explain SZENARIO.yaml hro</code>"))
        // With the scenario's file known, the pointer names it, quoted when the shell needs it.
        #expect(ReportPage(plan: none, facts: ReportFacts(scenario: F.scenario, file: "Scenarios/2027-Q1.yaml")).render()
            .contains("prüft <code>wsplan explain Scenarios/2027-Q1.yaml hro</code>"))
        #expect(ReportPage(plan: none, facts: ReportFacts(scenario: F.scenario, file: "Büro Pläne/Q1 'neu'.yaml")).render()
            .contains("prüft <code>wsplan explain &#39;Büro Pläne/Q1 &#39;\\&#39;&#39;neu&#39;\\&#39;&#39;.yaml&#39; hro</code>"))
        // Not looked for (the time limit): said so, with the same pointer.
        var late = Self.plan
        late.unscheduled[0].changes = nil
        let page = ReportPage(plan: late, facts: ReportFacts(scenario: F.scenario)).render()
        #expect(page.contains("in der Zeitgrenze nicht gesucht") && page.contains("prüft <code>wsplan explain SZENARIO.yaml hro</code>"))
        #expect(!page.contains("Keine Änderung bekannt"))
    }

    /// A plan.json older than the typed reasons still shows its English reasons, tagged.
    @Test func olderPlansKeepTheirEnglishReasons() {
        let html = F.html
        #expect(html.contains("<span class=\"rule\">R5</span> no two trainers free &lt;on&gt; two consecutive working days"))
    }

    @Test func officeCostsCSVIsGermanAndPlainStaysEnglish() throws {
        let rows = try GermanExcelCSV.read(CostsCSV.render(Self.plan, dialect: .excelGerman))
        let reason = CostsCSV.columns.firstIndex { $0.english == "reason" }!
        #expect(rows.last?[reason] == "R7: Die Trainer/innen Anna <b>Müller</b> (10 von 10) und Deniz \"D\" Yılmaz & Co (9 von 9) haben ihre Höchstzahl an Paketen erreicht; jedes der 5 zugelassenen Paare enthält eine von ihnen.")
        let plain = try GermanExcelCSV.split(String(decoding: CostsCSV.render(Self.plan, dialect: .plain), as: UTF8.self), separator: ",")
        #expect(plain.last?[reason] == Self.plan.unscheduled[0].reasons[0])
        #expect(plain.last?[reason].hasPrefix("R7: trainers mueller (10 of 10) and yilmaz (9 of 9) have reached max_packages") == true)
    }

    /// plan.json keeps the typed reasons and changes; reading gives them back.
    @Test func planJSONRoundTripsObstaclesAndChanges() throws {
        let data = try PlanFile.encode(Self.plan)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"package_cap\""))
        #expect(text.contains("\"raise_max_packages\""))
        #expect(text.contains("\"rules\" : [\n        \"R7\",\n        \"R4\"\n      ]"), "rule codes as before")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-reasons-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let read = try PlanFile.read(path: url.path)
        #expect(read.unscheduled == Self.plan.unscheduled)
    }
}

extension GermanReasonsTests {
    /// Typed reasons that do not decode, or do not match the English ones, are left out: the plan still reads.
    @Test func unreadableObstaclesFallBackToTheEnglishReasons() throws {
        let json = """
            [{"municipality": "hro", "name": "Rostock", "reasons": ["R7: trainers a (1 of 1) have reached max_packages"], "rules": ["R7"],
              "obstacles": [{"newer_kind": {"x": 1}}], "changes": [{"raise_max_packages": {"trainer": 7}}]},
             {"municipality": "kiel", "name": "Kiel", "reasons": ["R1: one", "R4: two"],
              "obstacles": [{"too_few_trainers": {}}]}]
            """
        let read = try JSONDecoder().decode([UnscheduledRequest].self, from: Data(json.utf8))
        #expect(read.map(\.obstacles) == [nil, nil] && read[0].changes == nil && read[0].rules == [.r7])
        let german = GermanReasons(plan: F.plan)
        #expect(german.reasons(read[0]).map(\.rule) == ["R7"])
        #expect(german.reasons(read[0]).first?.text == "trainers a (1 of 1) have reached max_packages")
    }
}
