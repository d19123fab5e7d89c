import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Request lists as German Excel saves them: "CSV (Trennzeichen-getrennt)" (`;`, Windows-1252) and
/// "CSV UTF-8" (`;`, BOM), with dates as `01.02.2027` and decimal commas, read as they are.
struct ExcelRequestFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The same requests, as a program writes them.
    static let plain = """
        id,name,place,state,lat,lon,participants,earliest,latest,priority,blackout
        koeln,"Köln, Stadt",Köln,,,,10,2027-01-04,2027-03-05,2,2027-02-01..2027-02-05;2027-03-01
        moers,Stadt Mörs,Moers,NW,51.45342,6.6326,12,,,,

        """

    /// `plain` as German Excel writes it.
    static let excel = """
        id;name;place;state;lat;lon;participants;earliest;latest;priority;blackout\r
        koeln;Köln, Stadt;Köln;;;;10;04.01.2027;05.03.2027;2;"01.02.2027..05.02.2027;1.3.2027"\r
        moers;Stadt Mörs;Moers;NW;51,45342;6,6326;12;;;;\r

        """

    static func requests(_ data: Data) throws -> [Request] {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario()])
        try data.write(to: folder.url.appendingPathComponent("requests.csv"))
        return try folder.load().requests
    }

    /// The requests of the bundled Q1 scenario, with its request list replaced by `data` in `file`.
    static func q1Requests(_ data: Data, as file: String = "requests.csv") throws -> [Request] {
        let folder = try ScenarioFolder([:])
        let scenarios = repository.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: scenarios.path) {
            try FileManager.default.copyItem(at: scenarios.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let yaml = folder.url.appendingPathComponent("2027-Q1.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        try text.replacingOccurrences(of: "municipalities: requests.csv", with: "municipalities: \(file)").write(to: yaml, atomically: true, encoding: .utf8)
        try data.write(to: folder.url.appendingPathComponent(file))
        return try folder.load("2027-Q1.yaml").requests
    }

    @Test func windows1252WithSemicolonsGermanDatesAndDecimalCommas() throws {
        let expected = try Self.requests(Data(Self.plain.utf8))
        #expect(expected.count == 2 && expected[0].name == "Köln, Stadt")
        let ansi = try #require(Self.excel.data(using: .windowsCP1252))
        #expect(String(data: ansi, encoding: .utf8) == nil, "the fixture must really be Windows-1252")
        #expect(try Self.requests(ansi) == expected)
    }

    @Test func utf8WithBOMAndSemicolons() throws {
        let expected = try Self.requests(Data(Self.plain.utf8))
        #expect(try Self.requests(Data(("\u{FEFF}" + Self.excel).utf8)) == expected)
    }

    /// The bundled Q1 requests, saved by German Excel: the same requests.
    @Test func theBundledRequestsSavedByExcelReadTheSame() throws {
        let original = try Data(contentsOf: Self.repository.appendingPathComponent("Scenarios/requests.csv"))
        let records = CSVReader.read(String(decoding: original, as: UTF8.self)).records
        let lines = records.map { record in
            record.fields.map { field -> String in
                let text = CSVTable.germanDates(field.text)
                return text.contains(";") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }.joined(separator: ";")
        }
        let ansi = try #require((lines.joined(separator: "\r\n") + "\r\n").data(using: .windowsCP1252))
        let expected = try Self.q1Requests(original)
        #expect(expected.count == records.count - 1)
        #expect(try Self.q1Requests(ansi) == expected)
    }

    /// A German date only where a date belongs, a decimal comma only in a number column.
    @Test func conversionsTouchOnlyTheirColumns() {
        #expect(CSVTable.isoDates("1.2.2027..05.02.2027") == "2027-02-01..2027-02-05")
        #expect(CSVTable.isoDates("2027-02-01") == "2027-02-01")
        #expect(CSVTable.pointDecimal("51,90693") == "51.90693")
        #expect(CSVTable.pointDecimal("Köln, Stadt") == "Köln, Stadt")
        #expect(CSVReader.separator(of: "a;\"b,c,d\";e\nx,y,z,w") == ";")
        #expect(CSVReader.separator(of: "id,name\nx;y;z") == ",")
    }

    /// Errors in a `;` file still name the line and column.
    @Test func errorsInASemicolonFileNameLineAndColumn() throws {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario()])
        try #require("id;name;participants;earliest\r\nkoeln;Köln;zehn;31.02.2027\r\n".data(using: .windowsCP1252))
            .write(to: folder.url.appendingPathComponent("requests.csv"))
        let problems = folder.problems()
        #expect(problems.at("requests.csv", line: 2).count == 2, "\(problems)")
        #expect(problems.at("requests.csv", line: 2).contains { $0.column == 12 }, "participants 'zehn' starts at column 12")
    }
}
