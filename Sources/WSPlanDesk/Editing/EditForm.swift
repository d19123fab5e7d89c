import Foundation
import PlanningIO

/// The problems of a rejected change, sorted to where the user sees them: beside the form field
/// they are about, or above the form when they are about something else (a request that names a
/// removed trainer). The messages are the CLI's, word for word.
struct FieldProblems {
    var byField: [String: [String]] = [:]
    var general: [InputProblem] = []

    var isEmpty: Bool { byField.isEmpty && general.isEmpty }

    init() {}

    /// Sorts `problems`; `field` says which form field a problem belongs to (nil: none).
    init(_ problems: [InputProblem], field: (InputProblem) -> String?) {
        for problem in problems {
            if let name = field(problem) { byField[name, default: []].append(problem.message) } else { general.append(problem) }
        }
    }

    /// The form field named by a YAML path below `prefix` (`trainers[2]` + `.unavailable[0]` → `unavailable`).
    static func key(of path: String?, below prefix: String) -> String? {
        guard let path, path.hasPrefix(prefix + ".") else { return nil }
        return String(path.dropFirst(prefix.count + 1).prefix { $0 != "." && $0 != "[" })
    }
}

/// One edit form: fields with their values and problems, the version it was shown from, the CSRF token.
struct EditForm {
    struct Field {
        var name: String
        var label: String
        var hint = ""
        var readonly = false
        /// The heading of the group of fields this one opens or belongs to.
        var section: String? = nil
        /// A choice instead of a text field: value and label of each option.
        var choices: [(value: String, label: String)] = []
    }

    var action: String
    var csrf: String
    var version: String
    var fields: [Field]
    var values: [String: String]
    var problems = FieldProblems()
    /// Extra hidden fields (the id the form edits).
    var hidden: [String: String] = [:]
    /// The buttons and anything else after the fields (already HTML).
    var footer: String

    func render() -> String {
        var html = ""
        if !problems.isEmpty {
            html += "<div class=\"box error\" id=\"problems\"><p><b>Nichts wurde gespeichert.</b> Mit der Änderung lässt sich das Szenario nicht lesen"
            if problems.general.isEmpty {
                html += ": siehe die Meldungen neben den Feldern (dieselben, die <code>wsplan check</code> gibt).</p>"
            } else {
                html += "; dieselben Meldungen wie von <code>wsplan check</code>" + (problems.byField.isEmpty ? "" : " (und die neben den Feldern)") + ":</p>"
                    + "<pre class=\"error\">\(HTML.escape(problems.general.map(\.description).joined(separator: "\n")))</pre>"
            }
            html += "</div>"
        }
        var inner = "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(version))\">"
        for (name, value) in hidden.sorted(by: { $0.key < $1.key }) {
            inner += "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
        }
        inner += "<table class=\"form\">"
        var section: String?
        for field in fields {
            if let heading = field.section, heading != section {
                inner += "<tr><th colspan=\"2\" class=\"section\">\(HTML.escape(heading))</th></tr>"
                section = heading
            }
            let errors = problems.byField[field.name] ?? []
            let invalid = errors.isEmpty ? "" : " class=\"invalid\" aria-invalid=\"true\""
            let value = values[field.name] ?? ""
            let control = field.choices.isEmpty
                ? "<input id=\"f-\(HTML.escape(field.name))\" name=\"\(HTML.escape(field.name))\" size=\"40\" value=\"\(HTML.escape(value))\""
                    + (field.readonly ? " readonly" : "") + invalid + ">"
                : "<select id=\"f-\(HTML.escape(field.name))\" name=\"\(HTML.escape(field.name))\"\(invalid)>" + field.choices.map { choice in
                    "<option value=\"\(HTML.escape(choice.value))\"\(choice.value == value ? " selected" : "")>\(HTML.escape(choice.label))</option>"
                }.joined() + "</select>"
            inner += "<tr><th><label for=\"f-\(HTML.escape(field.name))\">\(HTML.escape(field.label))</label></th><td>" + control
                + (field.hint.isEmpty ? "" : " <small>\(HTML.escape(field.hint))</small>")
                + errors.map { "<div class=\"error field-error\" data-field=\"\(HTML.escape(field.name))\">\(HTML.escape($0))</div>" }.joined()
                + "</td></tr>"
        }
        inner += "</table>" + footer
        return html + HTML.form(action, csrf: csrf, inner)
    }
}
