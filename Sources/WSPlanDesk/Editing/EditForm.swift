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
            html += "<div class=\"box error\" id=\"problems\"><p><b>Nothing was saved.</b> The changed scenario does not read"
            if problems.general.isEmpty {
                html += ": see the messages beside the fields (the same as <code>wsplan check</code> gives).</p>"
            } else {
                html += "; the same errors as <code>wsplan check</code>" + (problems.byField.isEmpty ? "" : " (and those beside the fields)") + ":</p>"
                    + "<pre class=\"error\">\(HTML.escape(problems.general.map(\.description).joined(separator: "\n")))</pre>"
            }
            html += "</div>"
        }
        var inner = "<input type=\"hidden\" name=\"version\" value=\"\(HTML.escape(version))\">"
        for (name, value) in hidden.sorted(by: { $0.key < $1.key }) {
            inner += "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
        }
        inner += "<table class=\"form\">"
        for field in fields {
            let errors = problems.byField[field.name] ?? []
            inner += "<tr><th><label for=\"f-\(HTML.escape(field.name))\">\(HTML.escape(field.label))</label></th><td>"
                + "<input id=\"f-\(HTML.escape(field.name))\" name=\"\(HTML.escape(field.name))\" size=\"40\" value=\"\(HTML.escape(values[field.name] ?? ""))\""
                + (field.readonly ? " readonly" : "") + (errors.isEmpty ? "" : " class=\"invalid\" aria-invalid=\"true\"") + ">"
                + (field.hint.isEmpty ? "" : " <small>\(HTML.escape(field.hint))</small>")
                + errors.map { "<div class=\"error field-error\" data-field=\"\(HTML.escape(field.name))\">\(HTML.escape($0))</div>" }.joined()
                + "</td></tr>"
        }
        inner += "</table>" + footer
        return html + HTML.form(action, csrf: csrf, inner)
    }
}
