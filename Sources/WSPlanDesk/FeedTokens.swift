import Foundation
import PlanningIO

/// The secret subscription URLs of the calendars: one random token per (scenario, calendar file),
/// kept in the scenario folder (`wsplan-feeds.json`) so that a restart keeps every subscription.
/// Renewing a token revokes the old URL.
final class FeedTokens: @unchecked Sendable {
    struct Feed: Codable, Equatable {
        var token: String
        var scenario: String
        /// `trainer-ID.ics` or `municipality-ID.ics`, as `wsplan solve` names them in ics/.
        var calendar: String
    }

    private struct File: Codable {
        var format = "wsplan-feeds/1"
        var feeds: [Feed]
    }

    static let fileName = "wsplan-feeds.json"
    private let path: String
    private let lock = NSLock()

    init(folder: URL) { path = folder.appendingPathComponent(Self.fileName).path }

    /// The feed with this token, if any.
    func feed(token: String) -> Feed? {
        lock.lock(); defer { lock.unlock() }
        return read().first { Tokens.equal($0.token, token) }
    }

    /// The token of each calendar, making (and saving) the missing ones.
    func tokens(scenario: String, calendars: [String]) throws -> [String: String] {
        lock.lock(); defer { lock.unlock() }
        var feeds = read()
        var result: [String: String] = [:]
        for calendar in calendars {
            if let feed = feeds.first(where: { $0.scenario == scenario && $0.calendar == calendar }) {
                result[calendar] = feed.token
            } else {
                let feed = Feed(token: Tokens.random(), scenario: scenario, calendar: calendar)
                feeds.append(feed)
                result[calendar] = feed.token
            }
        }
        if feeds != read() { try write(feeds) }
        return result
    }

    /// A new token for the calendar; the old URL stops working.
    func renew(scenario: String, calendar: String) throws {
        lock.lock(); defer { lock.unlock() }
        var feeds = read().filter { !($0.scenario == scenario && $0.calendar == calendar) }
        feeds.append(Feed(token: Tokens.random(), scenario: scenario, calendar: calendar))
        try write(feeds)
    }

    private func read() -> [Feed] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode(File.self, from: data))?.feeds ?? []
    }

    private func write(_ feeds: [Feed]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try DurableFiles.replace(path, with: try encoder.encode(File(feeds: feeds)))
    }
}
