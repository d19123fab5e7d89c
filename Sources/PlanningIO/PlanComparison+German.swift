import Planning

/// The compare table in the office's words (the desk's compare page); `wsplan compare` keeps its
/// English labels and machine keys.
extension PlanComparison.Row {
    /// The German label of the row, by its stable key.
    public var germanMetric: String { Self.germanMetrics[key] ?? metric }

    static let germanMetrics = [
        "scenario": "Szenario", "solver": "Solver (Lücke)", "served": "eingeplante Anfragen", "pinned": "gebuchte Pakete",
        "unscheduled": "nicht eingeplant", "total_eur": "Summe (alle Pakete)", "total_new_eur": "Summe (neue Pakete)",
        "fee_eur": "Honorare", "materials_eur": "Material", "travel_eur": "Reisekosten",
        "eur_per_municipality": "je Kommune (alle Pakete)", "hotel_nights": "Hotelnächte", "trainer_days": "Einsatztage",
        "largest_load": "höchste Auslastung (Pakete)", "events_moved": "verschobene Termine gegenüber der ersten Spalte",
    ]
}

extension PlanComparison.Value {
    /// The cell with German numbers: 27.865,00 €, "zulässig, Lücke 0,36 %".
    public var germanDisplay: String {
        switch self {
        case .text(let text): return text
        case .count(let count): return GermanFormat.number(Double(count))
        case .money(let cents): return GermanFormat.euro(Double(cents) / 100)
        case .solver(let status, let gap):
            guard let gap, gap.isFinite else { return status.germanWord }
            return "\(status.germanWord), Lücke \(GermanFormat.percent(gap))"
        case .load(let packages, let trainers):
            return trainers.isEmpty ? String(packages) : "\(packages) (\(trainers.joined(separator: ", ")))"
        case .none: return "–"
        }
    }
}
