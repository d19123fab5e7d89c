import Foundation

/// The time stamped into outputs (`events[].modified` in plan.json, DTSTAMP and LAST-MODIFIED in
/// calendars): now, or the moment given in `SOURCE_DATE_EPOCH` (seconds since 1970, the
/// reproducible-builds convention), so that a repeated run can give byte-identical files.
public enum OutputClock {
    public static var now: Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
           let seconds = Int(text.trimmingCharacters(in: .whitespaces)), (0...253_402_300_799).contains(seconds) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }
}
