import Foundation
import Planning

/// The school holidays shipped with wsplan (`Resources/school-holidays.csv`, 2024 to 2029).
public enum BundledSchoolHolidays {
    /// Every state's breaks, in date order; loaded on first use.
    public static let byState: [GermanState: [SchoolHoliday]] = {
        guard let url = Bundle.module.url(forResource: "school-holidays", withExtension: "csv"),
              let data = try? Data(contentsOf: url) else {
            fatalError("wsplan is installed without its resource school-holidays.csv")
        }
        return parse(String(decoding: data, as: UTF8.self))
    }()

    /// Reads `state,first_day,last_day,name` rows (a header line first); skips malformed rows.
    public static func parse(_ csv: String) -> [GermanState: [SchoolHoliday]] {
        var result: [GermanState: [SchoolHoliday]] = [:]
        for record in CSVReader.read(csv).records.dropFirst() {
            let fields = record.fields.map(\.text)
            guard fields.count == 4, let state = GermanState(rawValue: fields[0]),
                  let first = Day(iso: fields[1]), let last = Day(iso: fields[2]) else { continue }
            result[state, default: []].append(SchoolHoliday(first: first, last: last, name: fields[3]))
        }
        return result.mapValues { $0.sorted { $0.first < $1.first } }
    }
}
