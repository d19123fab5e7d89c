/// Days written compactly for explanations: runs of consecutive days as `a..b`.
enum DayRanges {
    /// "2027-02-01..2027-02-14, 2027-03-05", at most `limit` runs, then "and N more".
    static func text(_ days: some Sequence<Day>, limit: Int = 6) -> String {
        let runs = self.runs(days)
        var parts = runs.prefix(limit).map { $0.lowerBound == $0.upperBound ? $0.lowerBound.iso : "\($0.lowerBound.iso)..\($0.upperBound.iso)" }
        if runs.count > limit { parts.append("and \(runs.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    /// Consecutive days merged into ranges, ascending.
    static func runs(_ days: some Sequence<Day>) -> [ClosedRange<Day>] {
        var result: [ClosedRange<Day>] = []
        for day in Set(days).sorted() {
            if let last = result.last, last.upperBound.advanced(by: 1) == day {
                result[result.count - 1] = last.lowerBound...day
            } else {
                result.append(day...day)
            }
        }
        return result
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
