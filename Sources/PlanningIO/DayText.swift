import Planning

/// Dates and date ranges written as text: `2027-03-05` and `2027-02-01..2027-02-14` (inclusive).
enum DayText {
    /// The years a date of a scenario may lie in: anything else is a typo (`2207` for `2027`), and
    /// the calendar, day sets and holiday tables stay small.
    static let years = 2000...2199
    /// The longest range `a..b` taken (ten years): a longer one is a typo in a year.
    static let longestRangeDays = 3660

    static func day(_ text: String, at location: SourceLocation, _ log: inout ProblemLog) -> Day? {
        let trimmed = text.trimmingSpaces
        guard let day = Day(iso: trimmed) else {
            log.add(impossibleDateMessage(trimmed) ?? "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-05", at: location)
            return nil
        }
        guard years.contains(day.year) else {
            log.add("the date \(trimmed) lies outside the years \(years.lowerBound)–\(years.upperBound); check the year", at: location)
            return nil
        }
        return day
    }

    /// "2027-02-30 does not exist: February 2027 has 28 days" for a well-formed but impossible date.
    private static func impossibleDateMessage(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil else { return nil }
        guard (1...12).contains(month) else {
            return "'\(text)' is not a date: there is no month \(parts[1]); write it as YYYY-MM-DD, e.g. 2027-03-05"
        }
        return "'\(text)' is not a date: that month has \(Day.daysInMonth(year: year, month: month)) days; check the day"
    }

    /// A single day or an inclusive range `a..b`; nil (and a logged problem) when malformed or reversed.
    static func dayOrRange(_ text: String, at location: SourceLocation, _ log: inout ProblemLog) -> ClosedRange<Day>? {
        let trimmed = text.trimmingSpaces
        guard let separator = trimmed.range(of: "..") else {
            return day(trimmed, at: location, &log).map { $0...$0 }
        }
        let firstText = String(trimmed[..<separator.lowerBound]), lastText = String(trimmed[separator.upperBound...])
        let first = day(firstText, at: location, &log), last = day(lastText, at: location, &log)
        guard let first, let last else { return nil }
        guard first <= last else {
            log.add("the range \(trimmed) ends before it begins; write the earlier date first", at: location)
            return nil
        }
        guard first.distance(to: last) <= longestRangeDays else {
            log.add("the range \(trimmed) spans more than ten years; check the years", at: location)
            return nil
        }
        return first...last
    }

    /// The days of several days and ranges.
    static func days(_ items: [(text: String, location: SourceLocation)], _ log: inout ProblemLog) -> Set<Day> {
        var days = Set<Day>()
        for item in items {
            if let range = dayOrRange(item.text, at: item.location, &log) { days.formUnion(range) }
        }
        return days
    }
}
