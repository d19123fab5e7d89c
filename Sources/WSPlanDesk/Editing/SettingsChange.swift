import Foundation
import Planning
import Yams

/// The scenario's settings as one form: rules, pairs, weights, costs, exchange day and solver
/// (SPEC §2–§5). Each field is a key path of the scenario YAML (`rules.prep_gap_days.min`); a save
/// writes only the keys whose value the form changes into the scenario's own file (a what-if's
/// maps merge key by key into its base's, SPEC §5), and an emptied field drops the key (the
/// base's value or SPEC's default applies again).
enum SettingsChange {
    enum Kind: Sendable {
        /// A number as YAML writes it; the form also takes a German decimal comma (`0,25`).
        case number
        /// `true` or `false`, chosen from ja/nein.
        case flag
        /// Two month-days, `12-24, 01-01`; empty: none.
        case monthDays
        /// Trainer pairs, `mueller+schmidt, koch+yilmaz`; empty: none.
        case pairs
        /// Place names separated by `;` (a name may hold a comma: `Neustadt, NI`).
        case places
    }

    struct Setting: Sendable {
        /// The YAML key path, joined by dots; also the form field's name.
        var name: String
        var label: String
        var kind: Kind = .number
        var hint = ""
        /// The section heading the field stands under.
        var section: String
        var value: @Sendable (Scenario) -> String

        var path: [String] { name.split(separator: ".").map(String.init) }
    }

