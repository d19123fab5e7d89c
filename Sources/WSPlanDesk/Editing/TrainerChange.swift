import Foundation
import Planning
import Yams

/// A trainer as the form shows it and as it is written into a scenario's `trainers:` list.
enum TrainerChange {
    static let fields: [EditForm.Field] = [
        .init(name: "id", label: "ID", hint: "ein kurzes Wort, z. B. mueller"),
        .init(name: "name", label: "Name"),
        .init(name: "home", label: "Wohnort", hint: "ein Ort wie Köln oder Neustadt, NI, oder Koordinaten 52.52, 13.40"),
        .init(name: "max_packages", label: "Pakete höchstens", hint: "leer: ohne Grenze"),
        .init(name: "max_days_per_month", label: "Einsatztage je Monat höchstens", hint: "leer: ohne Grenze"),
        .init(name: "unavailable", label: "nicht verfügbar", hint: "Tage und Zeiträume, z. B. 2027-03-01..2027-03-31, 2027-04-02"),
    ]

    /// The form's values for a trainer as the scenario reads it now.
    static func values(_ trainer: Trainer) -> [String: String] {
        ["id": trainer.id, "name": trainer.name, "home": trainer.homeLabel,
         "max_packages": trainer.maxPackages.map(String.init) ?? "", "max_days_per_month": trainer.maxDaysPerMonth.map(String.init) ?? "",
         "unavailable": Format.days(trainer.unavailable)]
    }

    /// The form's values, trimmed.
    static func values(_ form: Form) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.name, (form[$0.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) })
    }

    /// The keys whose value the form changes: against the trainer as it reads now, or every
    /// filled-in key for a new trainer.
    static func changes(_ values: [String: String], current: Trainer?) -> [(key: String, text: String)] {
        let now = current.map(Self.values) ?? [:]
        return fields.map(\.name).filter { $0 != "id" }.compactMap { key in
            let text = values[key] ?? ""
            if current == nil { return text.isEmpty ? nil : (key, text) }
            return normalized(key, text) == normalized(key, now[key] ?? "") ? nil : (key, text)
        }
    }

    private static func normalized(_ key: String, _ text: String) -> String {
        key == "unavailable" ? dayItems(text).joined(separator: ",") : text.trimmingCharacters(in: .whitespaces)
    }

    /// `2027-03-01..2027-03-31, 2027-04-02` (also `;` or one per line) → its items.
    static func dayItems(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The YAML value of a key as the form gives it.
    static func node(_ key: String, _ text: String) -> Node {
        switch key {
        case "home":
            let pattern = #"^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*,\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$"#
            if let match = text.firstMatch(of: try! Regex(pattern)), let lat = match.output[1].substring, let lon = match.output[2].substring {
                return ScenarioYAMLText.flowMapping([("lat", ScenarioYAMLText.plain(String(lat))), ("lon", ScenarioYAMLText.plain(String(lon)))])
            }
            return ScenarioYAMLText.text(text)
        case "max_packages", "max_days_per_month": return ScenarioYAMLText.plain(text)
        case "unavailable": return .sequence(.init(dayItems(text).map { .scalar(.init($0, .implicit, .doubleQuoted)) }, .implicit, .flow))
        default: return ScenarioYAMLText.text(text)
        }
    }

    /// The list item: the file's own item for the trainer (or just its id) with the changes made;
    /// an emptied key is left out (in a what-if, the base's value then applies again).
    static func item(own: Node?, id: String, changes: [(key: String, text: String)]) -> Node {
        // A what-if that dropped the trainer (`remove: true`) and now adds it again keeps it.
        var pairs: [(String, Node)] = own?.mapping.map { $0.map { ($0.key.string ?? "", $0.value) }.filter { $0.0 != "remove" } }
            ?? [("id", ScenarioYAMLText.text(id))]
        for (key, text) in changes {
            if text.isEmpty {
                pairs.removeAll { $0.0 == key }
            } else if let index = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[index].1 = node(key, text)
            } else {
                pairs.append((key, node(key, text)))
            }
        }
        return ScenarioYAMLText.flowMapping(pairs)
    }

    /// `{id: x, remove: true}`: a what-if's way to drop its base's trainer (SPEC §5).
    static func removal(_ id: String) -> Node {
        ScenarioYAMLText.flowMapping([("id", ScenarioYAMLText.text(id)), ("remove", .scalar(.init("true", .implicit, .plain)))])
    }
}
