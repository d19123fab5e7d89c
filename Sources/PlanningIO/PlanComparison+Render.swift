import Foundation
import Planning

extension PlanComparison {
    /// The output formats of `wsplan compare`.
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        case .json: return json()
        }
    }

    /// Aligned columns for a terminal: labels on the left, figures right-aligned, a final newline.
    public func text() -> String {
        let header = ["metric"] + columns
        let body = rows.map { [$0.metric] + $0.values.map(\.display) }
        let table = [header] + body
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// A GitHub table, figures right-aligned.
    public func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |"
        }
        let alignment = "| --- |" + String(repeating: " ---: |", count: columns.count)
        return ([line(["metric"] + columns), alignment] + rows.map { line([$0.metric] + $0.values.map(\.display)) })
            .joined(separator: "\n") + "\n"
    }

    /// `{"format": "wsplan-compare/1", "columns": [...], "rows": [{"key", "metric", "values": [...]}]}`:
    /// counts and EUR (two decimals) as numbers, the solver as `{"status", "gap"}`, the largest load
    /// as `{"packages", "trainers"}`, undefined figures as null.
    public func json() -> String {
        var out = "{\n  \"format\": \"wsplan-compare/1\",\n"
        out += "  \"columns\": [" + columns.map(JSONText.quoted).joined(separator: ", ") + "],\n"
        out += "  \"rows\": [\n"
        out += rows.map { row in
            "    {\"key\": \(JSONText.quoted(row.key)), \"metric\": \(JSONText.quoted(row.metric)), \"values\": ["
                + row.values.map(\.json).joined(separator: ", ") + "]}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

}

extension PlanComparison.Value {
    /// The cell as people read it.
    public var display: String {
        switch self {
        case .text(let text): return text
        case .count(let count): return String(count)
        case .money(let cents): return formatCents(cents)
        case .solver(let status, let gap):
            guard let gap, gap.isFinite else { return status.rawValue }
            return "\(status.rawValue), gap \(String(format: "%.2f", gap * 100))%"
        case .load(let packages, let trainers):
            return trainers.isEmpty ? String(packages) : "\(packages) (\(trainers.joined(separator: ", ")))"
        case .none: return "–"
        }
    }

    /// The cell as a JSON value.
    var json: String {
        switch self {
        case .text(let text): return JSONText.quoted(text)
        case .count(let count): return String(count)
        case .money(let cents): return formatCents(cents)
        case .solver(let status, let gap):
            let gapText = gap.flatMap { $0.isFinite ? "\($0)" : nil } ?? "null"
            return "{\"status\": \(JSONText.quoted(status.rawValue)), \"gap\": \(gapText)}"
        case .load(let packages, let trainers):
            return "{\"packages\": \(packages), \"trainers\": [" + trainers.map(JSONText.quoted).joined(separator: ", ") + "]}"
        case .none: return "null"
        }
    }
}

/// Whole cents as EUR with two decimals, `-12.05`, no thousands separator.
func formatCents(_ cents: Int) -> String {
    let magnitude = cents.magnitude
    let fraction = magnitude % 100
    return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