    static let settings: [Setting] = {
        func gap(_ key: String, _ title: String, _ rule: @escaping @Sendable (Rules) -> GapRule) -> [Setting] {
            [("min", "mindestens"), ("target", "Ziel"), ("max", "höchstens")].map { sub, word in
                Setting(name: "rules.\(key).\(sub)", label: "\(title) \(word) (Tage)", section: "Regeln") { scenario in
                    let gap = rule(scenario.rules)
                    return String(sub == "min" ? gap.min : sub == "max" ? gap.max : gap.target)
                }
            }
        }
        func number(_ name: String, _ label: String, _ section: String, hint: String = "", _ value: @escaping @Sendable (Scenario) -> Double) -> Setting {
            Setting(name: name, label: label, hint: hint, section: section) { Format.decimal(value($0)) }
        }
        let rules = gap("prep_gap_days", "Vorbereitung vor dem Workshop:", \.prepGap)
            + gap("followup_gap_days", "Nachbereitung nach dem Workshop:", \.followupGap)
            + [number("rules.max_participants", "Teilnehmende höchstens", "Regeln") { Double($0.rules.maxParticipants) },
               Setting(name: "rules.avoid_school_holidays", label: "Schulferien meiden", kind: .flag, section: "Regeln") {
                   $0.rules.avoidSchoolHolidays ? "true" : "false"
               },
               Setting(name: "rules.office_closure", label: "Schließzeit des Büros", kind: .monthDays,
                       hint: "erster und letzter Tag (MM-TT), z. B. 12-24, 01-01; leer: keine", section: "Regeln") { scenario in
                   scenario.rules.officeClosure.map { "\($0.start), \($0.end)" } ?? ""
               }]
        let pairs = [
            Setting(name: "pairs.forbidden", label: "Paare, die nie zusammen arbeiten", kind: .pairs,
                    hint: "Trainer-IDs, z. B. mueller+schmidt, koch+yilmaz", section: "Paare") { pairText($0.forbiddenPairs) },
            Setting(name: "pairs.preferred", label: "bevorzugte Paare", kind: .pairs,
                    hint: "Trainer-IDs, z. B. mueller+yilmaz", section: "Paare") { pairText($0.preferredPairs) },
        ]
        let weights = [
            number("weights.unscheduled_eur", "nicht eingeplante Anfrage (EUR × Priorität)", "Gewichte") { $0.weights.unscheduledEur },
            number("weights.prep_gap_eur", "Vorbereitung: EUR je Tag Abweichung vom Ziel", "Gewichte") { $0.weights.prepGapEur },
            number("weights.followup_gap_eur", "Nachbereitung: EUR je Tag Abweichung vom Ziel", "Gewichte") { $0.weights.followupGapEur },
            number("weights.preferred_pair_eur", "Bonus je Paket eines bevorzugten Paars (EUR)", "Gewichte") { $0.weights.preferredPairEur },
            number("weights.max_load_eur", "EUR je Paket der meistbelasteten Person", "Gewichte") { $0.weights.maxLoadEur },
            number("weights.move_eur", "EUR je verschobenem oder umbesetztem Termin", "Gewichte") { $0.weights.moveEur },
        ]
        let costs = [
            number("costs.fee_eur", "Honorar je Paket (EUR)", "Kosten") { $0.costs.feeEur },
            number("costs.materials_eur_per_participant", "Material je Teilnehmende (EUR)", "Kosten") { $0.costs.materialsEurPerParticipant },
            number("costs.travel.eur_per_km", "Reise: EUR je km", "Kosten") { $0.costs.travel.eurPerKm },
            number("costs.travel.detour_factor", "Reise: Umwegfaktor zur Luftlinie", "Kosten") { $0.costs.travel.detourFactor },
            number("costs.travel.commute_km", "Reise: täglich heim bis km", "Kosten") { $0.costs.travel.commuteKm },
            number("costs.travel.evening_before_km", "Reise: Anreise am Vorabend ab km", "Kosten") { $0.costs.travel.eveningBeforeKm },
            number("costs.travel.hotel_eur", "Reise: Hotel je Nacht (EUR)", "Kosten") { $0.costs.travel.hotelEur },
        ]
        let exchange = [
            Setting(name: "exchange.venues", label: "Orte zur Auswahl", kind: .places, hint: "durch ; getrennt, z. B. Gütersloh; Kassel; Berlin",
                    section: "Erfahrungsaustausch") { $0.exchange?.venues.map(\.name).joined(separator: "; ") ?? "" },
            Setting(name: "exchange.months_after.min", label: "Monate nach dem Workshop, frühestens", section: "Erfahrungsaustausch") {
                $0.exchange.map { String($0.monthsMin) } ?? ""
            },
            Setting(name: "exchange.months_after.max", label: "Monate nach dem Workshop, spätestens", section: "Erfahrungsaustausch") {
                $0.exchange.map { String($0.monthsMax) } ?? ""
            },
        ]
        let solver = [
            number("solver.time_limit_s", "Zeitgrenze (Sekunden)", "Solver") { $0.solver.timeLimitSeconds },
            number("solver.mip_gap", "Lücke, ab der ein Plan genügt (0,005 = 0,5 %)", "Solver") { $0.solver.mipGap },
        ]
        return rules + pairs + weights + costs + exchange + solver
    }()

    static func pairText(_ pairs: Set<TrainerPair>) -> String { pairs.sorted().map(\.description).joined(separator: ", ") }

    /// The form's values for the scenario as it reads now.
    static func values(_ scenario: Scenario) -> [String: String] {
        Dictionary(uniqueKeysWithValues: settings.map { ($0.name, $0.value(scenario)) })
    }

