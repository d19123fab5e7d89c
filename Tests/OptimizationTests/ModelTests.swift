import Optimization
import Testing

struct ModelTests {
    @Test func termsOnTheSameVariableAreMerged() {
        var model = Model()
        let x = model.addBinary("x"), y = model.addBinary("y")
        model.addConstraint("r", [.init(x, 1), .init(y, 2), .init(x, 3), .init(y, -2)], upper: 4)
        #expect(model.constraints[0].expression.terms == [.init(x, 4)])
        #expect(model.nonZeros == 1)
    }

    @Test func constantsMoveToTheBounds() {
        var model = Model()
        let x = model.addVariable("x")
        model.addConstraint("r", LinearExpression([.init(x, 1)], constant: 3), lower: 5, upper: 10)
        #expect(model.constraints[0].lower == 2)
        #expect(model.constraints[0].upper == 7)
    }

    @Test func objectiveValueIncludesTheConstant() {
        var model = Model()
        model.objectiveConstant = 1.5
        _ = model.addVariable("x", objective: 2)
        _ = model.addVariable("y", objective: -1)
        #expect(model.objectiveValue([3, 4]) == 3.5)
    }

    @Test func gapIsRelativeToTheIncumbent() {
        let result = SolveResult(termination: .timeLimit, status: .feasible, values: [], objective: 200, bound: 150, seconds: 1)
        #expect(result.relativeGap == 0.25)
    }
}
