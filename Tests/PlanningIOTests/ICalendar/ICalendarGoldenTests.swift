import Foundation
import Testing
@testable import PlanningIO

/// The calendars of the small plan, byte for byte, against Tests/ical/golden/ (which
/// Tests/ical/test_ical.py also runs through libical and the `icalendar` parser).
///
/// After an intended change to the files, regenerate them and review the diff:
///
///     WSPLAN_UPDATE_GOLDEN=1 swift test --filter ICalendarGoldenTests
@Suite(.serialized) struct ICalendarGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ical/golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["WSPLAN_UPDATE_GOLDEN"] == "1" }

    /// File name (`all.ics`, …) to bytes.
    static var produced: [String: Data] {
        let files = ICalendarWriter(plan: ICalendarFixture.small, stamp: ICalendarFixture.firstStamp).files()
        return Dictionary(uniqueKeysWithValues: files.map { ((($0.key as NSString).lastPathComponent), $0.value) })
    }

    static func goldenNames() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".ics") })
    }

    @Test func matchesTheGoldenFiles() throws {
        let produced = Self.produced
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            for stale in Self.goldenNames().subtracting(produced.keys) {
                try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(stale))
            }
            for (name, data) in produced { try data.write(to: Self.folder.appendingPathComponent(name)) }
        }
        let hint = "regenerate with WSPLAN_UPDATE_GOLDEN=1 swift test --filter ICalendarGoldenTests, then review the diff"
        #expect(Self.goldenNames() == Set(produced.keys), "golden files in \(Self.folder.path) differ in names; \(hint)")
        for (name, data) in produced.sorted(by: { $0.key < $1.key }) {
            let url = Self.folder.appendingPathComponent(name)
            guard let golden = FileManager.default.contents(atPath: url.path) else {
                Issue.record("no golden file \(url.path); \(hint)")
                continue
            }
            if golden != data {
                let a = ICSInspector.physicalLines(Array(golden)), b = ICSInspector.physicalLines(Array(data))
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                func show(_ lines: [[UInt8]]) -> String {
                    line < lines.count ? String(decoding: lines[line], as: UTF8.self) : "(end of file)"
                }
                Issue.record("\(name) differs from the golden file at physical line \(line + 1):\n golden:   \(show(a))\n produced: \(show(b))\n\(hint)")
            }
        }
    }

    @Test func theGoldenFilesPassTheValidator() {
        for name in Self.goldenNames().sorted() {
            let data = FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path) ?? Data()
            let problems = ICSInspector.problems(in: data)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
        }
    }
}
