import Foundation

/// An `application/x-www-form-urlencoded` body.
struct Form {
    var fields: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Form.decode(parts[0]), value = parts.count > 1 ? Form.decode(parts[1]) : ""
            fields[key] = value
        }
    }

    subscript(_ key: String) -> String? { fields[key] }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
