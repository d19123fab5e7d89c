import Planning

/// `distances:`: a CSV file `trainer,municipality,km` whose km replace haversine × detour (SPEC §3).
extension ScenarioDecoder {
    mutating func readDistances(_ node: SourceNode) {
        guard let file = csvFile(node, example: "distances.csv") else { return }
        let path = file.path
        let columns = ["trainer", "municipality", "km"]
        guard let table = CSVTable.read(path, reference: file.location, columns: columns, required: columns,
                                        decimalCommas: ["km"], form: file.form, &log) else { return }
        let municipalities = Set(requestDeclarations.keys).union(bookedMunicipalities)
        var firstLines: [String: Int] = [:]
        for row in table.rows {
            func at(_ column: String) -> SourceLocation {
                let field = row[column]!
                return SourceLocation(file: path, line: field.line, column: field.column, field: column)
            }
            let trainer = row["trainer"]!.text, municipality = row["municipality"]!.text
            let knownTrainer = checkTrainer(trainer, at: at("trainer"))
            var knownMunicipality = municipalities.contains(municipality)
            if !knownMunicipality {
                let hint = Spelling.closest(to: municipality, among: municipalities.sorted()).map { "; did you mean '\($0)'?" }
                    ?? "; name a municipality of the requests or bookings"
                log.add("unknown municipality id '\(municipality)'\(hint)", at: at("municipality"))
                knownMunicipality = false
            }
            let km = NumberText.number(row["km"]!.text, atLeast: 0, atMost: 100_000, at: at("km"), &log)
            let key = "\(trainer)\u{0}\(municipality)"
            if let first = firstLines[key] {
                log.add("the distance from '\(trainer)' to '\(municipality)' is given twice (first at line \(first)); keep one",
                        at: SourceLocation(file: path, line: row.line))
                continue
            }
            firstLines[key] = row.line
            if knownTrainer, knownMunicipality, let km { distances[trainer, default: [:]][municipality] = km }
        }
    }
}
