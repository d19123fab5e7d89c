import Planning

/// Short labels for crowded places (map labels, calendar chips): "Stadt Gütersloh" → "Gütersloh",
/// "Landkreis Osnabrück" → "Osnabrück". Titles and cost sheets keep the full name.
enum ShortName {
    static let prefixes = [
        "Hanse- und Universitätsstadt ", "Landeshauptstadt ", "Universitätsstadt ", "Regionalverband ",
        "Freie und Hansestadt ", "Freie Hansestadt ", "Hansestadt ", "Große Kreisstadt ", "Kreisfreie Stadt ",
        "Landkreis ", "Städteregion ", "Stadt ", "Kreis ", "Region ", "Gemeinde ", "Markt ", "Samtgemeinde ",
        "Verbandsgemeinde ", "Amt ",
    ]

    static func of(_ name: String) -> String {
        for prefix in prefixes where name.hasPrefix(prefix) && name.count > prefix.count {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// Packages by short name, then id (the report's order of municipalities), each name shortened once.
    static func sorted(_ packages: [PlannedPackage]) -> [PlannedPackage] {
        packages.map { (key: (of($0.name), $0.municipality), package: $0) }.sorted { $0.key < $1.key }.map(\.package)
    }
}
