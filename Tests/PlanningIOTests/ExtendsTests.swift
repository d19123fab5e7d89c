import Foundation
import Testing
@testable import PlanningIO
import Planning

/// `extends:` (SPEC §5): a what-if scenario is its base with its own values merged in.
@Suite struct ExtendsTests {
    /// A base scenario; the line numbers matter to the tests below.
    static let base = """
        name: Base
        planning_start: 2026-12-01
        horizon: {from: 2027-01-01, to: 2027-03-31}
        costs:
          fee_eur: 6000
          travel: {eur_per_km: 0.3, detour_factor: 1.2, commute_km: 90, evening_before_km: 240, hotel_eur: 100}
        trainers:
          - {id: mueller, name: Anna Müller, home: Köln, max_packages: 6,
             unavailable: ["2027-02-01..2027-02-03"]}
          - {id: yilmaz, name: Deniz Yılmaz, home: {lat: 52.52, lon: 13.40}}
          - {id: schmidt, home: München}
        pairs: {preferred: [[mueller, yilmaz]]}
        municipalities: requests.csv
        """

    static let requests = """
        id,name,place,participants
        guetersloh,Stadt Gütersloh,Gütersloh,30
        dortmund,Stadt Dortmund,Dortmund,40
        """

    /// A folder with `files` (names may contain sub-folders).
    static func folder(_ files: [String: String]) throws -> ScenarioFolder {
        let folder = try ScenarioFolder([:])
        for (name, text) in files {
            let url = folder.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    static func days(_ from: String, _ to: String) -> Set<Day> {
        Set(Day(iso: from)!...Day(iso: to)!)
    }

    @Test func specExampleMergesTrainerByIDAndCostsKeyByKey() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base, "requests.csv": Self.requests,
            "whatif.yaml": """
                extends: base.yaml
                name: 2027 Q1 — Müller on leave in March
                trainers: [{id: mueller, unavailable: ["2027-03-01..2027-03-31"]}]   # merged into the base by id
                costs: {travel: {hotel_eur: 120}}                                      # maps merge key by key
                """,
        ])
        let scenario = try folder.load("whatif.yaml")

        #expect(scenario.name == "2027 Q1 — Müller on leave in March")
        #expect(scenario.planningStart == Day(iso: "2026-12-01"))
        #expect(scenario.trainers.map(\.id) == ["mueller", "yilmaz", "schmidt"])
        let mueller = try #require(scenario.trainer("mueller"))
        #expect(mueller.name == "Anna Müller")
        #expect(mueller.homeLabel == "Köln")
        #expect(mueller.maxPackages == 6)
        #expect(mueller.unavailable == Self.days("2027-03-01", "2027-03-31"))   // the list replaces the base's
        #expect(scenario.trainer("yilmaz")?.home == Coordinate(lat: 52.52, lon: 13.40))

