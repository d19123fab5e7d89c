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

    /// A file upload as a browser sends it (multipart/form-data), with the form's CSRF token and version.
    func upload(_ uri: String, csrf: String?, version: String, file: Data, fileName: String = "requests.csv") async throws -> TestResponse {
        let boundary = "----wsplan-test-boundary-7f3a"
        var body = Data()
        func part(_ name: String, _ value: Data, fileName: String? = nil) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8)
            if let fileName { body += Data("; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream".utf8) }
            body += Data("\r\n\r\n".utf8) + value + Data("\r\n".utf8)
        }
        if let csrf { part("csrf", Data(csrf.utf8)) }
        part("version", Data(version.utf8))
        part("file", file, fileName: fileName)
        body += Data("--\(boundary)--\r\n".utf8)
        return try await executeRequest(uri: uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(bytes: body))
    }
}
