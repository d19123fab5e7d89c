import Foundation

/// A `multipart/form-data` body (a file upload form), read into its parts. The part's file name
/// is kept only to be shown; no path is ever made from it.
struct Multipart {
    struct Part {
        var name: String
        var fileName: String?
        var data: Data
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    var parts: [Part]

    subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// The parts; nil when the body is not well-formed multipart.
    init?(_ body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8), crlf = Data("\r\n".utf8), headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        parts = []
        while true {
            if body[cursor...].starts(with: Data("--".utf8)) { return }   // the closing delimiter
            guard body[cursor...].starts(with: crlf) else { return nil }
            cursor += crlf.count
            guard let headersEnd = body.range(of: headerEnd, in: cursor..<body.endIndex) else { return nil }
            let headers = String(decoding: body[cursor..<headersEnd.lowerBound], as: UTF8.self)
            let contentStart = headersEnd.upperBound
            guard let next = body.range(of: crlf + delimiter, in: contentStart..<body.endIndex) else { return nil }
            var name: String?, fileName: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            guard let name else { return nil }
            parts.append(Part(name: name, fileName: fileName, data: Data(body[contentStart..<next.lowerBound])))
            cursor = next.upperBound
        }
    }

    /// `name="value"` in a Content-Disposition line.
    private static func parameter(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: "; \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }
}
