import Foundation
import Planning
import PlanningIO
import Testing
import CSVTestSupport

/// Runs the real `wsplan` binary, as a user would.
enum WSPlanBinary {
    /// The binary built beside the test bundle (`.build/<config>/wsplan`).
    static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.hasSuffix(".xctest") && folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("wsplan").path) {
            folder.deleteLastPathComponent()
        }
        if folder.path.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("wsplan")
    }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The repository's top folder (for Scenarios/).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite(.serialized) struct CommandLineTests {
    let scenario = WSPlanBinary.repository.appendingPathComponent("Scenarios/2027-Q1.yaml").path

    /// End to end: the default scenario is solved, written, and `check` finds nothing wrong.
    @Test func defaultScenarioSolvesAndChecksClean() throws {
        let out = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let solve = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "30"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let planPath = out.appendingPathComponent("plan.json").path
        let plan = try PlanFile.read(path: planPath)
        #expect([.optimal, .feasible].contains(plan.solver.status))
        #expect(plan.packages.count >= 18, "the default scenario should serve almost every request")
        for item in plan.unscheduled { #expect(!item.reasons.isEmpty) }
        let bound = try #require(plan.solver.bound)
        #expect(bound <= plan.solver.objective! + 0.01)

        let check = try WSPlanBinary.run(["check", scenario, planPath])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // Spreadsheets for German Excel by default: read as Excel reads them, the numbers are plan.json's.
        let calendar = try GermanExcelCSV.read(Data(contentsOf: out.appendingPathComponent("calendar.csv")))
        #expect(calendar.count == 1 + 4 * plan.packages.count)
        #expect(calendar[0] == CalendarCSV.header(.excelGerman))
        try expectCostsMatch(Data(contentsOf: out.appendingPathComponent("costs.csv")), plan)

        // Progress went to stderr as plain lines (not a terminal): phases, the model's size, the search.
        #expect(solve.stderr.contains("wsplan: building the model ("))
        #expect(solve.stderr.contains("rows ×"))
        #expect(solve.stderr.contains("wsplan: improving · best "))
        #expect(!solve.stderr.contains("\u{1B}") && !solve.stderr.contains("\r"))

        // Calendars: one file per trainer and municipality, every event day in all.ics.
        let ics = out.appendingPathComponent("ics")
        let all = try String(contentsOf: ics.appendingPathComponent("all.ics"), encoding: .utf8)
        #expect(all.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4 * plan.packages.count)
        for trainer in ["mueller", "yilmaz", "schmidt", "nowak", "hansen"] {
            #expect(FileManager.default.fileExists(atPath: ics.appendingPathComponent("trainer-\(trainer).ics").path))
        }
        for package in plan.packages {
            #expect(FileManager.default.fileExists(atPath: ics.appendingPathComponent("municipality-\(package.municipality).ics").path))
        }
    }

    /// A plan edited by hand to break a rule is caught by `check` with exit status 1.
    @Test func checkRejectsABrokenPlan() throws {
        let out = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let solve = try WSPlanBinary.run(["solve", scenario, "--out", out.path, "--time-limit", "10", "--quiet", "--csv-format", "plain"])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stderr.isEmpty, "--quiet: \(solve.stderr)")
        // --csv-format plain: no BOM, commas, decimal points.
        let costs = try String(contentsOf: out.appendingPathComponent("costs.csv"), encoding: .utf8)
        #expect(costs.hasPrefix("municipality,name,state,status,trainers,"))
        #expect(costs.contains(",6000.00,"))
        let calendar = try String(contentsOf: out.appendingPathComponent("calendar.csv"), encoding: .utf8)
        #expect(calendar.hasPrefix("date,weekday,kind,municipality,"))
        var plan = try PlanFile.read(path: out.appendingPathComponent("plan.json").path)
        let first = try #require(plan.packages.first)
        // Move the preparation meeting to the workshop's first day minus 7: R2 and R5-free but wrong gap.
        plan.packages[0].preparation = first.workshop[0].advanced(by: -7)
        // ... and its calendar event with it: plan.json's events must be the packages' own.
        let uid = CalendarEvent.uid(municipality: first.municipality, kind: .preparation, workshopDay: nil)
        if let i = plan.events?.firstIndex(where: { $0.uid == uid }) { plan.events?[i].date = first.workshop[0].advanced(by: -7) }
        let broken = out.appendingPathComponent("broken.json")
        try PlanFile.encode(plan).write(to: broken)
        let check = try WSPlanBinary.run(["check", scenario, broken.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("R2"))
    }

    /// costs.csv read as German Excel reads it: one row per package with plan.json's amounts to the
    /// cent, every row adding up, and the column sums equal to the plan's.
    func expectCostsMatch(_ data: Data, _ plan: Plan) throws {
        let rows = try GermanExcelCSV.read(data)
        let header = rows[0]
        #expect(header == CostsCSV.header(.excelGerman))
        /// Columns by their machine name: the German header is the same columns in the same order.
        func column(_ name: String) throws -> Int { try #require(CostsCSV.header(.plain).firstIndex(of: name), "no column \(name)") }
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        #expect(byID.count == plan.packages.count + plan.unscheduled.count)
        var sums = (fee: 0, travel: 0, total: 0)
        for package in plan.packages {
            let row = try #require(byID[package.municipality])
            let fee = try GermanExcelCSV.cents(row[column("fee")]), materials = try GermanExcelCSV.cents(row[column("materials")])
            let travel = try GermanExcelCSV.cents(row[column("travel")]), total = try GermanExcelCSV.cents(row[column("total")])
            #expect(fee == Int((package.costs.fee * 100).rounded()))
            #expect(materials == Int((package.costs.materials * 100).rounded()))
            #expect(travel == Int((package.costs.travel * 100).rounded()))
            #expect(total == Int((package.costs.total * 100).rounded()))
            #expect(fee + materials + travel == total, "\(package.municipality)")
            #expect(try GermanExcelCSV.cents(row[column("travel_trainer_1")]) + GermanExcelCSV.cents(row[column("travel_trainer_2")]) == travel)
            #expect(try Int(row[column("participants")]) == package.participants)
            #expect(try Int(row[column("hotel_nights")]) == package.costs.travelItems.reduce(0) { $0 + $1.hotelNights })
            #expect(try row[column("trainers")] == package.trainers.joined(separator: " "))
            #expect(try row[column("workshop")] == CSVDialect.excelGerman.date(package.workshop[0]))
            sums.fee += fee; sums.travel += travel; sums.total += total
        }
        #expect(sums.travel == plan.packages.reduce(0) { $0 + Int(($1.costs.travel * 100).rounded()) })
        #expect(sums.total == sums.fee + plan.packages.reduce(0) { $0 + Int(($1.costs.materials * 100).rounded()) } + sums.travel)
        // Planned packages' travel is the objective's travel term (pinned bookings are constants outside it).
        let plannedTravel = plan.packages.filter { !$0.pinned }.reduce(0) { $0 + Int(($1.costs.travel * 100).rounded()) }
        #expect(abs(plannedTravel - Int((plan.objectiveTerms.travel * 100).rounded())) <= plan.packages.count)
        for request in plan.unscheduled {
            #expect(try byID[request.municipality]?[column("status")] == "nicht geplant")
            #expect(try byID[request.municipality]?[column("state")].isEmpty == false, "costs.csv keeps the state of \(request.municipality)")
        }
    }

    /// Bad input: exit 1, the problems named, and an earlier output folder left untouched.
    @Test func badInputWritesNothing() throws {
        let folder = try WSPlanBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let earlier = Data("earlier plan".utf8)
        try earlier.write(to: out.appendingPathComponent("plan.json"))
        let yaml = folder.appendingPathComponent("bad.yaml")
        try """
        name: broken
        planning_start: 2026-12-01
        horizon: {from: 2027-03-31, to: 2027-01-01}
        trainers:
          - {id: a, home: Köln}
          - {id: b, home: Atlantis}
        municipalities:
          - {id: x, name: Kassel, participants: 41}
        """.write(to: yaml, atomically: true, encoding: .utf8)
        let solve = try WSPlanBinary.run(["solve", yaml.path, "--out", out.path])
        #expect(solve.status == 1)
        #expect(solve.stderr.contains("bad.yaml"))
        #expect(solve.stderr.contains("Atlantis"))
        #expect(solve.stderr.contains("41"))
        #expect(try Data(contentsOf: out.appendingPathComponent("plan.json")) == earlier)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("calendar.csv").path))
    }
}
