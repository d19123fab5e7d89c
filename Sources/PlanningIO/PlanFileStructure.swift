import Foundation
import Planning

/// Decodes plan.json's tree into a `Plan`, finding every structural problem (a missing field, a
/// value of the wrong kind, an unknown status or date) in one read, not one per run.
///
/// JSONDecoder stops at the first problem. So each problem is recorded and its value replaced by
/// the value the same field has in `sample` (a complete plan, encoded by the same `Codable`
/// types, so the shape is written down once), and decoding starts again: the next run meets the
/// next problem. A value the sample has no counterpart for (a key of `former_dates`) is dropped.
enum PlanFileStructure {
    /// The plan, or every structural problem found. `originalData` is the file `tree` was parsed
    /// from: decoded as it is, and the tree written out again only once a problem was patched.
    static func decode(_ tree: [String: Any], from originalData: Data, file: String) -> Result<Plan, InputErrors> {
        var tree: Any = tree
        var problems: [InputProblem] = []
        var patched = Set<String>()
        var samples: [String: Any]?
        while problems.count < PlanFileValues.mostProblems {
            let data: Data
            if problems.isEmpty {
                data = originalData
            } else {
                do { data = try JSONSerialization.data(withJSONObject: tree) } catch { break }
            }
            do {
                let plan = try JSONDecoder().decode(Plan.self, from: data)
                return problems.isEmpty ? .success(plan) : .failure(InputErrors(problems: problems))
            } catch let error as DecodingError {
                let (path, message) = describe(error, in: tree)
                let field = text(of: path)
                problems.append(InputProblem(file: file, field: field.isEmpty ? nil : field,
                                             message: message + "; this is not a plan wsplan wrote: solve the scenario again"))
                if samples == nil { samples = sampleValues() }
                guard patched.insert(field).inserted, let repaired = replacing(path, in: tree, from: samples ?? [:]) else { break }
                tree = repaired
            } catch {
                problems.append(InputProblem(file: file, message: "not a wsplan plan: \(error)"))
                break
            }
        }
        return .failure(InputErrors(problems: problems))
    }

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// `packages[0].costs.total`.
    static func text(of path: [Step]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .index(let i): text += "[\(i)]"
            case .key(let key): text += (text.isEmpty ? "" : ".") + key
            }
        }
        return text
    }

    /// The coding path as steps into `tree`: a key with an integer value is a list index only
    /// where the tree holds a list (a trainer id `123` in `former_dates` stays a key).
    private static func steps(_ codingPath: [CodingKey], in tree: Any) -> [Step] {
        var node: Any? = tree
        return codingPath.map { key in
            if let list = node as? [Any], let i = key.intValue {
                node = list.indices.contains(i) ? list[i] : nil
                return .index(i)
            }
            node = (node as? [String: Any])?[key.stringValue]
            return .key(key.stringValue)
        }
    }

    /// `tree` with the value at `path` replaced by the sample's, or removed when the sample has
    /// none; nil when neither is possible.
    private static func replacing(_ path: [Step], in tree: Any, from samples: [String: Any]) -> Any? {
        let shape = PlanFileValues.shape(of: text(of: path))
        return setting(path[...], in: tree, to: samples[shape])
    }

    private static func setting(_ path: ArraySlice<Step>, in node: Any, to value: Any?) -> Any? {
        guard let step = path.first else { return value }
        let rest = path.dropFirst()
        switch (step, node) {
        case (.key(let key), var map as [String: Any]):
            if rest.isEmpty {
                if let value { map[key] = value } else if map.removeValue(forKey: key) == nil { return nil }
                return map
            }
            guard let child = map[key], let changed = setting(rest, in: child, to: value) else { return nil }
            map[key] = changed
            return map
        case (.index(let i), var list as [Any]) where list.indices.contains(i):
            if rest.isEmpty {
                if let value { list[i] = value } else { list.remove(at: i) }
                return list
            }
            guard let changed = setting(rest, in: list[i], to: value) else { return nil }
            list[i] = changed
            return list
        default:
            return nil
        }
    }

    /// The path of the value at fault and a plain sentence.
    private static func describe(_ error: DecodingError, in tree: Any) -> ([Step], String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (steps(context.codingPath + [key], in: tree), "the field \"\(key.stringValue)\" is missing")
        case .typeMismatch(let type, let context):
            return (steps(context.codingPath, in: tree), "expected \(kind(type)) here")
        case .valueNotFound(let type, let context):
            return (steps(context.codingPath, in: tree), "expected \(kind(type)) here, found null")
        case .dataCorrupted(let context):
            let path = steps(context.codingPath, in: tree)
            return (path, path.isEmpty ? "a value of the wrong kind" : "an unknown value (\(context.debugDescription.prefix(80)))")
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: return "a whole number"
        case is Double.Type, is Double?.Type: return "a number"
        case is String.Type, is String?.Type: return "text in quotes"
        case is Bool.Type, is Bool?.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list [ … ]" }
            if name.hasPrefix("Dictionary") { return "an object { … }" }
            return "a value of another kind"
        }
    }

    /// Each field's value in `sample`, by its shape (`packages[].costs.total`).
    private static func sampleValues() -> [String: Any] {
        var values: [String: Any] = [:]
        func collect(_ node: Any, _ field: String) {
            let shape = PlanFileValues.shape(of: field)
            if values[shape] == nil { values[shape] = node }
            if let map = node as? [String: Any] {
                for (key, child) in map { collect(child, field.isEmpty ? key : "\(field).\(key)") }
            } else if let list = node as? [Any] {
                for (i, child) in list.enumerated() { collect(child, "\(field)[\(i)]") }
            }
        }
        if let data = try? PlanFile.encode(sample), let tree = try? JSONSerialization.jsonObject(with: data) { collect(tree, "") }
        values[""] = nil
        values["events[].former_dates.a"] = nil   // a trainer's id, not a field
        return values
    }

    /// A plan with every optional field present, one item in every list.
    static let sample: Plan = {
        let day = Day(year: 2027, month: 2, day: 9)!
        let item = TravelItem(trainer: "a", event: .workshop, km: 0, roundTrips: 1, hotelNights: 0, cost: 0)
        let package = PlannedPackage(municipality: "m", name: "M", state: .NW, place: "M", trainers: ["a", "b"], pinned: false,
                                     preparation: day.advanced(by: -28), workshop: [day, day.advanced(by: 1)],
                                     followup: day.advanced(by: 182), participants: 1,
                                     costs: PackageCosts(fee: 0, materials: 0, travel: 0, total: 0, travelItems: [item]),
                                     location: Coordinate(lat: 51, lon: 8))
        var request = UnscheduledRequest(municipality: "u", name: "U", reasons: ["r"])
        request.rules = [.r1]
        request.kind = "structural"
        var event = CalendarEvent(uid: "m-workshop-1@wsplan", municipality: "m", kind: .workshop, workshopDay: 1, date: day,
                                  trainers: ["a", "b"], formerTrainers: ["c"], status: .tentative, sequence: 0, modified: "20270101T000000Z")
        event.name = "M"
        event.place = "M"
        event.formerDates = ["a": day]
        var terms = ObjectiveTerms()
        terms.move = 0
        var plan = Plan(scenario: "s",
                        solver: SolverReport(name: "glpk", status: .feasible, objective: 0, bound: 0, gap: 0, seconds: 0,
                                             rows: 0, columns: 0, nonzeros: 0, buildSeconds: 0),
                        objectiveTerms: terms, packages: [package], unscheduled: [request],
                        trainers: [PlanTrainer(id: "a", name: "A")], calendar: PlanCalendarSettings(CalendarSettings()),
                        events: [event], moves: MoveReport(previous: "s", eventsMoved: 0))
        plan.exchange = ExchangeDay(date: day, venue: "V", state: .NW, municipalities: ["m"], km: 0)
        return plan
    }()
}
