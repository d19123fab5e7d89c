import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first sheet of an `.xlsx` workbook (Office Open XML: a ZIP of XML parts), as rows of cell
/// texts: shared and inline strings as they are, numbers as Excel stores them (`51.90693`), and
/// cells formatted as dates as `2027-02-01`.
struct XlsxSheet {
    var name: String
    /// Non-empty rows, by 1-based row number; cells by 1-based column number.
    var rows: [(row: Int, cells: [Int: String])]

    struct Failure: Error { var message: String }

    /// The largest part read from a workbook: a request list is far smaller; a ZIP bomb is not.
    static let largestPart = 64 << 20

    static func read(_ data: Data) throws -> XlsxSheet {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(message: "the file is not an Excel workbook (.xlsx); save it in Excel as \"Excel-Arbeitsmappe (*.xlsx)\" or as CSV")
        }
        func part(_ path: String) throws -> XlsxNode? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= largestPart else { throw Failure(message: "the workbook part \(path) is larger than 64 MB; this is no request list") }
            var bytes = Data()
            do { _ = try archive.extract(entry) { bytes.append($0) } } catch {
                throw Failure(message: "the workbook part \(path) cannot be unpacked (\(error)); save the file again in Excel")
            }
            guard let root = XlsxNode.parse(bytes) else { throw Failure(message: "the workbook part \(path) is not well-formed XML; save the file again in Excel") }
            return root
        }
        guard let workbook = try part("xl/workbook.xml"),
              let sheet = workbook.first("sheets")?.children.first(where: { $0.name == "sheet" }) else {
            throw Failure(message: "the workbook has no sheet; put the requests on its first sheet")
        }
        let name = sheet.attributes["name"] ?? "1"
        var target = "xl/worksheets/sheet1.xml"
        if let id = sheet.attributes["r:id"], let rels = try part("xl/_rels/workbook.xml.rels"),
           let relation = rels.children.first(where: { $0.attributes["Id"] == id }), let path = relation.attributes["Target"] {
            target = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
        }
        guard let worksheet = try part(target) else { throw Failure(message: "the workbook's first sheet '\(name)' is missing (\(target)); save the file again in Excel") }
        let strings = try part("xl/sharedStrings.xml").map { $0.children.filter { $0.name == "si" }.map(\.allText) } ?? []
        let dateStyles = try part("xl/styles.xml").map(Self.dateStyles) ?? []

        var rows: [(row: Int, cells: [Int: String])] = []
        var nextRow = 1
        for row in worksheet.first("sheetData")?.children.filter({ $0.name == "row" }) ?? [] {
            let number = row.attributes["r"].flatMap(Int.init) ?? nextRow
            nextRow = number + 1
            var cells: [Int: String] = [:]
            var nextColumn = 1
            for cell in row.children where cell.name == "c" {
                let column = cell.attributes["r"].flatMap(Self.column) ?? nextColumn
                nextColumn = column + 1
                let value = cell.first("v")?.allText ?? ""
                var text: String
                switch cell.attributes["t"] {
                case "s": text = Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
                case "inlineStr": text = cell.first("is")?.allText ?? ""
                case "b": text = value == "1" ? "true" : "false"
                default:
                    text = value
                    if let style = cell.attributes["s"].flatMap(Int.init), dateStyles.contains(style), let serial = Double(value) {
                        text = Self.isoDate(serial: serial)
                    }
                }
                if !text.isEmpty { cells[column] = text }
            }
            if !cells.isEmpty { rows.append((number, cells)) }
        }
        return XlsxSheet(name: name, rows: rows)
    }

    /// The rows as CSV records: every row as wide as the header row (or its own last cell), empty
    /// cells as empty fields, each field at its row and column.
    var document: CSVDocument {
        let width = rows.first?.cells.keys.max() ?? 0
        return CSVDocument(records: rows.map { row in
            let last = max(width, row.cells.keys.max() ?? 0)
            return CSVRecord(line: row.row, fields: (1...max(last, 1)).map { CSVField(text: row.cells[$0] ?? "", line: row.row, column: $0) })
        })
    }

    /// `B12` → 2.
    static func column(_ reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard let letter = Character(scalar).asciiValue, (65...90).contains(letter) else { break }
            column = column * 26 + Int(letter - 64)
        }
        return column > 0 ? column : nil
    }

    /// A serial day of Excel's 1900 date system (day 1 = 1900-01-01, with its phantom 29 Feb 1900).
    static func isoDate(serial: Double) -> String {
        var components = DateComponents()
        components.year = 1899; components.month = 12; components.day = 30
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let origin = calendar.date(from: components)!
        let date = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: origin)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The cell styles (indices into `cellXfs`) whose number format shows a date.
    static func dateStyles(_ styles: XlsxNode) -> Set<Int> {
        var dateFormats = Set([14, 15, 16, 17, 22, 27, 30, 36, 50, 57])
        for format in styles.first("numFmts")?.children ?? [] {
            guard let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] else { continue }
            // Quoted text and [colour]/[$-407] parts do not make a date; d, m or y outside them do.
            let bare = code.replacingOccurrences(of: #""[^"]*"|\[[^\]]*\]"#, with: "", options: .regularExpression).lowercased()
            if bare.contains(where: { "dy".contains($0) }) || (bare.contains("m") && !bare.contains("h") && !bare.contains("s")) {
                dateFormats.insert(id)
            }
        }
        let formats = styles.first("cellXfs")?.children.filter { $0.name == "xf" } ?? []
        return Set(formats.indices.filter { formats[$0].attributes["numFmtId"].flatMap(Int.init).map(dateFormats.contains) ?? false })
    }
}

/// A small XML tree: enough for the parts of a workbook.
final class XlsxNode {
    let name: String
    let attributes: [String: String]
    var children: [XlsxNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first child named `name`.
    func first(_ name: String) -> XlsxNode? { children.first { $0.name == name } }

    /// The text of `<t>` elements below, in order (a rich-text string is several runs); phonetic
    /// runs (`rPh`) are left out.
    var allText: String {
        if name == "t" || name == "v" { return text }
        return children.filter { $0.name != "rPh" }.map(\.allText).joined()
    }

    static func parse(_ data: Data) -> XlsxNode? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XlsxNode?
        var stack: [XlsxNode] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let element = XlsxNode(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
