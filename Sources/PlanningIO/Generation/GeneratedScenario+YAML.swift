import Planning

extension GeneratedScenario {
    /// The scenario as one YAML file (requests inline), in the layout of `Scenarios/2027-Q1.yaml`.
    /// Texts are double-quoted, numbers and days plain, so every value reads back exactly.
    public func yaml(gazetteer: Gazetteer = .shared) -> String {
        var out = """
            # Synthetic scenario for trials and benchmarks, made by:
            #   \(origin)
            # Places: GeoNames (CC BY 4.0) via wsplan's gazetteer. The same command gives the same file.
            name: \(quoted(name))
            planning_start: \(planningStart.iso)
            horizon: {from: \(horizon.lowerBound.iso), to: \(horizon.upperBound.iso)}
            solver: {time_limit_s: \(timeLimitSeconds), mip_gap: 0.005}

            trainers:

            """
        for t in trainers {
            // `Name, ST` when the gazetteer resolves it to exactly this place, else the coordinates.
            let label = "\(t.home.name), \(t.home.state.rawValue)"
            let home = gazetteer.lookup(label) == t.home
                ? quoted(label) : "{lat: \(t.home.location.lat), lon: \(t.home.location.lon)}"
            var line = "  - {id: \(t.id), name: \(quoted(t.name)), home: \(home), max_packages: \(t.maxPackages), max_days_per_month: \(t.maxDaysPerMonth)"
            if !t.unavailable.isEmpty { line += ", unavailable: \(days(t.unavailable))" }
            out += line + "}\n"
        }
        out += "\npairs:\n"
        out += "  forbidden: \(pairs(forbiddenPairs))\n"
        out += "  preferred: \(pairs(preferredPairs))\n"
        out += "\n# In order of arrival.\nmunicipalities:\n"
        for r in requests {
            var fields = ["id: \(r.id)", "name: \(quoted(r.name))", "place: \(quoted(r.place.name))", "state: \(r.place.state.rawValue)",
                          "lat: \(r.place.location.lat)", "lon: \(r.place.location.lon)", "participants: \(r.participants)"]
            if let e = r.earliest { fields.append("earliest: \(e.iso)") }
            if let l = r.latest { fields.append("latest: \(l.iso)") }
            if r.priority != 1 { fields.append("priority: \(r.priority)") }
            if !r.blackout.isEmpty { fields.append("blackout: \(days(r.blackout))") }
            if !r.requires.isEmpty { fields.append("requires: [\(r.requires.joined(separator: ", "))]") }
            if !r.excludes.isEmpty { fields.append("excludes: [\(r.excludes.joined(separator: ", "))]") }
            out += "  - {\(fields.joined(separator: ", "))}\n"
        }
        return out
    }

    private func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    private func days(_ ranges: [ClosedRange<Day>]) -> String {
        "[" + ranges.map { $0.lowerBound == $0.upperBound ? "\"\($0.lowerBound.iso)\"" : "\"\($0.lowerBound.iso)..\($0.upperBound.iso)\"" }
            .joined(separator: ", ") + "]"
    }

    private func pairs(_ list: [TrainerPair]) -> String {
        "[" + list.map { "[\($0.first), \($0.second)]" }.joined(separator: ", ") + "]"
    }
}
