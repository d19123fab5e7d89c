import Foundation
import Testing
@testable import Planning

@Suite struct DayTests {
    @Test(arguments: ["1970-01-01", "1969-12-31", "1900-01-01", "2000-02-29", "2024-02-29", "2027-01-01",
                      "2027-12-31", "2028-02-29", "2028-12-31", "2099-06-15"])
    func isoRoundTrip(iso: String) throws {
        let day = try #require(Day(iso: iso))
        #expect(day.iso == iso)
        #expect(day.description == iso)
        #expect(Day(ordinal: day.ordinal) == day)
        let c = day.components
        #expect(Day(year: c.year, month: c.month, day: c.day) == day)
    }

    @Test func knownOrdinals() {
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        #expect(Day(iso: "1969-12-31")!.ordinal == -1)
        #expect(Day(iso: "2000-01-01")!.ordinal == 10957)
        #expect(Day(iso: "2027-01-01")!.ordinal == 20819)
        #expect(Day(iso: "1900-01-01")!.ordinal == -25567)
    }

    @Test func everyDayOfSeveralYearsRoundTrips() {
        var day = Day(iso: "2023-12-25")!
        var previous = day.advanced(by: -1)
        while day <= Day(iso: "2029-01-05")! {
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == day)
            #expect(Day(iso: day.iso) == day)
            #expect(previous.distance(to: day) == 1)
            previous = day
            day = day.advanced(by: 1)
        }
    }

    @Test(arguments: ["2027-02-29", "2028-02-30", "2027-13-01", "2027-00-10", "2027-04-31", "2027-01-00",
                      "2027-1-01", "27-01-01", "2027/01/01", "2027-01-01T00:00", "", "abcd-ef-gh", "2027-01"])
    func invalidDatesRejected(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func invalidComponentsRejected() {
        #expect(Day(year: 2027, month: 2, day: 29) == nil)
        #expect(Day(year: 2028, month: 2, day: 30) == nil)
        #expect(Day(year: 2027, month: 13, day: 1) == nil)
        #expect(Day(year: 2027, month: 0, day: 1) == nil)
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("1969-12-31", 3), ("2000-01-01", 6), ("1900-01-01", 1), ("2024-02-29", 4),
        ("2027-01-01", 5), ("2027-01-06", 3), ("2027-12-23", 4), ("2028-01-01", 6), ("2028-01-02", 7),
        ("2028-01-03", 1), ("2028-02-29", 2),
    ])
    func weekday(iso: String, expected: Int) {
        let day = Day(iso: iso)!
        #expect(day.weekday == expected)
        #expect(day.isWeekend == (expected >= 6))
    }

    @Test func leapYears() {
        #expect(Day.isLeapYear(2024))
        #expect(Day.isLeapYear(2028))
        #expect(Day.isLeapYear(2000))
        #expect(!Day.isLeapYear(1900))
        #expect(!Day.isLeapYear(2100))
        #expect(!Day.isLeapYear(2027))
        #expect(Day.daysInMonth(year: 2028, month: 2) == 29)
        #expect(Day.daysInMonth(year: 2027, month: 2) == 28)
        #expect(Day.daysInMonth(year: 2027, month: 4) == 30)
        #expect(Day.daysInMonth(year: 2027, month: 12) == 31)
        // Day counts of whole years.
        #expect(Day(iso: "2028-01-01")!.distance(to: Day(iso: "2029-01-01")!) == 366)
        #expect(Day(iso: "2027-01-01")!.distance(to: Day(iso: "2028-01-01")!) == 365)
        #expect(Day(iso: "2028-02-28")!.advanced(by: 1).iso == "2028-02-29")
        #expect(Day(iso: "2027-02-28")!.advanced(by: 1).iso == "2027-03-01")
    }

    @Test func monthKey() {
        let jan = Day(iso: "2027-01-01")!, jan31 = Day(iso: "2027-01-31")!
        let dec = Day(iso: "2027-12-31")!, next = Day(iso: "2028-01-01")!
        #expect(jan.monthKey == 2027 * 12)
        #expect(jan.monthKey == jan31.monthKey)
        #expect(dec.monthKey == 2027 * 12 + 11)
        #expect(next.monthKey == dec.monthKey + 1)
        #expect(Day(iso: "2027-02-01")!.monthKey == jan.monthKey + 1)
        #expect(jan.year == 2027 && jan.month == 1)
        #expect(dec.month == 12)
    }

    @Test func ordering() {
        #expect(Day(iso: "2027-01-01")! < Day(iso: "2027-01-02")!)
        #expect(Day(iso: "2026-12-31")! < Day(iso: "2027-01-01")!)
        #expect(Day(iso: "2027-03-01")!.distance(to: Day(iso: "2027-03-29")!) == 28)
    }

    @Test func codableUsesISO() throws {
        let day = Day(iso: "2027-05-06")!
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2027-05-06\"]")
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data("[\"2027-02-29\"]".utf8))
        }
    }

    @Test func monthDay() {
        #expect(MonthDay(text: "12-24") == MonthDay(month: 12, day: 24))
        #expect(MonthDay(text: "12-24")?.description == "12-24")
        #expect(MonthDay(text: "01-01")?.description == "01-01")
        #expect(MonthDay(month: 2, day: 29) != nil)
        #expect(MonthDay(month: 2, day: 30) == nil)
        #expect(MonthDay(month: 13, day: 1) == nil)
        #expect(MonthDay(text: "1224") == nil)
    }
}
