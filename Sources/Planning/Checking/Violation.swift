/// One way a plan breaks the spec, as `wsplan check` reports it.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken: `R1`…`R9` (SPEC §2), `coverage`, `cost` or `objective`.
    public var rule: Rule
    /// The municipality concerned; nil for findings about the whole plan (a trainer's load, the objective).
    public var municipality: String?
    /// One plain line that names the rule and the municipality, e.g.
    /// `R2 guetersloh: workshop 2027-02-09 is 14 days after the preparation 2027-01-26; allowed 21–42`.
    public var message: String

    public init(rule: Rule, municipality: String?, message: String) {
        self.rule = rule
        self.municipality = municipality
        self.message = message
    }

    /// A violation whose message is `text` behind the rule id and the municipality.
    init(_ rule: Rule, _ municipality: String?, _ text: String) {
        let subject = municipality.map { "\(rule.code) \($0)" } ?? rule.code
        self.init(rule: rule, municipality: municipality, message: "\(subject): \(text)")
    }

    public var description: String { message }

    /// Every rule the checker reports, in the order its findings are listed.
    public static let rules: [Rule] = [.coverage, .r1, .r2, .r3, .r4, .r5, .r6, .r7, .r8, .r9, .cost, .objective]

    /// The listing order: rule, then municipality (whole-plan findings first), then message.
    static func areInListingOrder(_ a: Violation, _ b: Violation) -> Bool {
        let rankA = rules.firstIndex(of: a.rule) ?? rules.count
        let rankB = rules.firstIndex(of: b.rule) ?? rules.count
        if rankA != rankB { return rankA < rankB }
        if a.municipality != b.municipality { return (a.municipality ?? "") < (b.municipality ?? "") }
        return a.message < b.message
    }
}
