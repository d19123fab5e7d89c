import Testing
@testable import Planning

@Suite struct WorkingCalendarTests {
    static func d(_ iso: String) -> Day { Day(iso: iso)! }
    static let calendar = WorkingCalendar(rules: Rules(), years: 2026...2029)

    @Test func weekendsAreNotWorkingDays() {
        let cal = Self.calendar
        // 2027-03-06 Saturday, 2027-03-07 Sunday, 2027-03-08 Monday (not BE/MV).
        #expect(!cal.isWorkingDay(Self.d("2027-03-06"), state: .NW))
        #expect(cal.reasonNotWorking(Self.d("2027-03-06"), state: .NW) == .saturday)
        #expect(!cal.isWorkingDay(Self.d("2027-03-07"), state: .NW))
        #expect(cal.reasonNotWorking(Self.d("2027-03-07"), state: .NW) == .sunday)
        #expect(cal.isWorkingDay(Self.d("2027-03-05"), state: .NW))
        #expect(cal.isWorkingDay(Self.d("2027-03-08"), state: .NW))
        #expect(!cal.isWorkingDay(Self.d("2027-03-08"), state: .BE))
    }

    @Test func holidayInOneStateButNotAnother() throws {
        let cal = Self.calendar
        // Epiphany 2027 (Wednesday): BY yes, NW no.
        #expect(!cal.isWorkingDay(Self.d("2027-01-06"), state: .BY))
        #expect(cal.reasonNotWorking(Self.d("2027-01-06"), state: .BY) == .publicHoliday(name: "Heilige Drei Könige", state: .BY))
        #expect(cal.isWorkingDay(Self.d("2027-01-06"), state: .NW))
        // All Saints' 2027 (Monday): NW yes, NI no.
        #expect(!cal.isWorkingDay(Self.d("2027-11-01"), state: .NW))
        #expect(cal.isWorkingDay(Self.d("2027-11-01"), state: .NI))
        // Repentance Day 2027 (Wednesday 17 Nov): SN only.
        #expect(!cal.isWorkingDay(Self.d("2027-11-17"), state: .SN))
        #expect(cal.isWorkingDay(Self.d("2027-11-17"), state: .TH))
        // Corpus Christi 2028 (Thursday 15 Jun): HE yes, NI no.
        #expect(!cal.isWorkingDay(Self.d("2028-06-15"), state: .HE))
        #expect(cal.isWorkingDay(Self.d("2028-06-15"), state: .NI))
        // Good Friday everywhere.
        for state in GermanState.allCases {
            #expect(!cal.isWorkingDay(Self.d("2027-03-26"), state: state), "\(state)")
        }
    }

    @Test func holidaysOutsideCachedYearsStillCount() {
        let cal = WorkingCalendar(rules: Rules(), years: 2027...2027)
        // 2031-10-03 is a Friday; the year is not cached.
        #expect(cal.publicHoliday(Self.d("2031-10-03"), state: .BW) != nil)
        #expect(!cal.isWorkingDay(Self.d("2031-10-03"), state: .BW))
    }

    @Test func officeClosureWrapsOverNewYear() {
        let cal = Self.calendar
        #expect(cal.isWorkingDay(Self.d("2027-12-23"), state: .NW))      // Thursday
        #expect(!cal.isOfficeClosure(Self.d("2027-12-23")))
        #expect(!cal.isWorkingDay(Self.d("2027-12-24"), state: .NW))     // Friday
        #expect(cal.reasonNotWorking(Self.d("2027-12-24"), state: .NW) == .officeClosure)
        #expect(cal.isOfficeClosure(Self.d("2027-12-24")))
        #expect(cal.isOfficeClosure(Self.d("2027-12-27")))
        #expect(!cal.isWorkingDay(Self.d("2027-12-27"), state: .NW))     // Monday
        #expect(!cal.isWorkingDay(Self.d("2027-12-31"), state: .NW))     // Friday
        #expect(cal.reasonNotWorking(Self.d("2027-12-31"), state: .NW) == .officeClosure)
        #expect(cal.isOfficeClosure(Self.d("2028-01-01")))
        #expect(!cal.isWorkingDay(Self.d("2028-01-01"), state: .NW))
        #expect(!cal.isOfficeClosure(Self.d("2028-01-02")))
        #expect(cal.isWorkingDay(Self.d("2028-01-03"), state: .NW))      // Monday
        // 2029-01-01 is a Monday: New Year, inside the closure; 2029-01-02 working.
        #expect(!cal.isWorkingDay(Self.d("2029-01-01"), state: .NW))
        #expect(cal.isWorkingDay(Self.d("2029-01-02"), state: .NW))
    }

