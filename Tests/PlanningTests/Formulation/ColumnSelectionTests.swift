@testable import Planning
import Testing

/// The column budget: the shape chosen is the richest of the ladder that fits, the early-stopping
/// count agrees with the full one, and within the budget every candidate is kept.
@Suite struct ColumnSelectionTests {
    static var planner: Planner { Planner(scenario: CandidateBuilderTests.scenario()) }

    @Test func fitsAgreesWithTheTotalOnEveryShapeAndBudget() {
        let candidates = Self.planner.candidates
        for shape in DateShape.ladder {
            let total = ColumnSelection.totalColumns(candidates, shape)
            #expect(total > 0)
            for budget in [0, total - 1, total, total + 1, 10 * total] {
                #expect(ColumnSelection.fits(candidates, shape, within: budget) == (total <= budget), "\(shape) within \(budget)")
            }
        }
    }

    @Test func theRichestShapeThatFitsIsChosen() {
        let candidates = Self.planner.candidates
        let totals = DateShape.ladder.map { ColumnSelection.totalColumns(candidates, $0) }
        for (rung, total) in totals.enumerated() {
            var options = FormulationOptions()
            options.columnBudget = total
            let shape = ColumnSelection.shape(for: candidates, options: options)
            let expected = DateShape.ladder.first { ColumnSelection.totalColumns(candidates, $0) <= total }!
            #expect(shape == expected)
            #expect(DateShape.ladder.firstIndex(of: shape)! <= rung)
        }
        var tiny = FormulationOptions()
        tiny.columnBudget = 0
        #expect(ColumnSelection.shape(for: candidates, options: tiny) == DateShape.ladder.last!)
    }

    @Test func withinTheBudgetEveryColumnIsKept() {
        let planner = Self.planner
        let selection = ColumnSelection.select(planner.candidates, options: FormulationOptions(), shape: planner.shape, lpUse: [:],
                                               start: planner.greedy())
        #expect(!selection.isPruned)
        for (m, candidate) in planner.candidates.enumerated() {
            for option in candidate.options {
                for day in option.workshopDays { #expect(selection.keeps(request: m, pair: option.pair, day: day)) }
            }
        }
    }

    /// Over the budget the start plan stays representable (it is the search's first incumbent).
    @Test func overTheBudgetTheStartStaysRepresentable() {
        let planner = Self.planner
        var options = FormulationOptions()
        options.columnBudget = 50
        let start = planner.greedy()
        let selection = ColumnSelection.select(planner.candidates, options: options, shape: planner.shape, lpUse: [:], start: start)
        #expect(selection.isPruned)
        for choice in start { #expect(selection.keeps(request: choice.request, pair: choice.pair, day: choice.workshop), "\(choice)") }
    }
}
