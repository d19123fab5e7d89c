import Foundation
import Hummingbird
import HummingbirdTesting
@testable import WSPlanDesk

/// A copy of the repository's Scenarios/ in a fresh temporary folder (tests never touch the
/// repository's files); plans go to `<temp>/out/`.
struct DeskFixture {
    let root: URL
    var scenarios: URL { root.appendingPathComponent("Scenarios") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wsplan-desk-\(UUID().uuidString)")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Scenarios"), to: scenarios)
    }

    func configuration(password: String? = nil, uploadLimit: Int = 2 << 20) -> DeskConfiguration {
        DeskConfiguration(folder: scenarios.path, workingFolder: root.path, password: password, uploadLimit: uploadLimit)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The CSRF token the page's forms carry.
    var csrf: String? {
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension TestClientProtocol {
    func post(_ uri: String, _ form: String) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: form))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    }
}
