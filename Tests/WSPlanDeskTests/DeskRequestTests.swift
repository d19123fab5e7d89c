import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import PlanningIO
import Testing
@testable import WSPlanDesk

/// Requests: edited row by row in the scenario's own CSV (in the file's own form), and imported
/// by upload as CSV or .xlsx after the CLI's reader accepts them.
@Suite("Desk requests and import")
struct DeskRequestTests {
    static func csvPath(_ fixture: DeskFixture) -> String { fixture.scenarios.appendingPathComponent("requests.csv").path }

    /// The request form as the page fills it in, with `changes`.
    static func requestForm(_ client: some TestClientProtocol, _ scenario: String, _ request: String?, _ changes: [String: String]) async throws -> String {
        let page = try await client.get("/scenarios/\(scenario)/requests/edit" + (request.map { "?r=\($0)" } ?? ""))
        #expect(page.status == .ok)
        var fields = ["csrf": try #require(page.csrf), "version": try DeskEditTests.version(page), "original": request ?? ""]
        for column in RequestChange.columns {
            guard let range = page.text.range(of: "name=\"\(column)\" size=\"40\" value=\"") else { continue }
            fields[column] = String(page.text[range.upperBound...].prefix { $0 != "\"" })
        }
        return DeskEditTests.form(fields.merging(changes) { $1 })
    }

    /// A comma CSV line as German Excel writes it: `;` between fields, a field that holds a `;` in quotes.
    static func semicolons(_ line: Substring) -> String {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); current.append(character) }
            else if character == ",", !quoted { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields.map { $0.contains(";") && !$0.hasPrefix("\"") ? "\"\($0)\"" : $0 }.joined(separator: ";")
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test("a request is changed in its CSV row; every other row stays byte for byte")
    func editRequest() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try Self.lines(Self.csvPath(fixture))
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1/requests/edit?r=hamm")
            #expect(page.text.contains("name=\"place\" size=\"40\" value=\"Hamm\"") && page.text.contains("name=\"state\" size=\"40\" value=\"NW\""))
            let saved = try await client.post("/scenarios/2027-Q1/requests/save", try await Self.requestForm(client, "2027-Q1", "hamm", ["participants": "30"]))
            #expect(saved.status == .seeOther)
        }
        let after = try Self.lines(Self.csvPath(fixture))
        let row = try #require(before.firstIndex { $0.hasPrefix("hamm,") })
        #expect(after[row] == "hamm,Stadt Hamm,Hamm,NW,,,30,,,,,,")
        #expect(Array(after[..<row]) == Array(before[..<row]) && Array(after[(row + 1)...]) == Array(before[(row + 1)...]))
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(scenario.requests.first { $0.id == "hamm" }?.participants == 30)
    }

    @Test("a request is added at the end of the CSV and removed again, back to the same bytes")
    func addAndRemoveRequest() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture)))
        let yaml = fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let added = try await client.post("/scenarios/2027-Q1/requests/save",
                                              try await Self.requestForm(client, "2027-Q1", nil, ["id": "fulda", "name": "Stadt Fulda", "place": "Fulda", "participants": "20",
                                                                                             "blackout": "2027-02-01..2027-02-05;2027-03-01"]))
            #expect(added.status == .seeOther)
            #expect(try String(contentsOfFile: Self.csvPath(fixture), encoding: .utf8).hasSuffix("\nfulda,Stadt Fulda,Fulda,,,,20,,,,2027-02-01..2027-02-05;2027-03-01,,\n"))
            let fulda = try #require(try ScenarioLoader.load(path: yaml).requests.first { $0.id == "fulda" })
            #expect(fulda.state == .HE && fulda.blackout.count == 6)
            let page = try await client.get("/scenarios/2027-Q1/requests/edit?r=fulda")
            let removed = try await client.post("/scenarios/2027-Q1/requests/remove",
                                                DeskEditTests.form(["csrf": try #require(page.csrf), "version": try DeskEditTests.version(page), "original": "fulda"]))
            #expect(removed.status == .seeOther)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture))) == original)
    }

    @Test("an invalid request is not saved; the CLI's messages stand beside the fields")
    func invalidRequest() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture)))
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let response = try await client.post("/scenarios/2027-Q1/requests/save",
                                                  try await Self.requestForm(client, "2027-Q1", "hamm", ["participants": "99", "requires": "muller"]))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("data-field=\"participants\">municipality &#39;hamm&#39; has 99 participants, more than the 40 one workshop takes"))
            #expect(response.text.contains("data-field=\"requires\">unknown trainer id &#39;muller&#39;; did you mean &#39;mueller&#39;?"))
            // A new request with an id that is there already.
            let twice = try await client.post("/scenarios/2027-Q1/requests/save",
                                              try await Self.requestForm(client, "2027-Q1", nil, ["id": "hamm", "name": "Hamm", "participants": "3"]))
            #expect(twice.status == .unprocessableContent && twice.text.contains("data-field=\"id\""))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture))) == original)
    }

    @Test("a CSV as German Excel saves it (Windows-1252, ';', CRLF, German dates) stays in that form")
    func germanExcelFile() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let text = "id;name;place;participants;earliest\r\nguetersloh;Stadt Gütersloh;Gütersloh;30;\r\nmuenster;Stadt Münster;Münster;35;01.02.2027\r\n"
        let file = fixture.scenarios.appendingPathComponent("office-requests.csv")
        try #require(text.data(using: .windowsCP1252)).write(to: file)
        try "extends: 2027-Q1.yaml\nname: Office list\nmunicipalities: office-requests.csv\n"
            .write(to: fixture.scenarios.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let saved = try await client.post("/scenarios/office/requests/save",
                                              try await Self.requestForm(client, "office", "guetersloh", ["earliest": "15.03.2027", "name": "Stadt Gütersloh (Süd)"]))
            #expect(saved.status == .seeOther)
        }
        let data = try Data(contentsOf: file)
        #expect(String(data: data, encoding: .utf8) == nil)  // still Windows-1252
        #expect(String(data: data, encoding: .windowsCP1252)
            == "id;name;place;participants;earliest\r\nguetersloh;Stadt Gütersloh (Süd);Gütersloh;30;15.03.2027\r\nmuenster;Stadt Münster;Münster;35;01.02.2027\r\n")
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("office.yaml").path)
        #expect(scenario.requests.first { $0.id == "guetersloh" }?.earliest == Day(iso: "2027-03-15"))
    }

    @Test("import: an Excel CSV replaces the request file byte for byte; the client's file name is never a path")
    func importCSV() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let original = try String(contentsOfFile: Self.csvPath(fixture), encoding: .utf8)
        var rows = original.split(separator: "\n").map(Self.semicolons)
        rows.removeLast(2)  // 20 requests
        let upload = Data(("\u{FEFF}" + rows.map { $0.replacingOccurrences(of: "2027-02-01", with: "01.02.2027") }.joined(separator: "\r\n") + "\r\n").utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1")
            let response = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: page.csrf, version: try DeskEditTests.version(page),
                                                    file: upload, fileName: "../../evil.csv")
            #expect(response.status == .seeOther)
            let after = try await client.get("/scenarios/2027-Q1")
            #expect(after.text.contains("Anfragen (20)"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture))) == upload)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("evil.csv").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.scenarios.appendingPathComponent("evil.csv").path))
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1.yaml").path)
        #expect(scenario.requests.count == 20 && scenario.requests.first { $0.id == "dortmund" }?.earliest == Day(iso: "2027-02-01"))
        // An edit of the imported file keeps its BOM, separator, line breaks and German dates.
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let saved = try await client.post("/scenarios/2027-Q1/requests/save", try await Self.requestForm(client, "2027-Q1", "hamm", ["participants": "26"]))
            #expect(saved.status == .seeOther)
        }
        let edited = try Data(contentsOf: URL(fileURLWithPath: Self.csvPath(fixture)))
        #expect(edited.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: edited, as: UTF8.self) == String(decoding: upload, as: UTF8.self).replacingOccurrences(of: "hamm;Stadt Hamm;Hamm;NW;;;25;", with: "hamm;Stadt Hamm;Hamm;NW;;;26;"))
        #expect(String(decoding: edited, as: UTF8.self).contains("dortmund;Stadt Dortmund;Dortmund;;;;40;01.02.2027;"))
    }

    @Test("import: an invalid list is not saved; a stale page answers 409; a what-if gets a request file of its own")
    func importRefusedAndWhatIf() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try DeskEditTests.snapshot(fixture)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1")
            let version = try DeskEditTests.version(page)
            let bad = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: page.csrf, version: version,
                                              file: Data("id,name,participants,colour\nbonn,Bonn,99,red\n".utf8))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("unknown column &#39;colour&#39;") && bad.text.contains("99 participants"))
            let empty = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: page.csrf, version: version, file: Data())
            #expect(empty.status == .unprocessableContent)
            let stale = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: page.csrf, version: "0000000000000000",
                                                file: Data("id,name,participants\nbonn,Bonn,9\n".utf8))
            #expect(stale.status == .conflict)
            #expect(try DeskEditTests.snapshot(fixture) == before)

            let whatIf = try await client.get("/scenarios/2027-Q1-mueller-on-leave")
            let own = try await client.upload("/scenarios/2027-Q1-mueller-on-leave/requests/import", csrf: whatIf.csrf,
                                              version: try DeskEditTests.version(whatIf), file: Data("id,name,participants\nbonn,Bonn,9\nkoeln,Köln,12\n".utf8))
            #expect(own.status == .seeOther)
        }
        let yaml = try String(contentsOf: fixture.scenarios.appendingPathComponent("2027-Q1-mueller-on-leave.yaml"), encoding: .utf8)
        #expect(yaml.contains("\nmunicipalities: requests-2027-Q1-mueller-on-leave.csv\n") && yaml.hasPrefix("# What if Anna Müller is on leave"))
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q1-mueller-on-leave.yaml").path)
        #expect(scenario.requests.map(\.id) == ["bonn", "koeln"])
        #expect(try DeskEditTests.snapshot(fixture)["requests.csv"] == before["requests.csv"])  // the base's list is untouched
    }

    @Test("import: an .xlsx workbook is read by the CLI's reader and saved as the scenario's workbook")
    func importWorkbook() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let workbook = StoredZip.workbook([["id", "name", "participants"], ["bonn", "Bonn", "30"], ["trier", "Trier", "22"]])
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q2")
            let response = try await client.upload("/scenarios/2027-Q2/requests/import", csrf: page.csrf, version: try DeskEditTests.version(page),
                                                    file: workbook, fileName: "Anfragen.xlsx")
            #expect(response.status == .seeOther)
        }
        #expect(try Data(contentsOf: fixture.scenarios.appendingPathComponent("requests-2027-Q2.xlsx")) == workbook)
        let scenario = try ScenarioLoader.load(path: fixture.scenarios.appendingPathComponent("2027-Q2.yaml").path)
        #expect(scenario.requests.map(\.id) == ["bonn", "trier"])
    }

    @Test("an upload over the size limit is refused with 413 and changes nothing")
    func oversizedImport() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let before = try DeskEditTests.snapshot(fixture)
        try await buildApplication(fixture.configuration(uploadLimit: 4096)).test(.router) { client in
            let page = try await client.get("/scenarios/2027-Q1")
            let big = Data(("id,name,participants\n" + (0..<400).map { "m\($0),Hamm,3\n" }.joined()).utf8)
            let response = try await client.upload("/scenarios/2027-Q1/requests/import", csrf: page.csrf, version: try DeskEditTests.version(page), file: big)
            #expect(response.status == .contentTooLarge)
        }
        #expect(try DeskEditTests.snapshot(fixture) == before)
    }

    @Test("an inline municipalities: list is edited in the YAML, its other items as written")
    func inlineRequests() async throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let path = fixture.scenarios.appendingPathComponent("inline.yaml").path
        try """
            # A small list written in the scenario itself.
            extends: 2027-Q1.yaml
            name: Inline
            municipalities:
              - {id: bonn, name: Bonn, participants: 12}   # the first
              - id: trier
                name: Trier
                participants: 9
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try await buildApplication(fixture.configuration()).test(.router) { client in
            let saved = try await client.post("/scenarios/inline/requests/save",
                                              try await Self.requestForm(client, "inline", "trier", ["participants": "11", "latest": "2027-03-15"]))
            #expect(saved.status == .seeOther)
            let bad = try await client.post("/scenarios/inline/requests/save",
                                            try await Self.requestForm(client, "inline", "bonn", ["earliest": "2027-13-01"]))
            #expect(bad.status == .unprocessableContent && bad.text.contains("data-field=\"earliest\""))
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("  - {id: bonn, name: Bonn, participants: 12}   # the first\n  - {id: trier, name: Trier, participants: 11, latest: 2027-03-15}"))
        let scenario = try ScenarioLoader.load(path: path)
        #expect(scenario.requests.map(\.participants) == [12, 11] && scenario.requests[1].latest == Day(iso: "2027-03-15"))
    }

    @Test("CSVFileText keeps every record's text, quoted line breaks and blank lines included")
    func csvFileText() throws {
        let text = "\u{FEFF}id;name;participants\r\n\r\na;\"Zwei\r\nZeilen; mit Semikolon\";3\r\nb;B;4"
        let file = CSVFileText(Data(text.utf8))
        #expect(file.byteOrderMark && !file.windows1252 && file.separator == ";" && file.lineBreak == "\r\n")
        #expect(file.columns == ["id", "name", "participants"] && file.records.map(\.line) == [1, 3, 5])
        #expect(file.records[1].fields == ["a", "Zwei\nZeilen; mit Semikolon", "3"])
        #expect(file.data(file.records.map(\.text)) == Data(text.utf8))
        let changed = file.data([file.records[0].text, file.records[1].text, file.line(["b", "B; C", "5"])])
        #expect(changed == Data("\u{FEFF}id;name;participants\r\n\r\na;\"Zwei\r\nZeilen; mit Semikolon\";3\r\nb;\"B; C\";5\r\n".utf8))
    }
}

/// A ZIP with stored (uncompressed) entries: enough for a small `.xlsx` in a test.
enum StoredZip {
    static func workbook(_ rows: [[String]]) -> Data {
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let sheetRows = rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().map { c, text in
                "<c r=\"\(Character(UnicodeScalar(UInt8(65 + c))))\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        return make([("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook \(ns)><sheets><sheet name=\"Tabelle1\" sheetId=\"1\"/></sheets></workbook>"),
                     ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet \(ns)><sheetData>\(sheetRows)</sheetData></worksheet>")])
    }

    static func make(_ entries: [(String, String)]) -> Data {
        var out = Data(), central = Data()
        func u16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        func u32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        for (name, text) in entries {
            let data = Data(text.utf8), nameData = Data(name.utf8), crc = crc32(data), offset = UInt32(out.count)
            let common = u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21) + u32(crc) + u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(nameData.count) + u16(0)
            out += u32(0x0403_4b50) + common + nameData + data
            central += u32(0x0201_4b50) + u16(20) + common + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + nameData
        }
        let start = UInt32(out.count)
        out += central + u32(0x0605_4b50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(UInt32(central.count)) + u32(start) + u16(0)
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
