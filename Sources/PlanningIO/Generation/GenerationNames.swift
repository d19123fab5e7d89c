/// Names for synthetic trainers and ids, fixed lists so a seed always gives the same people.
enum GenerationNames {
    static let firstNames = [
        "Anna", "Deniz", "Jonas", "Ewa", "Lena", "Markus", "Aylin", "Thomas", "Sabine", "Karim", "Julia", "Stefan",
        "Miriam", "Tobias", "Katharina", "Mehmet", "Sophie", "Andreas", "Leonie", "Paul", "Fatma", "Jan", "Clara",
        "Michael", "Nadia", "Felix", "Hannah", "Oliver", "Svenja", "Elias", "Marta", "Daniel",
    ]
    static let lastNames = [
        "Müller", "Yılmaz", "Schmidt", "Nowak", "Hansen", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
        "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Kaya", "Krause",
        "Meier", "Lehmann", "Köhler", "Demir", "Herrmann", "König", "Walter", "Peters", "Kowalski", "Jung",
        "Möller", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Roth", "Beck",
    ]

    /// `Köln` → `koeln`, `Halle (Saale)` → `halle-saale`: lower-case ASCII letters, digits and dashes.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in Spelling.transcribedKey(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
