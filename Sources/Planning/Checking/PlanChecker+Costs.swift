import Foundation

extension PlanChecker {
    /// Cost, to the cent (SPEC §1, §3 as a ledger): each package's six travel lines (two trainers ×
    /// three events) recomputed from the spec – km, round trips, hotel nights, cost – and complete;
    /// the package's travel the sum of its lines and the spec's; the fee; the materials
    /// (participants × rate); and a total that is fee + materials + travel. Confirmed bookings included.
    func costs(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts {
            func report(_ text: String) { found.append(Violation(.cost, fact.municipality, text)) }
            let stated = fact.package.costs
            let fee = SpecTravel.cents(scenario.costs.feeEur)
            let materials = SpecTravel.cents(Double(fact.participants) * scenario.costs.materialsEurPerParticipant)
            for (item, planned, expected) in [("fee", stated.fee, fee), ("materials", stated.materials, materials)]
            where CheckerMoney.differ(planned, expected) {
                report("\(item) is \(CheckerText.eur(planned)) EUR in the plan, \(CheckerText.eur(expected)) EUR by the spec")
            }
            if let lines = expectedLines(fact) {
                found += travelLines(fact, expected: lines)
                let travel = lines.reduce(Decimal(0)) { $0 + $1.line.cost }
                if CheckerMoney.differ(stated.travel, travel) {
                    report("travel is \(CheckerText.eur(stated.travel)) EUR in the plan, \(CheckerText.eur(travel)) EUR by the spec")
                }
            }
            let lineSum = stated.travelItems.reduce(Decimal(0)) { $0 + SpecTravel.cents($1.cost) }
            if !stated.travelItems.isEmpty, CheckerMoney.differ(stated.travel, lineSum) {
                report("travel is \(CheckerText.eur(stated.travel)) EUR, but its travel lines sum to \(CheckerText.eur(lineSum)) EUR")
            }
            // The total is judged against the plan's own items, so that one wrong item is one finding.
            let sum = SpecTravel.cents(stated.fee) + SpecTravel.cents(stated.materials) + SpecTravel.cents(stated.travel)
            if CheckerMoney.differ(stated.total, sum) {
                report("total is \(CheckerText.eur(stated.total)) EUR in the plan, but its fee, materials and travel sum to \(CheckerText.eur(sum)) EUR")
            }
        }
        return found
    }

    /// The six lines the spec gives a package: per trainer and event, in plan order. Nil when the
    /// municipality or a trainer is unknown or repeated (coverage and R1 report that).
    func expectedLines(_ fact: PackageFacts) -> [(trainer: String, event: EventKind, line: SpecTravel.Line)]? {
        guard let location = fact.location, let trainers = knownTrainers(of: fact.package),
              Set(trainers.map(\.id)).count == trainers.count else { return nil }
        var lines: [(trainer: String, event: EventKind, line: SpecTravel.Line)] = []
        for trainer in trainers {
            let km = travel.roadKm(from: trainer.home, to: location, table: scenario.distances[trainer.id]?[fact.municipality])
            for event in EventKind.allCases { lines.append((trainer.id, event, travel.line(km: km, days: event.days))) }
        }
        return lines
    }

    /// The package's travel by the spec, in whole cents; nil when it cannot be recomputed.
    func expectedTravel(_ fact: PackageFacts) -> Decimal? {
        expectedLines(fact).map { $0.reduce(Decimal(0)) { $0 + $1.line.cost } }
    }

    /// Each expected line present once and right; no line for anybody else.
    private func travelLines(_ fact: PackageFacts, expected: [(trainer: String, event: EventKind, line: SpecTravel.Line)]) -> [Violation] {
        var found: [Violation] = []
        func report(_ text: String) { found.append(Violation(.cost, fact.municipality, text)) }
        let items = fact.package.costs.travelItems
        guard !items.isEmpty else {
            report("the travel lines are missing: the cost sheet needs \(expected.count), one per trainer and event")
            return found
        }
        for (trainer, event, line) in expected {
            let matching = items.filter { $0.trainer == trainer && $0.event == event }
            let what = "the travel line of \(trainer) for the \(CheckerText.eventName(event))"
            guard let item = matching.first else { report("\(what) is missing"); continue }
            if matching.count > 1 { report("\(what) is listed \(matching.count) times") }
            if CheckerMoney.differKm(item.km, line.km) {
                report("\(what) gives \(item.km) km, the spec \(line.km) km")
            }
            if item.roundTrips != line.roundTrips {
                report("\(what) gives \(CheckerText.count(item.roundTrips, "round trip")), the spec \(line.roundTrips)")
            }
            if item.hotelNights != line.hotelNights {
                report("\(what) gives \(CheckerText.count(item.hotelNights, "hotel night")), the spec \(line.hotelNights)")
            }
            if CheckerMoney.differ(item.cost, line.cost) {
                report("\(what) costs \(CheckerText.eur(item.cost)) EUR in the plan, \(CheckerText.eur(line.cost)) EUR by the spec")
            }
        }
        let trainers = Set(expected.map(\.trainer))
        for item in items where !trainers.contains(item.trainer) {
            report("a travel line of \(item.trainer) for the \(CheckerText.eventName(item.event)), who does not run the package")
        }
        return found
    }
}
