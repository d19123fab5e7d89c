import Foundation
import Planning
@testable import PlanningIO
import Testing
import CSVTestSupport

/// costs.csv and calendar.csv in both dialects.
struct CostsCSVTests {
    typealias F = ICalendarFixture

    /// Kiel with trips whose rounded amounts do not add up to the rounded travel (the cent case).
    static var kielWithTrips: PlannedPackage {
        var kiel = F.kiel
        let trips = [("nowak", EventKind.preparation, 10.004), ("nowak", .workshop, 10.004), ("nowak", .followup, 10.004),
                     ("yilmaz", .preparation, 333.333), ("yilmaz", .workshop, 433.333), ("yilmaz", .followup, 333.333)]
        kiel.costs.travelItems = trips.map { trainer, event, cost in
            TravelItem(trainer: trainer, event: event, km: 333.3, roundTrips: 1, hotelNights: event == .workshop ? 2 : 1,
                       cost: (cost * 100).rounded() / 100)
        }
        kiel.costs.travel = ((trips.reduce(0) { $0 + $1.2 }) * 100).rounded() / 100   // 1130.01
        kiel.costs.total = kiel.costs.fee + kiel.costs.materials + kiel.costs.travel
        return kiel
    }

    var plan: Plan {
        F.plan([F.guetersloh, Self.kielWithTrips],
               unscheduled: [UnscheduledRequest(municipality: "jena", name: "Stadt Jena; Thüringen",
                                                reasons: ["R5: every allowed pair is booked on all 14 \"possible\" days", "second"])])
    }

    @Test func excelGermanHasBomSemicolonsDecimalCommaAndCRLF() throws {
        let data = CostsCSV.render(plan, dialect: .excelGerman)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Kommune;Name;Land;Status;Trainer/innen;Vorbereitung;Workshop;Nachbereitung;"))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = try GermanExcelCSV.read(data)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == CostsCSV.columns.count })
        #expect(rows[2][CostsCSV.header(.excelGerman).firstIndex(of: "Reisekosten")!] == "1130,01")
        #expect(rows[2][CostsCSV.header(.excelGerman).firstIndex(of: "Gesamt")!] == "7255,01")
    }

    @Test func plainHasNoBomCommasAndDecimalPoint() throws {
        let data = CostsCSV.render(plan, dialect: .plain)
        let text = String(decoding: data, as: UTF8.self)
        #expect(data.first == UInt8(ascii: "m"))
        #expect(text.hasPrefix("municipality,name,state,status,trainers,"))
        let rows = try GermanExcelCSV.split(text, separator: ",")
        #expect(rows[2][CostsCSV.header(.plain).firstIndex(of: "travel")!] == "1130.01")
        #expect(rows[1][CostsCSV.header(.plain).firstIndex(of: "name")!] == "Stadt Gütersloh")
    }

