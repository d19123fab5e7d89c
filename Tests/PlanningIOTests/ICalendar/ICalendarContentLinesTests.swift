import Foundation
import Testing
@testable import PlanningIO

@Suite struct ICalendarContentLinesTests {
    /// The physical lines of one folded line, without their CRLF.
    func physical(_ folded: [UInt8]) -> [[UInt8]] { ICSInspector.physicalLines(folded) }

    /// Every rule of §3.1 for one folded line, and that unfolding gives the line back.
    func expectWellFolded(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let folded = ContentLines.fold(line)
        #expect(folded.suffix(2) == [0x0D, 0x0A], "ends in CRLF", sourceLocation: sourceLocation)
        let lines = physical(folded)
        for (n, physicalLine) in lines.enumerated() {
            #expect(physicalLine.count <= 75, "line \(n) has \(physicalLine.count) octets", sourceLocation: sourceLocation)
            #expect(ICSInspector.isValidUTF8(physicalLine), "line \(n) splits a character", sourceLocation: sourceLocation)
            if n > 0 {
                #expect(physicalLine.first == 0x20, "continuation \(n) starts with a space", sourceLocation: sourceLocation)
                #expect(physicalLine.count > 1, "continuation \(n) holds something", sourceLocation: sourceLocation)
            }
            // No premature fold: the next character would not have fitted.
            if n + 1 < lines.count {
                let next = lines[n + 1].dropFirst()
                let width = next.first.map { b -> Int in b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 } ?? 0
                #expect(physicalLine.count + width > 75, "line \(n) folded early at \(physicalLine.count) octets",
                        sourceLocation: sourceLocation)
            }
        }
        let unfolded = ICSInspector.unfold(folded)
        #expect(Array(unfolded.dropLast(2)) == Array(line.utf8), "unfolding returns the line", sourceLocation: sourceLocation)
        #expect(!unfolded.dropLast(2).contains(0x0D) && !unfolded.dropLast(2).contains(0x0A), sourceLocation: sourceLocation)
    }

    @Test func shortLinesStayWhole() {
        #expect(ContentLines.fold("VERSION:2.0") == Array("VERSION:2.0\r\n".utf8))
        let exactly75 = "DESCRIPTION:" + String(repeating: "x", count: 63)
        #expect(exactly75.utf8.count == 75)
        #expect(physical(ContentLines.fold(exactly75)).count == 1)
        let just76 = exactly75 + "y"
        #expect(physical(ContentLines.fold(just76)).map(\.count) == [75, 2])
        expectWellFolded(just76)
        #expect(ContentLines.fold("") == [0x0D, 0x0A])
    }

    /// "ü" and "ı" (2 octets), "–" and "€" (3), "🙂" (4) at every position around the 75-octet
    /// boundary of the first line and of the continuation lines.
    @Test(arguments: ["ü", "ı", "–", "€", "🙂"])
    func multiByteCharactersAtTheBoundaryStayWhole(_ character: String) {
        for prefix in 60...80 {
            let line = "SUMMARY:" + String(repeating: "a", count: prefix - 8) + character + "b" + String(repeating: character, count: 80)
            expectWellFolded(line)
        }
        // Right at the boundary: the character would take octets 75 and 76 (and more).
        for width in 1...character.utf8.count {
            let line = "X:" + String(repeating: "a", count: 75 - width - 2) + character + "tail"
            let lines = physical(ContentLines.fold(line))
            #expect(lines.count == 2)
            expectWellFolded(line)
            // The character is never split: it either fits whole on the first line or opens the second.
            #expect(lines[0].count == (width == character.utf8.count ? 75 : 75 - width))
        }
        // On continuation lines (74 octets after the space).
        for offset in 0..<8 {
            let line = String(repeating: "c", count: 75 + 74 - 2 - offset) + String(repeating: character, count: 40)
            expectWellFolded(line)
        }
    }

    @Test func aLongGermanDescriptionFoldsAndUnfolds() {
        let text = "Integrationsworkshop, Tag 1 von 2 – Stadt Gütersloh (Nordrhein-Westfalen)\nDienstag, 09.02.2027, 09:00–17:00 Uhr\n"
            + "Trainer:innen: Anna Müller und Deniz Yılmaz\nKostenschätzung des Pakets: Honorar 6.000,00 €, gesamt 6.962,40 €"
        let line = "DESCRIPTION:" + ContentLines.escapeText(text)
        expectWellFolded(line)
        let folded = ContentLines.fold(line)
        #expect(physical(folded).count > 3)
        let unfolded = String(decoding: ICSInspector.unfold(folded).dropLast(2), as: UTF8.self)
        #expect(ICSInspector.unescape(String(unfolded.dropFirst("DESCRIPTION:".count))) == text)
    }

    @Test func renderTerminatesEveryLineWithCRLF() {
        let data = ContentLines.render(["BEGIN:VCALENDAR", "X:" + String(repeating: "ü", count: 100), "END:VCALENDAR"])
        let bytes = Array(data)
        for (i, byte) in bytes.enumerated() where byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for (i, byte) in bytes.enumerated() where byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        #expect(ICSInspector.physicalLines(bytes).allSatisfy { $0.count <= 75 && ICSInspector.isValidUTF8($0) })
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("BEGIN:VCALENDAR\r\nX:"))
        #expect(String(decoding: data, as: UTF8.self).hasSuffix("\r\nEND:VCALENDAR\r\n"))
    }

    @Test func escapesBackslashSemicolonCommaAndNewlines() {
        #expect(ContentLines.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ContentLines.escapeText("eins\nzwei\r\ndrei\rvier") == #"eins\nzwei\ndrei\nvier"#)
        #expect(ContentLines.escapeText("Uhrzeit: 09:00") == "Uhrzeit: 09:00")   // a colon needs no escape
        #expect(ContentLines.escapeText(#"\n"#) == #"\\n"#)                        // a literal backslash-n stays literal
        #expect(ContentLines.escapeText("Stiftung – Programmbüro") == "Stiftung – Programmbüro")
        for text in [#"a\b;c,d"#, "x\ny", #"\\;;,,\n"#, "Kiel (Rathaus, Saal 2; Eingang B)"] {
            #expect(ICSInspector.unescape(ContentLines.escapeText(text)) == text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    @Test func quotesParameterValues() {
        #expect(ContentLines.quotedParameter("Stiftung – Programmbüro") == "\"Stiftung – Programmbüro\"")
        #expect(ContentLines.quotedParameter("Müller; Yılmaz: \"Team\", Nord") == "\"Müller; Yılmaz: Team, Nord\"")
        #expect(ContentLines.quotedParameter("zwei\nZeilen") == "\"zweiZeilen\"")
        let property = ICSInspector.property("ORGANIZER;CN=" + ContentLines.quotedParameter("A; B: C") + ":mailto:x@example.org")
        #expect(property == .init(name: "ORGANIZER", parameters: ["CN": "A; B: C"], value: "mailto:x@example.org"))
    }
}
