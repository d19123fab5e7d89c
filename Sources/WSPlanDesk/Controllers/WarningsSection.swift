import Foundation
import PlanningIO

/// The loader's warnings about a scenario that reads (careless but usable input, such as an
/// ambiguous place name), in the CLI's words (`file:line:col: warning: …`), files named as the
/// folder names them.
enum WarningsSection {
    static func render(_ warnings: [InputProblem], root: URL, shownFolder: String) -> String {
        guard !warnings.isEmpty else { return "" }
        let prefix = root.path + "/", shown = shownFolder.hasSuffix("/") ? shownFolder : shownFolder + "/"
        let lines = warnings.map { warning in
            var warning = warning
            if warning.file.hasPrefix(prefix) { warning.file = shown + warning.file.dropFirst(prefix.count) }
            return warning.description
        }
        return "<div class=\"box warning\" id=\"warnings\"><p><b>\(warnings.count == 1 ? "Ein Hinweis" : "\(warnings.count) Hinweise") zu den Eingaben.</b> "
            + "Das Szenario wird so geplant, wie es gelesen wurde; prüfen Sie, ob das gemeint ist "
            + "(dieselben Warnungen wie von <code>wsplan check</code>):</p><pre>\(HTML.escape(lines.joined(separator: "\n")))</pre></div>"
    }
}