    /// Each trainer's share is their trips' sum; the rounding cent goes to the second, so the row adds up.
    @Test func travelPerTrainerAddsUpToTravelAndTotalToItsParts() throws {
        let rows = try GermanExcelCSV.read(CostsCSV.render(plan))
        let h = Dictionary(uniqueKeysWithValues: CostsCSV.columns.enumerated().map { ($1.english, $0) })
        let kiel = try #require(rows.first { $0[0] == "kiel" })
        #expect(kiel[h["trainers"]!] == "nowak yilmaz")
        #expect(kiel[h["travel_trainer_1"]!] == "30,00")          // 3 × 10.00
        #expect(kiel[h["travel_trainer_2"]!] == "1100,01")        // 1130.01 − 30.00 (its trips: 1099.99)
        #expect(try GermanExcelCSV.cents(kiel[h["travel_trainer_1"]!]) + GermanExcelCSV.cents(kiel[h["travel_trainer_2"]!])
                == GermanExcelCSV.cents(kiel[h["travel"]!]))
        #expect(try GermanExcelCSV.cents(kiel[h["fee"]!]) + GermanExcelCSV.cents(kiel[h["materials"]!]) + GermanExcelCSV.cents(kiel[h["travel"]!])
                == GermanExcelCSV.cents(kiel[h["total"]!]))
        #expect(kiel[h["hotel_nights"]!] == "8")
        #expect(kiel[h["km"]!] == "3999,6")                       // 6 trips × 2 × 333.3 km
        #expect(kiel[h["status"]!] == "geplant")
        #expect(kiel[h["workshop"]!] == "16.02.2027")
        #expect(kiel[h["state"]!] == "Schleswig-Holstein")
        let pinned = try #require(rows.first { $0[0] == "guetersloh" })
        #expect(pinned[h["status"]!] == "fest gebucht")
    }

    /// Unscheduled requests are listed with their first reason and no amounts; quotes and `;` survive.
    @Test func unscheduledRowsCarryTheReasonAndNoAmounts() throws {
        let rows = try GermanExcelCSV.read(CostsCSV.render(plan))
        let h = Dictionary(uniqueKeysWithValues: CostsCSV.columns.enumerated().map { ($1.english, $0) })
        let jena = try #require(rows.last)
        #expect(jena[0] == "jena")
        #expect(jena[h["name"]!] == "Stadt Jena; Thüringen")
        #expect(jena[h["status"]!] == "nicht geplant")
        #expect(jena[h["reason"]!] == "R5: every allowed pair is booked on all 14 \"possible\" days")
        for column in ["fee", "materials", "travel", "total", "preparation", "trainers"] { #expect(jena[h[column]!] == "") }
    }

    @Test func calendarCSVUsesTheDialect() throws {
        let german = try GermanExcelCSV.read(CalendarCSV.render(plan))
        #expect(german[0] == ["Datum", "Wochentag", "Termin", "Kommune", "Name", "Land", "Trainer/innen", "Ort", "Fest gebucht"])
        #expect(german.contains { $0[3] == "kiel" && $0[1] == "Di" && $0[2] == "Workshop Tag 1" && $0[8] == "nein" })
        #expect(german.count == 1 + 4 * 2)
        #expect(german.contains { $0[3] == "kiel" && $0[7] == "Kiel (Rathaus, Saal 2; Eingang B)" })
        let plain = String(decoding: CalendarCSV.render(plan, dialect: .plain), as: UTF8.self)
        #expect(plain.hasPrefix("date,weekday,kind,municipality,name,state,trainers,place,pinned\r\n"))
        #expect(plain.contains("\"Kiel (Rathaus, Saal 2; Eingang B)\""))
    }

    /// The state of an unscheduled request comes from the scenario: costs.csv keeps it.
    @Test func unscheduledRowsKeepTheirState() throws {
        let rows = try GermanExcelCSV.read(CostsCSV.render(plan, states: ["jena": .TH]))
        #expect(rows.last?[2] == "Thüringen")
        let plain = try GermanExcelCSV.split(String(decoding: CostsCSV.render(plan, dialect: .plain, states: ["jena": .TH]), as: UTF8.self),
                                             separator: ",")
        #expect(plain.last?[2] == "TH" && plain.last?[3] == "unscheduled")
    }

    /// Cells Excel would run as formulas get an apostrophe in the office dialect (OWASP), never in `.plain`.
    @Test func formulaCellsAreNeutralisedForExcel() throws {
        var hostile = Self.kielWithTrips
        hostile.name = "=HYPERLINK(\"http://x\";\"y\")"
        hostile.place = "@SUM(A1)"
        let rows = try GermanExcelCSV.read(CalendarCSV.render(F.plan([hostile])))
        #expect(rows.dropFirst().allSatisfy { $0[4] == "'=HYPERLINK(\"http://x\";\"y\")" && $0[7] == "'@SUM(A1)" })
        for text in ["+1", "-x", "\tA", "\rB"] { #expect(CSVDialect.excelGerman.field(text).contains("'")) }
        #expect(CSVDialect.excelGerman.field("-12,50") == "-12,50")
        #expect(CSVDialect.plain.field("=1+1") == "=1+1")
    }

    @Test func numbersNeverShowMinusZero() {
        #expect(CSVDialect.excelGerman.number(-0.001, decimals: 2) == "0,00")
        #expect(CSVDialect.excelGerman.number(-12.5, decimals: 2) == "-12,50")
        #expect(CSVDialect.plain.number(1234.567, decimals: 1) == "1234.6")
    }
}
