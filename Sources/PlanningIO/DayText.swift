import Planning

/// Dates and date ranges written as text: `2027-03-05` and `2027-02-01..2027-02-14` (inclusive).
enum DayText {
    static func day(_ text: String, at location: SourceLocation, _ log: inout ProblemLog) -> Day? {
        let trimmed = text.trimmingSpaces
        guard let day = Day(iso: trimmed) else {
            log.add("'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-05", at: location)
            return nil
        }
        return day
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
