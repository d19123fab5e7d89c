import Foundation
import Testing
@testable import PlanningIO
import Planning

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    @Test func loadsTheBundledPlaces() {
        #expect(gazetteer.places.count == 11_870)
        #expect(gazetteer.places.first?.name == "Berlin")
    }

    /// Guards the GeoNames admin1 → state mapping (12 MV, 13 SN, 14 ST, 15 TH).
    @Test(arguments: [("Dresden", GermanState.SN), ("Magdeburg", .ST), ("Erfurt", .TH), ("Rostock", .MV),
                      ("Gütersloh", .NW), ("Kassel", .HE)])
    func statesAreRight(_ name: String, _ state: GermanState) {
        #expect(gazetteer.lookup(name)?.state == state)
    }

    @Test(arguments: ["Köln", "Koeln", "koln", "KÖLN", "  köln ", "Köln, NW", "koeln, nw"])
    func findsKoelnHoweverItIsSpelled(_ text: String) throws {
        let place = try #require(gazetteer.lookup(text))
        #expect(place.name == "Köln")
        #expect(place.state == .NW)
        #expect(place.location == Coordinate(lat: 50.93333, lon: 6.95))
    }

    @Test(arguments: ["München", "Muenchen", "Munchen", "muenchen"])
    func findsMuenchen(_ text: String) {
        #expect(gazetteer.lookup(text)?.name == "München")
    }

    @Test func eszettAndOtherUmlauts() {
        #expect(gazetteer.lookup("Gütersloh")?.location == Coordinate(lat: 51.90693, lon: 8.37853))
        #expect(gazetteer.lookup("Guetersloh")?.name == "Gütersloh")
        #expect(gazetteer.lookup("Gutersloh")?.name == "Gütersloh")
        #expect(gazetteer.lookup("Nuernberg")?.name == "Nürnberg")
        #expect(gazetteer.lookup("Gross-Umstadt")?.name == "Groß-Umstadt")
        #expect(gazetteer.lookup("Frankfurt am Main")?.state == .HE)
    }

    @Test func decomposedUmlautsAsMacOSWritesThem() {
        #expect(gazetteer.lookup("Ko\u{308}ln")?.name == "Köln")
        #expect(Spelling.transcribedKey("Mu\u{308}nchen") == Spelling.transcribedKey("München"))
        #expect(Spelling.baseLetterKey("Mu\u{308}nchen") == "munchen")
    }

    @Test func writtenOutUmlautsDoNotMergeDifferentNames() {
        // "ue" is only an ü when the user means it: Neuenkirchen is not Neunkirchen.
        let neuenkirchen = gazetteer.lookup("Neuenkirchen")
        #expect(neuenkirchen?.name == "Neuenkirchen")
        #expect(gazetteer.lookup("Neunkirchen")?.name == "Neunkirchen")
    }

    @Test func aRepeatedNamePicksTheLargestPlaceUnlessAStateIsGiven() throws {
        let all = gazetteer.places.filter { $0.name == "Neustadt" }
        #expect(all.count > 1)
        let largest = try #require(all.max { $0.population < $1.population })
        #expect(gazetteer.lookup("Neustadt") == largest)
        #expect(gazetteer.lookup("Neustadt, NI")?.location == Coordinate(lat: 52.26799, lon: 10.52001))
        #expect(gazetteer.lookup(name: "Neustadt", state: .NI)?.state == .NI)
        #expect(gazetteer.lookup("Neustadt, TH")?.location == Coordinate(lat: 51.46725, lon: 10.46726))
        #expect(gazetteer.lookup("Neustadt, SL") == nil)
        #expect(gazetteer.lookup("Neustadt, XY") == nil)
    }

    @Test func equalPopulationsAreBrokenByTheGivenOrder() {
        let a = Place(name: "Dorf", state: .BY, location: Coordinate(lat: 48, lon: 11), population: 500)
        let b = Place(name: "Dorf", state: .NI, location: Coordinate(lat: 52, lon: 9), population: 500)
        #expect(Gazetteer(places: [a, b]).lookup("dorf") == a)
        #expect(Gazetteer(places: [b, a]).lookup("dorf") == b)
    }

    @Test func suggestsCloseNames() {
        #expect(gazetteer.suggestions(for: "Gütersloch").first == "Gütersloh")
        #expect(gazetteer.suggestions(for: "Koelnn").contains("Köln"))
        let frankfurt = gazetteer.suggestions(for: "Frankfurt")
        #expect(frankfurt.contains("Frankfurt am Main") && frankfurt.contains("Frankfurt (Oder)"))
        #expect(gazetteer.suggestions(for: "Gütersloh, BY") == ["Gütersloh, NW"])
        #expect(gazetteer.suggestions(for: "Köln", limit: 0).isEmpty)
        #expect(gazetteer.suggestions(for: "Xqzwv").isEmpty)
    }

    @Test func suggestionsAreFast() {
        let clock = ContinuousClock()
        _ = gazetteer.places.count
        let elapsed = clock.measure {
            for name in ["Gütersloch", "Munchen", "Frankfurt", "Neustat", "Kasssel"] { _ = gazetteer.suggestions(for: name) }
        }
        #expect(elapsed < .seconds(2))
    }
}

@Suite struct InputFilesTests {
    @Test func namedFilesAreRelativeToTheScenario() {
        #expect(InputFiles.path("requests.csv", relativeTo: "Scenarios/q1.yaml") == "Scenarios/requests.csv")
        #expect(InputFiles.path("requests.csv", relativeTo: "q1.yaml") == "requests.csv")
        #expect(InputFiles.path("../data/r.csv", relativeTo: "/tmp/s/q1.yaml") == "/tmp/s/../data/r.csv")
        #expect(InputFiles.path("/abs/r.csv", relativeTo: "Scenarios/q1.yaml") == "/abs/r.csv")
    }
}

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAndLineEnds() {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\n  plain  ,,last\n"
        let document = CSVReader.read(text)
        #expect(document.errors.isEmpty)
        #expect(document.records.map { $0.fields.map(\.text) } == [
            ["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["plain", "", "last"],
        ])
        #expect(document.records.map(\.line) == [1, 2, 5])
        #expect(document.records[1].fields.map(\.column) == [1, 8, 21])
    }

    @Test func reportsUnclosedQuotesAndTextAfterQuotes() {
        let document = CSVReader.read("a,b\n\"x\"y,2\n\"open,3\n")
        #expect(document.errors.map(\.line) == [2, 3])
        #expect(document.records.count == 3)
    }

    @Test func noTrailingNewlineAndCROnly() {
        #expect(CSVReader.read("a,b\rc,d").records.map { $0.fields.map(\.text) } == [["a", "b"], ["c", "d"]])
        #expect(CSVReader.read("").records.isEmpty)
    }

    @Test func schoolHolidaysAreBundled() throws {
        let nw = try #require(BundledSchoolHolidays.byState[.NW])
        #expect(nw.contains { $0.first.year == 2027 && $0.name == "Summer Break" })
        #expect(BundledSchoolHolidays.byState.count == 16)
    }
}
