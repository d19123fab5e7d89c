import Planning
import Testing

/// `DateShape.count` is how the column budget is planned; `includes` is what the model builds.
/// They must agree for every shape of the ladder and every number of meeting days.
@Suite struct DateShapeTests {
    @Test(arguments: DateShape.ladder.indices)
    func countIsTheNumberOfIncludedCombinations(_ rung: Int) {
        let shape = DateShape.ladder[rung]
        for p in 1...9 {
            for f in 1...9 {
                let included = (0..<p).flatMap { i in (0..<f).filter { j in shape.includes(i, j) } }.count
                #expect(shape.count(p, f) == included, "\(shape) with \(p) × \(f) days")
                #expect(shape.coversAll(p, f) == (included == p * f))
                // The best combination is always a column.
                #expect(shape.includes(0, 0))
            }
        }
    }

    @Test func theLadderGetsPoorerStepByStep() {
        for (richer, poorer) in zip(DateShape.ladder, DateShape.ladder.dropFirst()) {
            #expect(richer.count(7, 7) >= poorer.count(7, 7), "\(richer) before \(poorer)")
        }
        #expect(DateShape.exact.coversAll(30, 30))
        #expect(DateShape.ladder.last!.count(30, 30) == 1)
    }
}
