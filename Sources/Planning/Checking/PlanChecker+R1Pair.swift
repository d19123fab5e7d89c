extension PlanChecker {
    /// R1 Pair: exactly two distinct trainers, known and sorted, who run all three events; never a
    /// forbidden pair; the municipality's required trainers in, its excluded trainers out.
    ///
    /// A confirmed booking is checked only for the shape of its pair: who runs it is a fixed fact.
    func r1Pair(_ facts: [PackageFacts]) -> [Violation] {
        var found: [Violation] = []
        for fact in facts {
            let trainers = fact.package.trainers
            func report(_ text: String) { found.append(Violation(.r1, fact.municipality, text)) }
            if trainers.count != 2 {
                report("\(CheckerText.count(trainers.count, "trainer")) (\(trainers.joined(separator: ", "))); a package has exactly two")
            }
            var seen: Set<String> = []
            for id in trainers where !seen.insert(id).inserted {
                report("trainer \(id) is listed twice; a package needs two distinct trainers")
            }
            found += unknownTrainers(fact)
            if trainers != trainers.sorted() {
                report("trainers \(trainers.joined(separator: ", ")) are not sorted")
            }
            guard !fact.isConfirmed else { continue }
            if trainers.count == 2, let pair = TrainerPair(trainers[0], trainers[1]),
               scenario.forbiddenPairs.contains(pair) {
                report("\(pair.first) and \(pair.second) are a forbidden pair")
            }
            if let request = fact.request {
                for id in request.requires where !trainers.contains(id) {
                    report("the municipality requires trainer \(id), who is not in the pair \(trainers.joined(separator: "+"))")
                }
                for id in request.excludes where trainers.contains(id) {
                    report("the municipality excludes trainer \(id)")
                }
            }
        }
        return found
    }
}
