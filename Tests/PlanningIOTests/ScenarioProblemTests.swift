import Foundation
import Testing
@testable import PlanningIO
import Planning

@Suite struct ScenarioProblemTests {
    @Test func reportsEveryProblemOfSeveralFilesAtOnce() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Broken
                planning_start: 2026-12-01
                horizon: {from: 2027-03-31, to: 2027-01-01}
                rules: {prep_gap_days: {min: 30, max: 20}, max_participnts: 30}
                costs: {travel: {hotel_eur: -5}}
                solver: {time_limit_s: 0, mip_gap: -0.1}
                trainers:
                  - {id: mueller, home: Köln, max_packages: six}
                  - {id: mueller, home: Berlin}
                  - {id: yilmaz, home: {lat: 95, lon: 13.4}, unavailable: ["2027-02-14..2027-02-01"]}
                pairs: {forbidden: [[mueller, mueller], [mueller, nobody]]}
                municipalities: requests.csv
                bookings: bookings.yaml
                distances: distances.csv
                """,
            "requests.csv": """
                id,name,place,participants,earliest,latest,requires,excludes
                a,A-Stadt,Köln,41,,,,
                b,B-Stadt,Atlantis,10,2027-03-01,2027-02-01,muller,
                a,C-Stadt,Bonn,0,2027-02-30,,mueller;yilmaz;schmidt,mueller

