import Foundation

/// An `application/x-www-form-urlencoded` body.
struct Form {
    var fields: [String: String] = [:]
    /// Every value of a key that occurs more than once (checkboxes), in order.
    private var all: [(String, String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Form.decode(parts[0]), value = parts.count > 1 ? Form.decode(parts[1]) : ""
            fields[key] = value
            all.append((key, value))
        }
    }

    subscript(_ key: String) -> String? { fields[key] }

    func values(_ key: String) -> [String] { all.filter { $0.0 == key }.map(\.1) }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
