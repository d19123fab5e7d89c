/// Statewide public holidays of the German states, computed by rule (SPEC §2).
///
/// Holidays of single towns (Augsburg's Peace Festival) and of parts of a state (Corpus Christi
/// in parts of Saxony and Thuringia) are deliberately left out, as the spec says.
public enum PublicHolidays {
    /// Every statewide public holiday of `state` in `year`, keyed by day, with its German name.
    public static func holidays(in state: GermanState, year: Int) -> [Day: String] {
        var result: [Day: String] = [:]
        func add(_ month: Int, _ day: Int, _ name: String) { result[Day(year: year, month: month, day: day)!] = name }
        let easter = easterSunday(year)
        func addEaster(_ offset: Int, _ name: String) { result[easter.advanced(by: offset)] = name }

        add(1, 1, "Neujahr")
        addEaster(-2, "Karfreitag")
        addEaster(1, "Ostermontag")
        add(5, 1, "Tag der Arbeit")
        addEaster(39, "Christi Himmelfahrt")
        addEaster(50, "Pfingstmontag")
        add(10, 3, "Tag der Deutschen Einheit")
        add(12, 25, "1. Weihnachtstag")
        add(12, 26, "2. Weihnachtstag")

        if [.BW, .BY, .ST].contains(state) { add(1, 6, "Heilige Drei Könige") }
        if state == .BE && year >= 2019 { add(3, 8, "Internationaler Frauentag") }
        if state == .MV && year >= 2023 { add(3, 8, "Internationaler Frauentag") }
        if [.BW, .BY, .HE, .NW, .RP, .SL].contains(state) { addEaster(60, "Fronleichnam") }
        if [.SL, .BY].contains(state) { add(8, 15, "Mariä Himmelfahrt") }
        if state == .TH && year >= 2019 { add(9, 20, "Weltkindertag") }
        if [.BB, .MV, .SN, .ST, .TH].contains(state) || ([.HB, .HH, .NI, .SH].contains(state) && year >= 2018) {
            add(10, 31, "Reformationstag")
        }
        if [.BW, .BY, .NW, .RP, .SL].contains(state) { add(11, 1, "Allerheiligen") }
        if state == .SN { result[repentanceDay(year)] = "Buß- und Bettag" }
        return result
    }

    /// The holiday's name when `day` is a public holiday in `state`.
    public static func name(of day: Day, in state: GermanState) -> String? {
        holidays(in: state, year: day.year)[day]
    }

    /// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// Buß- und Bettag: the Wednesday before 23 November (i.e. 16–22 November).
    public static func repentanceDay(_ year: Int) -> Day {
        let nov22 = Day(year: year, month: 11, day: 22)!
        // Step back from 22 November to the nearest Wednesday (weekday 3) at or before it.
        return nov22.advanced(by: -((nov22.weekday - 3 + 7) % 7))
    }
}