    @Test func officeClosureCanBeSwitchedOffOrNonWrapping() {
        var rules = Rules()
        rules.officeClosure = nil
        let open = WorkingCalendar(rules: rules, years: 2027...2028)
        #expect(open.isWorkingDay(Self.d("2027-12-27"), state: .NW))
        #expect(!open.isOfficeClosure(Self.d("2027-12-31")))

        rules.officeClosure = (MonthDay(month: 8, day: 2)!, MonthDay(month: 8, day: 13)!)
        let summer = WorkingCalendar(rules: rules, years: 2027...2028)
        #expect(summer.isWorkingDay(Self.d("2027-07-30"), state: .NW))
        #expect(!summer.isWorkingDay(Self.d("2027-08-02"), state: .NW))
        #expect(!summer.isWorkingDay(Self.d("2027-08-13"), state: .NW))
        #expect(summer.isWorkingDay(Self.d("2027-08-16"), state: .NW))
        #expect(summer.isWorkingDay(Self.d("2027-12-27"), state: .NW))
    }

    @Test func blackoutDays() {
        let cal = Self.calendar
        let blackout: Set<Day> = [Self.d("2027-03-10"), Self.d("2027-03-11")]
        #expect(cal.isWorkingDay(Self.d("2027-03-10"), state: .HE))
        #expect(!cal.isWorkingDay(Self.d("2027-03-10"), state: .HE, blackout: blackout))
        #expect(cal.reasonNotWorking(Self.d("2027-03-11"), state: .HE, blackout: blackout)
                == .blackout)
        #expect(cal.isWorkingDay(Self.d("2027-03-12"), state: .HE, blackout: blackout))
    }

    @Test func schoolHolidaysOnlyWhenSwitchedOn() throws {
        let breaks: [GermanState: [SchoolHoliday]] = [
            .NW: [SchoolHoliday(first: Self.d("2027-07-19"), last: Self.d("2027-08-31"), name: "Sommerferien"),
                  SchoolHoliday(first: Self.d("2027-10-11"), last: Self.d("2027-10-23"), name: "Herbstferien")],
        ]
        let off = WorkingCalendar(rules: Rules(), schoolHolidays: breaks, years: 2027...2027)
        #expect(off.isWorkingDay(Self.d("2027-07-21"), state: .NW))
        #expect(off.schoolHoliday(Self.d("2027-07-21"), state: .NW) == nil)

        var rules = Rules()
        rules.avoidSchoolHolidays = true
        let on = WorkingCalendar(rules: rules, schoolHolidays: breaks, years: 2027...2027)
        #expect(on.isWorkingDay(Self.d("2027-07-16"), state: .NW))       // Friday before
        #expect(!on.isWorkingDay(Self.d("2027-07-19"), state: .NW))      // first day
        #expect(!on.isWorkingDay(Self.d("2027-08-31"), state: .NW))      // last day (Tuesday)
        #expect(on.isWorkingDay(Self.d("2027-09-01"), state: .NW))
        #expect(!on.isWorkingDay(Self.d("2027-10-15"), state: .NW))
        #expect(on.reasonNotWorking(Self.d("2027-10-15"), state: .NW) == .schoolHoliday(name: "Herbstferien", state: .NW))
        #expect(on.schoolHoliday(Self.d("2027-07-21"), state: .NW)?.name == "Sommerferien")
        // Another state without breaks is unaffected.
        #expect(on.isWorkingDay(Self.d("2027-07-21"), state: .NI))
    }
}