    /// The form's values, trimmed.
    static func values(_ form: Form) -> [String: String] {
        Dictionary(uniqueKeysWithValues: settings.map { ($0.name, (form[$0.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) })
    }

    /// The settings whose value the form changes against the scenario as it reads now.
    static func changes(_ values: [String: String], current: Scenario) -> [(setting: Setting, text: String)] {
        settings.compactMap { setting in
            let text = values[setting.name] ?? ""
            return normalized(setting, text) == normalized(setting, setting.value(current)) ? nil : (setting, text)
        }
    }

    private static func normalized(_ setting: Setting, _ text: String) -> String {
        switch setting.kind {
        case .number: return Double(yamlNumber(text)).map { String($0) } ?? text
        case .flag: return text
        case .monthDays: return items(text, separators: ",;").joined(separator: ",")
        case .pairs: return pairs(text).map { $0.sorted().joined(separator: "+") }.sorted().joined(separator: ",")
        case .places: return items(text, separators: ";").joined(separator: ";")
        }
    }

    /// `0,25` → `0.25`; anything else as typed (the loader judges it).
    static func yamlNumber(_ text: String) -> String {
        text.range(of: #"^-?[0-9]+,[0-9]+$"#, options: .regularExpression) != nil ? text.replacingOccurrences(of: ",", with: ".") : text
    }

    private static func items(_ text: String, separators: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `mueller+schmidt, koch/yilmaz` → [[mueller, schmidt], [koch, yilmaz]].
    private static func pairs(_ text: String) -> [[String]] {
        items(text, separators: ",;").map { item in
            item.split(whereSeparator: { $0 == "+" || $0 == "/" }).map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The YAML value of a setting as the form gives it; nil for an emptied field (the key is dropped).
    static func node(_ setting: Setting, _ text: String) -> Node? {
        func list(_ items: [Node]) -> Node { .sequence(.init(items, .implicit, .flow)) }
        switch setting.kind {
        case .number: return text.isEmpty ? nil : ScenarioYAMLText.plain(yamlNumber(text))
        case .flag: return text.isEmpty ? nil : ScenarioYAMLText.plain(text)
        case .monthDays: return list(items(text, separators: ",;").map { .scalar(.init($0, .implicit, .doubleQuoted)) })
        case .pairs: return list(pairs(text).map { list($0.map(ScenarioYAMLText.text)) })
        case .places: return text.isEmpty ? nil : list(items(text, separators: ";").map(ScenarioYAMLText.text))
        }
    }

    /// The top-level keys the changes touch, each with its mapping: `own` (the file's own
    /// mappings, nil for a new variant file) with the changed keys set or dropped.
    static func sections(_ changes: [(setting: Setting, text: String)], own: (String) -> Node?) -> [(key: String, pairs: [(String, Node)])] {
        var result: [(key: String, pairs: [(String, Node)])] = []
        for (setting, text) in changes {
            let path = setting.path
            let index = result.firstIndex { $0.key == path[0] } ?? {
                result.append((path[0], pairs(of: own(path[0]))))
                return result.count - 1
            }()
            result[index].pairs = set(result[index].pairs, Array(path.dropFirst()), node(setting, text))
        }
        return result
    }

    private static func pairs(of node: Node?) -> [(String, Node)] {
        node?.mapping.map { $0.map { ($0.key.string ?? "", $0.value) } } ?? []
    }

    /// `pairs` with the value at `path` set to `value` (or dropped when nil); maps are made as needed,
    /// and a map left empty is dropped.
    private static func set(_ pairs: [(String, Node)], _ path: [String], _ value: Node?) -> [(String, Node)] {
        var pairs = pairs
        let key = path[0]
        let index = pairs.firstIndex { $0.0 == key }
        var new: Node? = value
        if path.count > 1 {
            let inner = set(Self.pairs(of: index.map { pairs[$0].1 }), Array(path.dropFirst()), value)
            new = inner.isEmpty ? nil : ScenarioYAMLText.flowMapping(inner)
        }
        switch (index, new) {
        case (let index?, let new?): pairs[index].1 = new
        case (let index?, nil): pairs.remove(at: index)
        case (nil, let new?): pairs.append((key, new))
        case (nil, nil): break
        }
        return pairs
    }

    /// The form field a problem of the scenario's own file is about: the setting whose key path
    /// the problem's field names or lies below (`pairs.forbidden[0][1]` → `pairs.forbidden`), or
    /// the first setting of a map the problem is about as a whole (`rules.prep_gap_days`).
    static func field(of path: String?) -> String? {
        guard let path else { return nil }
        if let setting = settings.last(where: { path == $0.name || path.hasPrefix($0.name + "[") || path.hasPrefix($0.name + ".") }) {
            return setting.name
        }
        return settings.first { $0.name.hasPrefix(path + ".") }?.name
    }
}
