import Foundation
import Planning
@testable import PlanningIO
import Testing

/// `municipalities: {file: …, encoding: …, separator: …}` (and `distances:`): a declared encoding
/// and separator are used instead of detection; wrong declarations are refused with the line and
/// what to declare instead, all problems at once.
struct DeclaredCSVFormTests {
    static let header = "id;name;place;state;lat;lon;participants;earliest;latest\r\n"

    /// Loads `scenario.yaml` declaring `municipalities` as given, with `requests.csv` holding `data`.
    static func load(_ municipalities: String, _ data: Data, extra: String = "", files: [String: Data] = [:]) throws(InputErrors) -> Scenario {
        let folder: ScenarioFolder
        do {
            folder = try ScenarioFolder(["scenario.yaml": minimalScenario(extra, municipalities: municipalities)])
            try data.write(to: folder.url.appendingPathComponent("requests.csv"))
            for (name, content) in files { try content.write(to: folder.url.appendingPathComponent(name)) }
        } catch { fatalError("\(error)") }
        return try folder.load()
    }

    static func problems(_ municipalities: String, _ data: Data, extra: String = "") -> [InputProblem] {
        do { _ = try load(municipalities, data, extra: extra); return [] } catch { return error.problems }
    }

    /// Bytes C3 B6 are "ö" in UTF-8 and "Ã¶" in Windows-1252: detection reads UTF-8, the declaration wins.
    @Test func aDeclaredEncodingIsUsedInsteadOfDetection() throws {
        var data = Data((Self.header + "moers;M").utf8)
        data += [0xC3, 0xB6]
        data += Data("rs;Moers;NW;51,45342;6,6326;12;04.01.2027;05.03.2027\r\n".utf8)
        #expect(try Self.load("requests.csv", data).requests[0].name == "Mörs")
        let declared = try Self.load("{file: requests.csv, encoding: windows-1252}", data).requests[0]
        #expect(declared.name == "MÃ¶rs")
        #expect(declared.location.lat == 51.45342 && declared.earliest == Day(iso: "2027-01-04"))
        // 0x80 is "€" in Windows-1252 and a control character in ISO-8859-1 (refused in a name).
        var euro = Data((Self.header + "moers;").utf8)
        euro += [0x80]
        euro += Data(" Stadt;Moers;NW;;;12;;\r\n".utf8)
        #expect(try Self.load("{file: requests.csv, encoding: windows-1252}", euro).requests[0].name == "€ Stadt")
        let latin1 = Self.problems("{file: requests.csv, encoding: iso-8859-1}", euro)
        #expect(latin1.count == 1 && latin1.first?.line == 2 && latin1.first?.message.contains("control character") == true, "\(latin1)")
    }

    /// A tab-separated file, which detection would take for one column; `;` declared by sign or by name.
    @Test func aDeclaredSeparatorIsUsedInsteadOfDetection() throws {
        let tabbed = "id\tname\tplace\tparticipants\nmoers\tStadt Moers, am Rhein\tMoers\t12\n"
        #expect(!Self.problems("requests.csv", Data(tabbed.utf8)).isEmpty, "detection does not split at tabs")
        let viaTab = try Self.load("{file: requests.csv, separator: tab}", Data(tabbed.utf8)).requests
        #expect(viaTab.map(\.name) == ["Stadt Moers, am Rhein"])
        // ';' declared by its sign or its name, and the encoding's name in any case: read as detection reads it.
        let semicolons = "id;name;place;participants\nmoers;Stadt, Moers, Rhein;Moers;12\n"
        #expect(try Self.load("requests.csv", Data(semicolons.utf8)).requests.map(\.name) == ["Stadt, Moers, Rhein"])
        let declared = try Self.load("{file: requests.csv, separator: \";\"}", Data(semicolons.utf8)).requests
        #expect(declared.map(\.name) == ["Stadt, Moers, Rhein"])
        #expect(try Self.load("{file: requests.csv, encoding: UTF-8, separator: semicolon}", Data(semicolons.utf8)).requests == declared)
    }

    @Test func aFileNotInTheDeclaredEncodingIsRefusedWithItsLine() throws {
        let ansi = try #require((Self.header + "koeln;Köln;Köln;NW;;;10;;\r\n").data(using: .windowsCP1252))
        let problems = Self.problems("{file: requests.csv, encoding: utf-8}", ansi)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2 && (problems.first?.file ?? "").hasSuffix("requests.csv"), "\(problems)")
        #expect(problems.first?.message.contains("not utf-8 text, but the scenario declares encoding: utf-8") == true, "\(problems)")
        #expect(problems.first?.message.contains("encoding: windows-1252") == true)

        let bom = Data(("\u{FEFF}" + Self.header + "koeln;Köln;Köln;NW;;;10;;\r\n").utf8)
        let bomProblems = Self.problems("{file: requests.csv, encoding: windows-1252}", bom)
        #expect(bomProblems.count == 1 && bomProblems.first?.line == 1, "\(bomProblems)")
        #expect(bomProblems.first?.message.contains("UTF-8 byte order mark") == true, "\(bomProblems)")
    }

    /// Unknown names, a missing file key, an unknown key and a workbook with a separator: every problem, each at its field.
    @Test func badDeclarationsAreNamedAllAtOnce() throws {
        let data = Data((Self.header + "koeln;Köln;Köln;NW;;;10;;\r\n").utf8)
        let problems = Self.problems("{file: requests.csv, encoding: ansi, separator: \"|\", quote: \"'\"}", data)
        let fields = problems.compactMap(\.field)
        #expect(fields.contains("municipalities.encoding") && fields.contains("municipalities.separator") && fields.contains("municipalities.quote"),
                "\(problems)")
        #expect(problems.contains { $0.message.contains("unknown encoding 'ansi'") && $0.message.contains("windows-1252") })
        #expect(problems.contains { $0.message.contains("unknown separator '|'") })
        let missing = Self.problems("{encoding: utf-8}", data)
        #expect(missing.contains { $0.message.contains("missing required key 'file'") }, "\(missing)")
        let workbook = Self.problems("{file: requests.xlsx, separator: \";\"}", data)
        #expect(workbook.contains { $0.message.contains("a workbook (.xlsx) has no encoding or separator") }, "\(workbook)")
    }

    @Test func distancesMayDeclareTheirFormToo() throws {
        let data = Data((Self.header + "koeln;Köln;Köln;NW;;;10;;\r\n").utf8)
        let distances = try #require("trainer;municipality;km\r\nmueller;koeln;12,5\r\n".data(using: .windowsCP1252))
        let scenario = try Self.load("requests.csv", data, extra: "distances: {file: distances.csv, encoding: windows-1252, separator: \";\"}",
                                     files: ["distances.csv": distances])
        #expect(scenario.distances["mueller"]?["koeln"] == 12.5)
    }
}