        #expect(scenario.costs.travel.hotelEur == 120)
        #expect(scenario.costs.travel.eurPerKm == 0.3)
        #expect(scenario.costs.travel.detourFactor == 1.2)
        #expect(scenario.costs.travel.commuteKm == 90)
        #expect(scenario.costs.travel.eveningBeforeKm == 240)
        #expect(scenario.costs.feeEur == 6000)
        #expect(scenario.preferredPairs == [TrainerPair("mueller", "yilmaz")!])
        #expect(scenario.requests.map(\.id) == ["guetersloh", "dortmund"])
    }

    @Test func newIDIsAppendedAndRemoveDropsAnEntry() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base, "requests.csv": Self.requests,
            "more.yaml": """
                extends: base.yaml
                trainers: [{id: hansen, name: Lena Hansen, home: Hamburg}]
                """,
            "fewer.yaml": """
                extends: base.yaml
                trainers:
                  - {id: schmidt, remove: true}
                  - {id: yilmaz, max_packages: 3, remove: false}
                """,
        ])
        let more = try folder.load("more.yaml")
        #expect(more.trainers.map(\.id) == ["mueller", "yilmaz", "schmidt", "hansen"])
        #expect(more.trainer("hansen")?.name == "Lena Hansen")
        #expect(more.name == "Base")

        let fewer = try folder.load("fewer.yaml")
        #expect(fewer.trainers.map(\.id) == ["mueller", "yilmaz"])
        #expect(fewer.trainer("yilmaz")?.maxPackages == 3)
        #expect(fewer.trainer("yilmaz")?.name == "Deniz Yılmaz")
    }

    @Test func removingAnUnknownIDIsAProblemOfTheChild() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base, "requests.csv": Self.requests,
            "whatif.yaml": """
                extends: base.yaml
                trainers:
                  - {id: schmit, remove: true}
                  - {id: mueller, remove: maybe}
                costs: {travel: {hotel_eur: -5}}
                """,
        ])
        let problems = folder.problems("whatif.yaml")
        #expect(problems.contains("whatif.yaml", line: 3, "cannot remove 'schmit'"))
        #expect(problems.contains("whatif.yaml", line: 3, "did you mean 'schmidt'?"))
        #expect(problems.contains("whatif.yaml", line: 4, "expected true or false, found 'maybe'"))
        // Every problem at once: the decoder still reads the merged scenario.
        #expect(problems.contains("whatif.yaml", line: 5, "too small"))
        #expect(problems.count == 3)
    }

    @Test func chainOfTwoExtends() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base, "requests.csv": Self.requests,
            "middle.yaml": """
                extends: base.yaml
                name: Middle
                costs: {travel: {hotel_eur: 120}}
                trainers: [{id: hansen, home: Hamburg}, {id: mueller, max_packages: 4}]
                """,
            "top.yaml": """
                extends: middle.yaml
                name: Top
                costs: {fee_eur: 6500}
                trainers: [{id: schmidt, remove: true}, {id: mueller, name: A. Müller}]
                """,
        ])
        let scenario = try folder.load("top.yaml")
        #expect(scenario.name == "Top")
        #expect(scenario.trainers.map(\.id) == ["mueller", "yilmaz", "hansen"])
        let mueller = try #require(scenario.trainer("mueller"))
        #expect(mueller.name == "A. Müller")
        #expect(mueller.maxPackages == 4)
        #expect(mueller.unavailable == Self.days("2027-02-01", "2027-02-03"))
        #expect(scenario.costs.feeEur == 6500)
        #expect(scenario.costs.travel.hotelEur == 120)
        #expect(scenario.costs.travel.eurPerKm == 0.3)
    }

    @Test func cycleIsReportedNamingTheFiles() throws {
        let folder = try Self.folder([
            "a.yaml": "extends: b.yaml\nname: A\n",
            "b.yaml": "name: B\nextends: a.yaml\n",
            "self.yaml": "extends: ./self.yaml\n",
        ])
        let problems = folder.problems("a.yaml")
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect((problem.file as NSString).lastPathComponent == "b.yaml")
        #expect(problem.line == 2)
        #expect(problem.message.contains("circle"))
        #expect(problem.message.contains("a.yaml → ") && problem.message.contains("b.yaml → "))

        let own = folder.problems("self.yaml")
        #expect(own.count == 1)
        #expect(own.contains("self.yaml", line: 1, "circle"))
    }

    @Test func missingBaseAndExtendsNotAFileName() throws {
        let folder = try Self.folder([
            "whatif.yaml": "name: What if\nextends: nothere.yaml\n",
            "list.yaml": "extends: [base.yaml]\n",
            "empty.yaml": "extends:\nname: x\n",
        ])
        let missing = folder.problems("whatif.yaml")
        #expect(missing.count == 1)
        #expect(missing.contains("whatif.yaml", line: 2, "the file '"))
        #expect(missing.contains("whatif.yaml", line: 2, "nothere.yaml' does not exist"))

        #expect(folder.problems("list.yaml").contains("list.yaml", line: 1, "expected the base scenario's file name"))
        #expect(folder.problems("empty.yaml").contains("empty.yaml", line: 1, "expected the base scenario's file name"))
    }

    @Test func badValuesAreNamedWithTheFileThatHoldsThem() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base.replacingOccurrences(of: "home: München", with: "home: Atlantis"),
            "requests.csv": Self.requests,
            "whatif.yaml": """
                extends: base.yaml
                name: What if
                costs: {travel: {hotel_eur: -5}}
                """,
        ])
        let problems = folder.problems("whatif.yaml")
        #expect(problems.count == 2)
        #expect(problems.contains("whatif.yaml", line: 3, "too small"))
        #expect(problems.at("whatif.yaml", line: 3).first?.field == "costs.travel.hotel_eur")
        #expect(problems.contains("base.yaml", line: 11, "unknown place 'Atlantis'"))
        #expect(problems.at("base.yaml", line: 11).first?.field == "trainers[2].home")
    }

    @Test func fileNamesAreReadBesideTheFileThatNamesThem() throws {
        let folder = try Self.folder([
            "base/q1.yaml": Self.base + "\ndistances: distances.csv\n",
            "base/requests.csv": Self.requests,
            "base/distances.csv": "trainer,municipality,km\nmueller,guetersloh,150\n",
            // The base's files stay beside the base.
            "same.yaml": "extends: base/q1.yaml\nname: Same\n",
            // The child's own file is read beside the child.
            "q2.yaml": "extends: base/q1.yaml\nmunicipalities: requests-q2.csv\n",
            "requests-q2.csv": "id,name,place,participants\nguetersloh,Stadt Gütersloh,Gütersloh,30\nkassel,Stadt Kassel,Kassel,20\n",
            "bad.yaml": "extends: base/q1.yaml\n",
        ])
        let same = try folder.load("same.yaml")
        #expect(same.requests.map(\.id) == ["guetersloh", "dortmund"])
        #expect(same.distances["mueller"]?["guetersloh"] == 150)

        let q2 = try folder.load("q2.yaml")
        #expect(q2.requests.map(\.id) == ["guetersloh", "kassel"])
        #expect(q2.distances["mueller"]?["guetersloh"] == 150)

        // A bad row in the base's CSV names that CSV in the base's folder.
        try Data((Self.requests + "\nbonn,Stadt Bonn,Bonn,many\n").utf8)
            .write(to: folder.url.appendingPathComponent("base/requests.csv"))
        let problems = folder.problems("bad.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.file == folder.path("base/requests.csv"))
        #expect(problems.first?.line == 4)
    }

    @Test func inlineListsMergeByIDAndReplaceACSVFile() throws {
        let folder = try Self.folder([
            "base.yaml": Self.base, "requests.csv": Self.requests,
            "inline.yaml": """
                extends: base.yaml
                municipalities:
                  - {id: kassel, name: Stadt Kassel, place: Kassel, participants: 20}
                  - {id: bonn, name: Stadt Bonn, place: Bonn, participants: 25}
                """,
            "merged.yaml": """
                extends: inline.yaml
                municipalities: [{id: kassel, participants: 35}, {id: bonn, remove: true}, {id: koeln, name: Köln, participants: 10}]
                """,
            "removes.yaml": """
                extends: base.yaml
                municipalities: [{id: dortmund, remove: true}]
                """,
        ])
        // Base names a CSV file, the child lists inline: the child's list replaces it.
        let inline = try folder.load("inline.yaml")
        #expect(inline.requests.map(\.id) == ["kassel", "bonn"])

        // Both inline: merged by id.
        let merged = try folder.load("merged.yaml")
        #expect(merged.requests.map(\.id) == ["kassel", "koeln"])
        #expect(merged.requests.first?.participants == 35)
        #expect(merged.requests.first?.name == "Stadt Kassel")

        // Removing from a list that replaces a CSV file is reported.
        let problems = folder.problems("removes.yaml")
        #expect(problems.contains("removes.yaml", line: 2, "the base gives this value as the file 'requests.csv'"))
    }
}
