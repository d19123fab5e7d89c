import Foundation
import Testing
@testable import PlanningIO
import Planning

/// The checks of issue 7 (part 2) that go beyond one value's type: impossible and absurd dates,
/// numbers out of range, horizons without a working day, bookings that clash, unsafe ids.
@Suite struct InputValidationTests {
    @Test func impossibleDatesEverywhereDatesAppear() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Dates
                planning_start: 2026-13-01
                horizon: {from: 2027-02-30, to: 2027-03-31}
                rules: {office_closure: ["12-24", "02-30"]}
                trainers:
                  - {id: mueller, home: Köln, unavailable: ["2027-04-31", "2027-03-01..2027-02-29"]}
                  - {id: yilmaz, home: Berlin}
                municipalities: requests.csv
                bookings: bookings.yaml
                """,
            "requests.csv": "id,name,participants,earliest,latest,blackout\nkoeln,Köln,10,2027-02-29,2027-06-31,2027-02-15..2027-02-31\n",
            "bookings.yaml": """
                packages:
                  - {municipality: bonn, name: Bonn, trainers: [mueller, yilmaz],
                     preparation: 2026-11-31, workshop: [2027-01-11, 2027-01-12], followup: 2027-07-12}
                """,
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 2, "there is no month 13"))
        #expect(problems.contains("scenario.yaml", line: 3, "'2027-02-30' is not a date: that month has 28 days"))
        #expect(problems.contains("scenario.yaml", line: 4, "'02-30' is not a month-day"))
        #expect(problems.contains("scenario.yaml", line: 6, "'2027-04-31' is not a date: that month has 30 days"))
        #expect(problems.contains("scenario.yaml", line: 6, "'2027-02-29' is not a date: that month has 28 days"))
        #expect(problems.contains("requests.csv", line: 2, "'2027-02-29' is not a date"))
        #expect(problems.contains("requests.csv", line: 2, "'2027-06-31' is not a date"))
        #expect(problems.contains("requests.csv", line: 2, "'2027-02-31' is not a date"))
        #expect(problems.contains("bookings.yaml", line: 3, "'2026-11-31' is not a date"))
    }

    @Test func reversedRangesAndAbsurdYears() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Ranges
                planning_start: 2026-12-01
                horizon: {from: 2027-01-01, to: 2037-03-31}
                trainers:
                  - {id: mueller, home: Köln, unavailable: ["2027-03-10..2027-03-01", "0001-01-01..9999-12-31", "2027-01-01..2047-01-01"]}
                  - {id: yilmaz, home: Berlin, unavailable: ["3027-01-05"]}
                municipalities: requests.csv
                """,
            "requests.csv": "id,name,participants,earliest,latest\nkoeln,Köln,10,2027-03-01,2027-01-01\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 3, "longer than five years"))
        #expect(problems.contains("scenario.yaml", line: 5, "2027-03-10..2027-03-01 ends before it begins"))
        #expect(problems.contains("scenario.yaml", line: 5, "0001-01-01 lies outside the years 2000–2199"))
        #expect(problems.contains("scenario.yaml", line: 5, "spans more than ten years"))
        #expect(problems.contains("scenario.yaml", line: 6, "3027-01-05 lies outside the years"))
        #expect(problems.contains("requests.csv", line: 2, "earliest (2027-03-01) is after latest (2027-01-01)"))
    }

    @Test func aHorizonWithoutAWorkingDay() throws {
        // 24 December to 3 January: the office closure, a weekend and New Year leave no two working days.
        let closure = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "{from: 2027-01-01, to: 2027-03-31}",
                                                                    with: "{from: 2027-12-24, to: 2028-01-02}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        let problems = closure.problems()
        #expect(problems.count == 1)
        #expect(problems.contains("scenario.yaml", line: 3, "has no two consecutive working days"))

        // A weekend only.
        let weekend = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "{from: 2027-01-01, to: 2027-03-31}",
                                                                    with: "{from: 2027-01-09, to: 2027-01-10}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        #expect(weekend.problems().contains("scenario.yaml", line: 3, "no two consecutive working days"))

        // A Friday alone (Monday is out of the horizon's last day + 1): no workshop of two days fits.
        let friday = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "{from: 2027-01-01, to: 2027-03-31}",
                                                                    with: "{from: 2027-01-15, to: 2027-01-17}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        #expect(friday.problems().contains("scenario.yaml", line: 3, "no two consecutive working days"))

        // Planning may start after the horizon's first day; only the days from then on count.
        let late = try ScenarioFolder([
            // Good Friday, a weekend and Easter Monday 2027.
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "planning_start: 2026-12-01", with: "planning_start: 2027-03-26")
                .replacingOccurrences(of: "to: 2027-03-31", with: "to: 2027-03-29"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        #expect(late.problems().contains("scenario.yaml", line: 3, "from planning_start (2027-03-26) on"))

        // After the horizon's end: said once, plainly.
        let after = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "planning_start: 2026-12-01", with: "planning_start: 2027-05-01"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        let afterProblems = after.problems()
        #expect(afterProblems.count == 1)
        #expect(afterProblems.contains("scenario.yaml", line: 3, "before planning_start (2027-05-01)"))
    }

    @Test func numbersOutOfRange() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("""
                costs: {fee_eur: -6000, materials_eur_per_participant: .nan, travel: {eur_per_km: 1e308, hotel_eur: "a hundred", detour_factor: 0.5}}
                weights: {unscheduled_eur: 99999999999999999999999, move_eur: -.inf}
                solver: {time_limit_s: 0, mip_gap: 2}
                rules: {prep_gap_days: {min: 21, max: 99999999999999999999}, followup_gap_days: {min: -5, max: 3, target: 1}, max_participants: 0}
                """),
            "requests.csv": "id,name,participants,priority\nkoeln,Köln,1e3,NaN\nbonn,Bonn,-1,0\nessen,Essen,99999999999999999999999,1e9\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 8, "-6000 is too small; it must be at least 0"))
        #expect(problems.contains("scenario.yaml", line: 8, "'.nan' is not a finite number"))
        #expect(problems.contains("scenario.yaml", line: 8, "1e308 is too large"))
        #expect(problems.contains("scenario.yaml", line: 8, "'a hundred' is not a number"))
        #expect(problems.contains("scenario.yaml", line: 8, "0.5 is too small; it must be at least 1"))
        #expect(problems.contains("scenario.yaml", line: 9, "99999999999999999999999 is too large"))
        #expect(problems.contains("scenario.yaml", line: 9, "'-.inf' is not a finite number"))
        #expect(problems.contains("scenario.yaml", line: 10, "0 is too small; it must be greater than 0"))
        #expect(problems.contains("scenario.yaml", line: 10, "2 is too large; it must be at most 1"))
        #expect(problems.contains("scenario.yaml", line: 11, "'99999999999999999999' is far too large"))
        #expect(problems.contains("scenario.yaml", line: 11, "-5 is too small"))
        #expect(problems.contains("scenario.yaml", line: 11, "0 is too small; it must be at least 1"))
        #expect(problems.contains("requests.csv", line: 2, "'1e3' is not a whole number"))
        #expect(problems.contains("requests.csv", line: 2, "'NaN' is not a finite number"))
        #expect(problems.contains("requests.csv", line: 3, "a workshop needs at least 1"))
        #expect(problems.contains("requests.csv", line: 3, "must be greater than 0"))
        #expect(problems.contains("requests.csv", line: 4, "far too large"))
        #expect(problems.contains("requests.csv", line: 4, "1e9 is too large; it must be at most 1000"))
        #expect(problems.allSatisfy { $0.line != nil && $0.column != nil })
    }

    @Test func gapAndLoadLimitsThatWouldOverflowTheCalendar() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("""
                rules: {followup_gap_days: {min: 150, max: 5000000000000, target: 182}}
                exchange: {venues: [Kassel], months_after: {min: 12, max: 9999999}}
                """).replacingOccurrences(of: "{id: mueller, home: Köln}", with: "{id: mueller, home: Köln, max_packages: 9223372036854775807, max_days_per_month: 32}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 5, "is too large; it must be at most 10000"))
        #expect(problems.contains("scenario.yaml", line: 5, "32 is too large; it must be at most 31"))
        #expect(problems.contains("scenario.yaml", line: 8, "5000000000000 is too large; it must be at most 3660"))
        #expect(problems.contains("scenario.yaml", line: 9, "9999999 is too large; it must be at most 120"))
    }

    @Test func bookingsThatClashOrNameUnknownTrainers() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("bookings: bookings.yaml").replacingOccurrences(
                of: "{id: mueller, home: Köln}", with: "{id: mueller, home: Köln, unavailable: [\"2027-07-12\"]}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
            "bookings.yaml": """
                packages:
                  - {municipality: bonn, name: Bonn, trainers: [mueller, yilmaz], participants: 20,
                     preparation: 2026-12-14, workshop: [2027-01-11, 2027-01-12], followup: 2027-07-12}
                  - {municipality: essen, name: Essen, trainers: [yilmaz, mueller],
                     preparation: 2026-12-15, workshop: [2027-01-12, 2027-01-13], followup: 2027-07-13}
                  - {municipality: bonn, name: Bonn, trainers: [mueller, ghost],
                     preparation: 2026-12-14, workshop: [2027-01-18, 2027-01-19], followup: 2027-07-19}
                  - {municipality: kiel, name: Kiel, trainers: [mueller, yilmaz], participants: 41,
                     preparation: 2027-01-05, workshop: [2027-02-01, 2027-02-02], followup: 2027-08-02}
                """,
        ])
        let problems = folder.problems()
        // Essen's workshop starts on Bonn's second workshop day, with the same two trainers.
        #expect(problems.contains("bookings.yaml", line: 4, "confirmed packages of 'bonn' (at line 2) and 'essen' both need trainer"))
        #expect(problems.contains("bookings.yaml", line: 4, "on 2027-01-12"))
        // Müller is unavailable on Bonn's follow-up day.
        #expect(problems.contains("bookings.yaml", line: 2, "needs trainer 'mueller' on 2027-07-12, but 'mueller' is unavailable then"))
        #expect(problems.contains("bookings.yaml", line: 6, "'bonn' is booked twice (first at line 2)"))
        #expect(problems.contains("bookings.yaml", line: 6, "unknown trainer id 'ghost'"))
        #expect(problems.contains("bookings.yaml", line: 8, "41 is too large; it must be at most 40"))
    }

    @Test func unknownKeysAreSpelledOut() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("""
                solver: {time_limt_s: 5}
                costs: {travel: {hotel_euro: 100}}
                horizn: {from: 2027-01-01}
                """).replacingOccurrences(of: "{id: mueller, home: Köln}", with: "{id: mueller, hom: Köln, max_package: 3}"),
            "requests.csv": "id,name,participants,erliest\nkoeln,Köln,10,2027-01-04\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 5, "unknown key 'hom'; did you mean 'home'?"))
        #expect(problems.contains("scenario.yaml", line: 5, "unknown key 'max_package'; did you mean 'max_packages'?"))
        #expect(problems.contains("scenario.yaml", line: 8, "unknown key 'time_limt_s'; did you mean 'time_limit_s'?"))
        #expect(problems.contains("scenario.yaml", line: 9, "unknown key 'hotel_euro'; did you mean 'hotel_eur'?"))
        #expect(problems.contains("scenario.yaml", line: 10, "unknown key 'horizn'; did you mean 'horizon'?"))
        #expect(problems.contains("requests.csv", line: 1, "unknown column 'erliest'; did you mean 'earliest'?"))
    }

    @Test func oneTrainerAndUnsafeIds() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Ids
                planning_start: 2026-12-01
                horizon: {from: 2027-01-01, to: 2027-03-31}
                trainers:
                  - {id: mueller, home: Köln}
                municipalities:
                  - {id: "a\\u0000b", name: Köln, participants: 10}
                  - {id: "..", name: Bonn, participants: 10}
                  - {id: "\(String(repeating: "x", count: 150))", name: Essen, participants: 10}
                pairs: {forbidden: [[mueller, nobody]]}
                """,
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 5, "lists one trainer, but every package is run by two"))
        #expect(problems.contains("scenario.yaml", line: 7, "invisible control character"))
        #expect(problems.contains("scenario.yaml", line: 8, "cannot name a calendar file"))
        #expect(problems.contains("scenario.yaml", line: 9, "cannot name a calendar file"))
        #expect(problems.contains("scenario.yaml", line: 10, "unknown trainer id 'nobody'"))
    }

    @Test func extendsChainsWithMissingFiles() throws {
        let folder = try ScenarioFolder([
            "what-if.yaml": "extends: middle.yaml\nname: What if\n",
            "middle.yaml": "extends: base-that-is-gone.yaml\n",
        ])
        let problems = folder.problems("what-if.yaml")
        #expect(problems.count == 1)
        #expect(problems.contains("middle.yaml", line: 1, "base-that-is-gone.yaml' does not exist"))
    }

    @Test func aliasesThatExplodeAreRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let folder = try ScenarioFolder(["scenario.yaml": text + "name: *a9\n"])
        let start = Date()
        let problems = folder.problems()
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(problems.count == 1)
        #expect(problems.contains("scenario.yaml", line: 1, "aliases"))
    }

    @Test func deeplyNestedYAMLIsAProblemNotACrash() throws {
        let depth = 20_000
        let folder = try ScenarioFolder(["scenario.yaml": "name: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"])
        let problems = folder.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.line == 1)
        #expect(problems.first?.message.contains("malformed YAML") == true)
    }

    /// Every message says where and what to do: a file, a line, and a sentence with advice.
    @Test func everyProblemNamesFileLineAndAdvice() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("""
                costs: {fee_eur: -1}
                bookings: bookings.yaml
                """),
            "requests.csv": "id,name,participants,earliest\nkoeln,Köln,50,2027-02-30\nkoeln,Kölle,10,\n",
            "bookings.yaml": "packages:\n  - {municipality: x, name: Bonn, trainers: [mueller, mueller], preparation: 2027-01-01, workshop: [2027-01-02], followup: 2027-01-01}\n",
        ])
        let problems = folder.problems()
        #expect(problems.count >= 7)
        for problem in problems {
            #expect(problem.line != nil, "\(problem)")
            #expect(FileManager.default.fileExists(atPath: problem.file), "\(problem)")
            #expect(problem.message.count > 20, "\(problem)")
            // A sentence with advice: a clause after ';' or ':' or a question, or an imperative.
            #expect(problem.message.contains(";") || problem.message.contains("?") || problem.message.contains(":"), "\(problem)")
        }
    }
}
