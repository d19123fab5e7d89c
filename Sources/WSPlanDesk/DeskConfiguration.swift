import Foundation

/// What `wsplan serve` was started with.
public struct DeskConfiguration: Sendable {
    /// The scenario folder; no request reads or writes outside it (and the plans' output folders).
    public var folder: String
    /// The folder whose `out/` holds the plans (the working folder, as for `wsplan solve`).
    public var workingFolder: String
    public var host: String
    public var port: Int
    /// When set, every office page asks for it (HTTP Basic; any user name). Feeds need their token only.
    public var password: String?
    /// The largest request body accepted (uploads, forms).
    public var uploadLimit: Int

    public init(folder: String, workingFolder: String = ".", host: String = "127.0.0.1", port: Int = 8080, password: String? = nil,
                uploadLimit: Int = 2 << 20) {
        self.folder = folder
        self.workingFolder = workingFolder
        self.host = host
        self.port = port
        self.password = password
        self.uploadLimit = uploadLimit
    }

    /// Loopback addresses need no password; any other address does.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
