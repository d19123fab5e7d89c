extension PlanChecker {
    /// R2 Preparation gap: `min ≤ W − P ≤ max` days (confirmed bookings: `confirmedBookingRules`).
    func r2PreparationGap(_ facts: [PackageFacts]) -> [Violation] {
        facts.compactMap { fact in
            guard !fact.isConfirmed, let start = fact.workshopStart else { return nil }
            let preparation = fact.package.preparation
            let gap = preparation.distance(to: start)
            let rule = scenario.rules.prepGap
            guard gap < rule.min || gap > rule.max else { return nil }
            return Violation(.r2, fact.municipality,
                             "workshop \(start) is \(gap) days after the preparation \(preparation); allowed \(rule.min)–\(rule.max)")
        }
    }

    /// R3 Follow-up gap: `min ≤ F − W ≤ max` days (confirmed bookings: `confirmedBookingRules`).
    func r3FollowupGap(_ facts: [PackageFacts]) -> [Violation] {
        facts.compactMap { fact in
            guard !fact.isConfirmed, let start = fact.workshopStart else { return nil }
            let followup = fact.package.followup
            let gap = start.distance(to: followup)
            let rule = scenario.rules.followupGap
            guard gap < rule.min || gap > rule.max else { return nil }
            return Violation(.r3, fact.municipality,
                             "follow-up \(followup) is \(gap) days after the workshop \(start); allowed \(rule.min)–\(rule.max)")
        }
    }
}
