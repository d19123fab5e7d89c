import Foundation
import PlanningIO
import Yams

/// A request (one municipality) as the form shows it: the cells as written in the scenario's
/// request CSV, or the values of its inline YAML list, never the values the reader derives.
enum RequestChange {
    /// The columns of a request list (SPEC §5).
    static let columns = ["id", "name", "place", "state", "lat", "lon", "participants", "earliest", "latest", "priority",
                          "blackout", "requires", "excludes"]
    static let hints = ["id": "ein kurzes Wort, z. B. guetersloh", "place": "leer: der Name wird nachgeschlagen", "state": "z. B. NW; leer: aus dem Ort",
                        "earliest": "JJJJ-MM-TT", "latest": "JJJJ-MM-TT", "priority": "leer: 1",
                        "blackout": "Tage und Zeiträume, durch ; getrennt", "requires": "Trainer-IDs, durch ; getrennt", "excludes": "Trainer-IDs, durch ; getrennt"]
    /// The German label of each column (the column's own name stays in the file and the field's name).
    static let labels = ["id": "ID", "name": "Name", "place": "Ort", "state": "Land", "lat": "Breite", "lon": "Länge",
                         "participants": "Teilnehmende", "earliest": "frühestens", "latest": "spätestens", "priority": "Priorität",
                         "blackout": "gesperrte Tage", "requires": "verlangt", "excludes": "schließt aus"]
    private static let numbers: Set<String> = ["lat", "lon", "participants", "priority", "earliest", "latest"]

    enum Store {
        /// The rows of a CSV file in the folder.
        case csv(name: String, file: CSVFileText)
        /// The scenario's own inline `municipalities:` list.
        case inline
    }

    /// Where the scenario's own requests can be edited, or why they cannot.
    static func store(_ sources: ScenarioSources) -> Result<Store, Refusal> {
        switch sources.requests {
        case .file(let name) where name.lowercased().hasSuffix(".xlsx"):
            return .failure(Refusal(text: "Die Anfragen stehen in der Arbeitsmappe \(name): ändern Sie sie in Excel und importieren Sie die Datei unten."))
        case .file(let name):
            guard let data = FileManager.default.contents(atPath: sources.path(name)) else {
                return .failure(Refusal(text: "Die Anfragedatei \(name) lässt sich nicht lesen; importieren Sie unten eine Anfrageliste."))
            }
            let file = CSVFileText(data)
            guard file.columns.contains("id") else {
                return .failure(Refusal(text: "Die erste Zeile von \(name) nennt keine Spalte „id“; importieren Sie unten eine Anfrageliste."))
            }
            return .success(.csv(name: name, file: file))
        case .inline: return .success(.inline)
        case .inherited:
            return .failure(Refusal(text: "Diese Variante übernimmt die Anfragen ihrer Basis; bearbeiten Sie sie dort, oder importieren Sie unten eine eigene Anfrageliste."))
        case .elsewhere(let name):
            return .failure(Refusal(text: "Die Anfragen stehen in \(name), außerhalb des Szenario-Ordners; sie werden hier nicht bearbeitet."))
        }
    }

    struct Refusal: Error { var text: String }

    /// The form fields: the CSV's own columns (in its order), or every column for an inline list.
    static func fields(_ store: Store) -> [EditForm.Field] {
        let names: [String]
        if case .csv(_, let file) = store { names = file.columns.filter(columns.contains) } else { names = columns }
        return names.map { EditForm.Field(name: $0, label: labels[$0] ?? $0, hint: hints[$0] ?? "") }
    }

    /// The ids in the list, in order.
    static func ids(_ store: Store, _ yaml: ScenarioYAMLText) -> [String] {
        switch store {
        case .csv(_, let file):
            let index = file.columns.firstIndex(of: "id")!
            return file.records.dropFirst().map { $0.fields.indices.contains(index) ? $0.fields[index].trimmingCharacters(in: .whitespaces) : "" }
        case .inline:
            return yaml.items("municipalities").map { $0.mapping?[Node("id")]?.string ?? "" }
        }
    }

    /// The written values of the request at `index` of `ids`.
    static func values(_ store: Store, _ yaml: ScenarioYAMLText, at index: Int) -> [String: String] {
        switch store {
        case .csv(_, let file):
            let record = file.records[index + 1]
            return Dictionary(zip(file.columns, record.fields), uniquingKeysWith: { first, _ in first })
        case .inline:
            var values: [String: String] = [:]
            for (key, value) in yaml.items("municipalities")[index].mapping ?? [:] {
                guard let name = key.string else { continue }
                values[name] = value.string ?? value.sequence?.compactMap(\.string).joined(separator: ";") ?? ""
            }
            return values
        }
    }

    /// The form's values, trimmed.
    static func values(_ form: Form) -> [String: String] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0, (form[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) })
    }

    /// An inline list item from the form's filled-in values.
    static func item(_ values: [String: String]) -> Node {
        ScenarioYAMLText.flowMapping(columns.compactMap { column in
            guard let text = values[column], !text.isEmpty else { return nil }
            return (column, numbers.contains(column) ? ScenarioYAMLText.plain(text) : ScenarioYAMLText.text(text))
        })
    }
}
