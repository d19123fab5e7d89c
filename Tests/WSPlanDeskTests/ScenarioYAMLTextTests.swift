import Foundation
import Testing
import Yams
@testable import WSPlanDesk

/// Text edits of a scenario YAML keep everything they do not touch.
@Suite("Scenario YAML text edits")
struct ScenarioYAMLTextTests {
    @Test("a block list keeps its comments and unchanged items; CRLF stays CRLF")
    func blockList() {
        let text = "name: X\r\ntrainers:   # the team\r\n  # first the seniors\r\n  - {id: a, home: Köln}\r\n  - id: b\r\n    home: Bonn   # moved in 2026\r\n\r\n# pairs next\r\npairs: {}\r\n"
        var yaml = ScenarioYAMLText(text)
        yaml.setList("trainers", [.kept(1), .node(ScenarioYAMLText.flowMapping([("id", ScenarioYAMLText.text("c")), ("home", ScenarioYAMLText.text("Neustadt, NI"))]))])
        #expect(yaml.text == "name: X\r\ntrainers:   # the team\r\n  # first the seniors\r\n  - id: b\r\n    home: Bonn   # moved in 2026\r\n  - {id: c, home: \"Neustadt, NI\"}\r\n\r\n# pairs next\r\npairs: {}\r\n")
        #expect((try? Yams.compose(yaml: yaml.text))?.mapping?[Node("trainers")]?.sequence?.count == 2)
    }

    @Test("a flow list becomes a block list of flow items; a key at the end without a line break")
    func flowList() {
        var yaml = ScenarioYAMLText("extends: q.yaml\ntrainers: [{id: a, max_packages: 6}, {id: b}]   # merged\nname: Y")
        yaml.setList("trainers", [.kept(0)])
        #expect(yaml.text == "extends: q.yaml\ntrainers:\n  - {id: a, max_packages: 6}\nname: Y")
        var last = ScenarioYAMLText("name: Z\ntrainers: [{id: a}]")
        last.setList("trainers", [])
        #expect(last.text == "name: Z\ntrainers: []\n")
        var absent = ScenarioYAMLText("extends: q.yaml\nname: W")
        absent.setScalar("municipalities", "requests-w.csv")
        #expect(absent.text == "extends: q.yaml\nname: W\nmunicipalities: requests-w.csv\n")
    }

    @Test("text that YAML would read as something else is quoted")
    func quoting() {
        let yaml = ScenarioYAMLText("")
        for value in ["null", "Yes", "12", "a: b", "# x", "[1]", "Anna Müller", "Köln"] {
            let rendered = yaml.render(ScenarioYAMLText.flowMapping([("name", ScenarioYAMLText.text(value))]))
            #expect((try? Yams.compose(yaml: rendered))?.mapping?[Node("name")]?.scalar?.string == value, "\(value) → \(rendered)")
        }
        #expect(yaml.render(ScenarioYAMLText.text("Anna Müller")) == "Anna Müller")
        #expect(yaml.render(ScenarioYAMLText.text("null")) == "\"null\"")
    }
}
