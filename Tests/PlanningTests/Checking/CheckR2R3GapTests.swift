import Testing
@testable import Planning

@Suite struct CheckR2R3GapTests {
    typealias F = CheckFixture

    /// Preparation dates for guetersloh's workshop on 2027-02-09, and whether R2 objects.
    @Test(arguments: [("2027-01-26", true),   // 14 days
                      ("2027-01-18", false),  // 22 days
                      ("2027-01-04", false),  // 36 days
                      ("2026-12-23", true)])  // 48 days
    func preparationGap(preparation: String, breaks: Bool) {
        let plan = F.plan(changing: "guetersloh") { $0.preparation = F.day(preparation) }
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        if breaks {
            F.expectOnly(violations, rule: .r2, municipalities: ["guetersloh"])
        } else {
            #expect(violations == [])
        }
    }

    /// R2's edges, for regensburg's workshop on Tuesday 2027-02-23: 21 and 42 days are allowed,
    /// 20 and 43 are not (all four preparation days are working days in BY). Only R2 is asked
    /// about: on 2027-01-12 the pair also has guetersloh's preparation, an R5 clash.
    @Test(arguments: [("2027-02-02", false),  // 21 days, the minimum
                      ("2027-02-03", true),   // 20 days
                      ("2027-01-12", false),  // 42 days, the maximum
                      ("2027-01-11", true)])  // 43 days
    func preparationGapEdges(preparation: String, breaks: Bool) {
        let plan = F.plan(changing: "regensburg") { $0.preparation = F.day(preparation) }
        // 2027-01-12 is also guetersloh's preparation with yilmaz (R5): only R2 is in question here.
        let violations = PlanChecker(scenario: F.scenario()).check(plan).filter { $0.rule != .r5 }
        if breaks {
            F.expectOnly(violations, rule: .r2, municipalities: ["regensburg"])
        } else {
            #expect(!violations.contains { $0.rule == .r2 }, "\(violations)")
        }
    }

    /// Follow-up dates for guetersloh's workshop on 2027-02-09, and whether R3 objects.
    @Test(arguments: [("2027-09-17", true),   // 220 days
                      ("2027-07-09", false),  // 150 days, the minimum
                      ("2027-09-07", false),  // 210 days, the maximum
                      ("2027-07-08", true)])  // 149 days
    func followupGap(followup: String, breaks: Bool) {
        let plan = F.plan(changing: "guetersloh") { $0.followup = F.day(followup) }
        let violations = PlanChecker(scenario: F.scenario()).check(plan)
        if breaks {
            F.expectOnly(violations, rule: .r3, municipalities: ["guetersloh"])
        } else {
            #expect(violations == [])
        }
    }
}

@Suite struct CheckGapLimitTests {
    typealias F = CheckFixture

    /// The limits are the scenario's: guetersloh waits 28 days, regensburg 29, and so does the
    /// confirmed booking of kassel, which a stricter rule reports too (SPEC's rules bind bookings).
    @Test(arguments: [(28, Set<String?>()), (29, Set<String?>(["guetersloh", "kassel"])),
                      (30, Set<String?>(["guetersloh", "regensburg", "kassel"]))])
    func preparationMinimum(minimum: Int, broken: Set<String?>) {
        var scenario = F.scenario()
        scenario.rules.prepGap.min = minimum
        let violations = PlanChecker(scenario: scenario).check(F.validPlan())
        #expect(Set(violations.map(\.municipality)) == broken)
        #expect(violations.allSatisfy { $0.rule == .r2 })
    }
}
