import Foundation
import Planning
@testable import PlanningIO
import Testing

/// Issue 15, probed again: scenario values that loaded silently before this change.
@Suite struct HostileScenarioTests {
    static let requests = "id,name,participants\nguetersloh,Gütersloh,30\n"

    /// The scenario's own name reaches every calendar's X-WR-CALNAME and the report's title.
    @Test func aScenarioNameIsOneLineOfBoundedLength() throws {
        for name in [#""Q1\r\nX-INJ:1""#, String(repeating: "Q", count: 300)] {
            let folder = try ScenarioFolder(["scenario.yaml": minimalScenario().replacingOccurrences(of: "name: Test", with: "name: \(name)"),
                                             "requests.csv": Self.requests])
            #expect(folder.problems().contains { $0.line == 1 && $0.message.contains("scenario's name") }, "\(folder.problems())")
        }
    }

    /// A trainer's home with lat and lon swapped (12.37, 51.34: in the Arabian Sea) priced every
    /// trip of hers at thousands of euros; request and booking coordinates were checked already.
    @Test func aTrainerHomeOutsideGermanyIsAnErrorSuggestingTheSwap() throws {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario().replacingOccurrences(
                                            of: "{id: yilmaz, home: Berlin}", with: "{id: yilmaz, home: {lat: 12.37, lon: 51.34}}"),
                                         "requests.csv": Self.requests])
        #expect(folder.problems().contains { $0.line == 6 && $0.message.contains("did you swap them?") }, "\(folder.problems())")
    }
}

/// Ids that NTFS or APFS would store as one file name must clash in wsplan too.
@Suite struct IdentifierClashTests {
    @Test(arguments: [("hamm", "Hamm"), ("ıserlohn", "iserlohn"), ("ſoest", "soest"), ("jen\u{E1}", "jena\u{301}"), ("\u{212A}iel", "kiel")])
    func idsThatNameOneFileShareAKey(_ a: String, _ b: String) {
        #expect(Identifier.fileKey(a) == Identifier.fileKey(b), "\(a) \(b)")
    }

    @Test func aDotlessIBesideAnIIsRefusedInAScenario() throws {
        let folder = try ScenarioFolder(["scenario.yaml": minimalScenario(),
                                         "requests.csv": "id,name,participants\niserlohn,Iserlohn,30\nıserlohn,Iserlohn 2,20\n"])
        #expect(folder.problems().contains { $0.line == 3 && $0.message.contains("used twice") }, "\(folder.problems())")
    }
}

/// `--out` below a file: it was reported as "… is not writable (Permission denied)".
@Suite struct OutputBelowAFileTests {
    @Test func anOutputFolderBelowAFileSaysItIsAFile() throws {
        let folder = try ScenarioFolder(["afile": "x"])
        #expect {
            _ = try OutputFolder.prepare(folder.path("afile") + "/plan")
        } throws: { error in
            "\(error)".contains("is a file, not a folder") && !"\(error)".contains("Permission denied")
        }
    }
}