                """,
            "bookings.yaml": """
                packages:
                  - {municipality: old, name: Kassel, trainers: [mueller, ghost],
                     preparation: 2027-01-12, workshop: [2027-02-09, 2027-02-11], followup: 2027-08-10}
                """,
            "distances.csv": "trainer,municipality,km\nmueller,zzz,12\nmueller,a,-3\n",
        ])
        let problems = folder.problems()

        // scenario.yaml
        #expect(problems.contains("scenario.yaml", line: 3, "horizon ends (2027-01-01) before it begins"))
        #expect(problems.contains("scenario.yaml", line: 4, "min (30) is greater than max (20)"))
        #expect(problems.contains("scenario.yaml", line: 4, "unknown key 'max_participnts'; did you mean 'max_participants'?"))
        #expect(problems.contains("scenario.yaml", line: 5, "too small"))
        #expect(problems.contains("scenario.yaml", line: 6, "greater than 0"))
        #expect(problems.contains("scenario.yaml", line: 6, "at least 0"))
        #expect(problems.contains("scenario.yaml", line: 8, "'six' is not a whole number"))
        #expect(problems.contains("scenario.yaml", line: 9, "trainer id 'mueller' is used twice (first at line 8)"))
        #expect(problems.contains("scenario.yaml", line: 10, "not a latitude"))
        #expect(problems.contains("scenario.yaml", line: 10, "ends before it begins"))
        #expect(problems.contains("scenario.yaml", line: 11, "names trainer 'mueller' twice"))
        #expect(problems.contains("scenario.yaml", line: 11, "unknown trainer id 'nobody'"))

        // requests.csv: the file and line of the bad value.
        #expect(problems.contains("requests.csv", line: 2, "41 participants, more than the 40"))
        #expect(problems.contains("requests.csv", line: 3, "unknown place 'Atlantis'"))
        #expect(problems.contains("requests.csv", line: 3, "earliest (2027-03-01) is after latest (2027-02-01)"))
        #expect(problems.contains("requests.csv", line: 3, "unknown trainer id 'muller'; did you mean 'mueller'?"))
        #expect(problems.contains("requests.csv", line: 4, "municipality id 'a' is used twice"))
        #expect(problems.contains("requests.csv", line: 4, "a workshop needs at least 1"))
        #expect(problems.contains("requests.csv", line: 4, "'2027-02-30' is not a date"))
        #expect(problems.contains("requests.csv", line: 4, "unknown trainer id 'schmidt'"))
        #expect(problems.contains("requests.csv", line: 4, "both requires and excludes trainer 'mueller'"))

        // bookings.yaml
        #expect(problems.contains("bookings.yaml", line: 2, "unknown trainer id 'ghost'"))
        #expect(problems.contains("bookings.yaml", line: 3, "not consecutive"))

        // distances.csv
        #expect(problems.contains("distances.csv", line: 2, "unknown municipality id 'zzz'"))
        #expect(problems.contains("distances.csv", line: 3, "too small"))

        // Every problem names its file and a line; they come grouped by file, in line order.
        #expect(problems.allSatisfy { $0.line != nil })
        let files = problems.map { ($0.file as NSString).lastPathComponent }
        #expect(files.first == "scenario.yaml")
        #expect(Array(Set(files)).count == 4)
    }

    @Test func describesProblemsLikeACompiler() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(),
            "requests.csv": "id,name,participants\ngroß,Köln,41\n",
        ])
        let problems = folder.problems()
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == folder.path("requests.csv"))
        #expect(problem.line == 2)
        #expect(problem.column == 11)
        #expect(problem.field == "participants")
        #expect(problem.description == "\(folder.path("requests.csv")):2:11: error: participants: municipality 'groß' has 41 participants, more than the 40 one workshop takes (rules.max_participants); split it into two requests or lower the number")
        #expect(InputErrors(problems: [problem, problem]).description.split(separator: "\n").count == 2)
        #expect(InputProblem(file: "s.yaml", field: "name", message: "m").description == "s.yaml: error: name: m")
        #expect(InputProblem(file: "s.yaml", line: 3, message: "m").description == "s.yaml:3: error: m")
    }

    @Test func aRaisedParticipantLimitAcceptsLargerWorkshops() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("rules: {max_participants: 45}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,41\n",
        ])
        #expect(try folder.load().requests.first?.participants == 41)
    }

    @Test func unknownPlacesComeWithSuggestions() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Places
                planning_start: 2026-12-01
                horizon: {from: 2027-01-01, to: 2027-03-31}
                trainers:
                  - {id: mueller, home: Gütersloch}
                  - {id: yilmaz, home: "Neustadt, XY"}
                municipalities:
                  - {id: f, name: Frankfurt, participants: 10}
                  - {id: g, name: Gütersloh, state: BY, participants: 10}
                """,
        ])
        let problems = folder.problems()
        #expect(problems.count == 4)
        let home = try #require(problems.at("scenario.yaml", line: 5).first)
        #expect(home.field == "trainers[0].home")
        #expect(home.message.hasPrefix("unknown place 'Gütersloch'; did you mean 'Gütersloh'"))
        #expect(problems.contains("scenario.yaml", line: 6, "'XY' in 'Neustadt, XY' is not a German state code"))
        let frankfurt = try #require(problems.at("scenario.yaml", line: 8).first)
        #expect(frankfurt.field == "municipalities[0].name")
        #expect(frankfurt.message.contains("'Frankfurt am Main'"))
        #expect(frankfurt.message.contains("'Frankfurt (Oder)'"))
        #expect(problems.contains("scenario.yaml", line: 9, "no place 'Gütersloh' lies in BY, the state this row gives; places of that name: Gütersloh, NW."))
    }

    @Test func reversedHorizon() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "{from: 2027-01-01, to: 2027-03-31}",
                                                                    with: "{from: 2027-03-31, to: 2027-01-01}"),
            "requests.csv": "id,name,participants\nkoeln,Köln,10\n",
        ])
        let problems = folder.problems()
        #expect(problems.count == 1)
        #expect(problems.contains("scenario.yaml", line: 3, "the horizon ends (2027-01-01) before it begins (2027-03-31)"))
        #expect(problems.first?.field == "horizon")
    }

    @Test func unknownTrainerInRequires() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(),
            "requests.csv": "id,name,participants,requires\nkoeln,Köln,10,mueller;schulz\n",
        ])
        let problems = folder.problems()
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.line == 2)
        #expect(problem.field == "requires")
        #expect(problem.message == "unknown trainer id 'schulz'; the trainers are mueller and yilmaz")
    }

    @Test func requiringMoreThanTwoTrainers() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario().replacingOccurrences(of: "  - {id: yilmaz, home: Berlin}",
                                                                    with: "  - {id: yilmaz, home: Berlin}\n  - {id: kaya, home: Kassel}"),
            "requests.csv": "id,name,participants,requires\nkoeln,Köln,10,mueller;yilmaz;kaya\n",
        ])
        #expect(folder.problems().contains("requests.csv", line: 2, "requires 3 trainers"))
    }

    @Test func malformedYAMLGivesTheLine() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": """
                name: Broken
                planning_start: 2026-12-01
                horizon: {from: 2027-01-01, to: 2027-03-31
                trainers: []
                """,
        ])
        let problems = folder.problems()
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.message.hasPrefix("malformed YAML"))
        #expect(problem.line == 4)
        #expect(problem.column != nil)
    }

    @Test func badIndentationGivesTheLine() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": "name: Broken\nplanning_start: 2026-12-01\n  horizon: x\ntrainers: []\n",
        ])
        let problems = folder.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
    }

    @Test func duplicateKeysAreReported() throws {
        let folder = try ScenarioFolder(["scenario.yaml": "name: A\nname: B\n"])
        let problems = folder.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'name' appears more than once") == true)
    }

    @Test func missingRequiredKeysAndFiles() throws {
        let folder = try ScenarioFolder(["scenario.yaml": "name: Nothing else\nmunicipalities: nowhere.csv\n"])
        let problems = folder.problems()
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.hasPrefix("missing required key 'planning_start'") })
        #expect(messages.contains { $0.hasPrefix("missing required key 'horizon'") })
        #expect(messages.contains { $0.hasPrefix("missing required key 'trainers'") })
        #expect(problems.contains("scenario.yaml", line: 2, "nowhere.csv' does not exist"))
        #expect(problems.count == 4)
    }

    @Test func aMissingScenarioFile() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.file == "/nonexistent/scenario.yaml")
        }
    }

    @Test func csvProblemsCarryLineAndColumn() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(),
            "requests.csv": "id,name,participnts,lat\nkoeln,\"Köln, Stadt\",10\nbonn,\"Bonn\" x,5,1\n\"open,Open,5,1\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("requests.csv", line: 1, "unknown column 'participnts'; did you mean 'participants'?"))
        #expect(problems.contains("requests.csv", line: 1, "does not name the column 'participants'"))
        #expect(problems.contains("requests.csv", line: 3, "text after a closing quote"))
        #expect(problems.contains("requests.csv", line: 4, "never closed"))
        #expect(problems.at("requests.csv", line: 3).first?.column == 13)
    }

    /// German Excel's `;` is read as the separator (ExcelRequestFileTests has the rest).
    @Test func semicolonSeparatedCSVIsRead() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario(),
            "requests.csv": "id;name;participants\nkoeln;Köln;10\n",
        ])
        #expect(try folder.load().requests.map(\.participants) == [10])
    }

    @Test func wrongTypesAndGapTargets() throws {
        let folder = try ScenarioFolder([
            "scenario.yaml": minimalScenario("""
                rules: {followup_gap_days: {min: 150, max: 210, target: 300}, avoid_school_holidays: maybe}
                weights: {prep_gap_eur: .inf}
                pairs: {preferred: [[mueller, yilmaz]], forbidden: [[yilmaz, mueller]]}
                """).replacingOccurrences(of: "planning_start: 2026-12-01", with: "planning_start: [2026-12-01]"),
            "requests.csv": "id,name,participants,state,lat\nkoeln,Köln,10,XX,50.9\n",
        ])
        let problems = folder.problems()
        #expect(problems.contains("scenario.yaml", line: 2, "expected a date YYYY-MM-DD, found a list"))
        #expect(problems.contains("scenario.yaml", line: 8, "target (300) lies outside min..max (150..210)"))
        #expect(problems.contains("scenario.yaml", line: 8, "expected true or false, found 'maybe'"))
        #expect(problems.contains("scenario.yaml", line: 9, "not a finite number"))
        #expect(problems.contains("scenario.yaml", line: 10, "both forbidden"))
        #expect(problems.contains("requests.csv", line: 2, "'XX' is not a German state code"))
        #expect(problems.contains("requests.csv", line: 2, "give both lat and lon"))
    }
}
