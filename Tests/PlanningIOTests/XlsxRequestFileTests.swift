import Foundation
import Planning
@testable import PlanningIO
import Testing
import ZIPFoundation

/// `municipalities: requests.xlsx`: the first sheet, the same columns, real date cells.
struct XlsxRequestFileTests {
    /// A workbook as Excel writes one: shared strings, numbers, dates as serial days in a date style.
    static func workbook(_ rows: [[String]], sheet: String = "Tabelle1", dateColumns: Set<Int> = []) throws -> Data {
        var strings: [String] = []
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var sheetRows = ""
        for (r, row) in rows.enumerated() {
            sheetRows += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() where !text.isEmpty {
                let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r + 1)
                if r > 0, dateColumns.contains(c), let day = Day(iso: text) {
                    let serial = Day(iso: "1899-12-30")!.distance(to: day)
                    sheetRows += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
                } else if r > 0, Double(text) != nil {
                    sheetRows += "<c r=\"\(ref)\"><v>\(text)</v></c>"
                } else {
                    strings.append(text)
                    sheetRows += "<c r=\"\(ref)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
                }
            }
            sheetRows += "</row>"
        }
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let parts = [
            "xl/workbook.xml": "<?xml version=\"1.0\"?><workbook \(ns) xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"\(sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/styles.xml": "<?xml version=\"1.0\"?><styleSheet \(ns)><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
            "xl/sharedStrings.xml": "<?xml version=\"1.0\"?><sst \(ns)>" + strings.map { "<si><t>\(xml($0))</t></si>" }.joined() + "</sst>",
            "xl/worksheets/sheet1.xml": "<?xml version=\"1.0\"?><worksheet \(ns)><sheetData>\(sheetRows)</sheetData></worksheet>",
        ]
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// The bundled Q1 requests as a workbook (dates as date cells): the same requests as requests.csv.
    @Test func theBundledRequestsAsAWorkbookReadTheSame() throws {
        let original = try Data(contentsOf: ExcelRequestFileTests.repository.appendingPathComponent("Scenarios/requests.csv"))
        let rows = CSVReader.read(String(decoding: original, as: UTF8.self)).records.map { $0.fields.map(\.text) }
        let dates = Set(["earliest", "latest"].compactMap { rows[0].firstIndex(of: $0) })
        let expected = try ExcelRequestFileTests.q1Requests(original)
        let fromWorkbook = try ExcelRequestFileTests.q1Requests(Self.workbook(rows, dateColumns: dates), as: "requests.xlsx")
        #expect(fromWorkbook.count == rows.count - 1)
        #expect(fromWorkbook == expected)
    }

    /// Errors name the sheet, the row and the column.
    @Test func errorsNameSheetRowAndColumn() throws {
        let rows = [["id", "name", "participants"], ["koeln", "Köln", "12"], ["bonn", "Bonn", "viele"]]
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario(municipalities: "requests.xlsx")])
        try Self.workbook(rows, sheet: "Anfragen").write(to: folder.url.appendingPathComponent("requests.xlsx"))
        let problems = folder.problems()
        let bad = try #require(problems.first { $0.file.hasSuffix("requests.xlsx[Anfragen]") }, "\(problems)")
        #expect(bad.line == 3 && bad.column == 3)
    }

    @Test func aFileThatIsNoWorkbookIsExplained() throws {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario(municipalities: "requests.xlsx"),
                                         "requests.xlsx": "id,name,participants\n"])
        #expect(folder.problems().contains { $0.message.contains("not an Excel workbook") })
    }

    @Test func serialDaysAndColumnLetters() {
        // Excel: =DATE(2027;2;1) is 46419, =DATE(2025;1;1) is 45658.
        #expect(XlsxSheet.isoDate(serial: 46419) == "2027-02-01")
        #expect(XlsxSheet.isoDate(serial: 45658) == "2025-01-01")
        #expect(XlsxSheet.column("AB12") == 28)
    }
}
