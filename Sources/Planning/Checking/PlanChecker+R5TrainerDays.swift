extension PlanChecker {
    /// R5 Trainer days: a trainer works at most one event per calendar day, over all packages
    /// (confirmed bookings occupy their days), and never on a day marked unavailable.
    ///
    /// When events collide, the one that holds the day is a confirmed booking if there is one, else
    /// the first municipality by id; every other event that day is reported against its municipality.
    /// A confirmed booking on an unavailable day is a fact the plan cannot change, so it is not reported.
    func r5TrainerDays(_ facts: [PackageFacts]) -> [Violation] {
        struct Occupant {
            let fact: PackageFacts
            let kind: EventKind
            var precedence: (Int, String, Int) { (fact.isConfirmed ? 0 : 1, fact.municipality, fact.index) }
        }
        var days: [String: [Day: [Occupant]]] = [:]
        var found: [Violation] = []
        for fact in facts {
            for trainer in fact.distinctTrainers {
                for (kind, day) in fact.eventDays {
                    days[trainer, default: [:]][day, default: []].append(Occupant(fact: fact, kind: kind))
                    if !fact.isConfirmed, let known = trainersByID[trainer], known.unavailable.contains(day) {
                        found.append(Violation(.r5, fact.municipality,
                                               "trainer \(trainer) is unavailable on \(day) (\(CheckerText.dayLabel(kind)))"))
                    }
                }
            }
        }
        for (trainer, byDay) in days {
            for (day, occupants) in byDay where occupants.count > 1 {
                let ordered = occupants.sorted { $0.precedence < $1.precedence }
                let holder = ordered[0]
                for other in ordered.dropFirst() {
                    found.append(Violation(.r5, other.fact.municipality,
                                           "trainer \(trainer) has two events on \(day): the \(CheckerText.eventName(other.kind)) "
                                               + "of \(other.fact.municipality) and the \(CheckerText.eventName(holder.kind)) "
                                               + "of \(holder.fact.municipality)"))
                }
            }
        }
        return found
    }
}
