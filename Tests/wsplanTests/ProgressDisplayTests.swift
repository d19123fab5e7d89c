import Foundation
import Optimization
import Testing
@testable import wsplan

/// What the progress display writes on a terminal, into a log, and with --quiet.
struct ProgressDisplayTests {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [String] = []
        func write(_ text: String) { lock.lock(); chunks.append(text); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return chunks }
        var text: String { all.joined() }
    }

    let size = ModelSize(rows: 693, columns: 43105, nonZeros: 727949)

    func solving(_ incumbent: Double?, _ bound: Double? = 27000) -> SolverProgress {
        SolverProgress(phase: .solving, incumbent: incumbent, bound: bound, elapsed: 1, size: size)
    }

    @Test func lineShowsPhaseSizeBestBoundGapAndTime() {
        let line = ProgressDisplay.describe(solving(30000), elapsed: 12.34)
        #expect(line == "solving · best 30000.00 EUR · bound 27000.00 EUR · gap 10.00 % · 12.3 s")
        #expect(line.count + "wsplan: ".count < 80)
        let early = ProgressDisplay.describe(SolverProgress(phase: .building, elapsed: 0), elapsed: 0.5)
        #expect(early == "building the model · best none yet · 0.5 s")
        let built = ProgressDisplay.describe(SolverProgress(phase: .building, incumbent: 30000, elapsed: 0, size: size), elapsed: 2)
        #expect(built == "building the model (693 rows × 43105 columns, 727949 non-zeros) · best 30000.00 EUR · 2.0 s")
    }

    /// On a terminal: one line rewritten in place, cleared to its end, throttled, notes above it.
    @Test func terminalRewritesOneLineInPlace() {
        let sink = Sink()
        let display = ProgressDisplay(quiet: false, terminal: true, write: sink.write, columns: { 200 })
        display.update(solving(30000))
        display.update(solving(30000))          // same plan, within 200 ms: not shown
        display.update(solving(29000))          // a better plan: shown at once
        display.note("model: 43105 columns")
        display.finish()
        let chunks = sink.all
        #expect(chunks.count == 4)
        #expect(chunks[0].hasPrefix("\rwsplan: solving · best 30000.00 EUR") && chunks[0].hasSuffix("\u{1B}[K"))
        #expect(chunks[1].contains("best 29000.00 EUR"))
        #expect(!chunks[0].contains("\n") && !chunks[1].contains("\n"))
        // The note clears the live line, prints itself, and draws the live line again.
        #expect(chunks[2].hasPrefix("\r\u{1B}[Kwsplan: model: 43105 columns\n\rwsplan: solving"))
        #expect(chunks[3] == "\n")
    }

    /// Into a pipe or file: plain lines, no escape codes; a new line per phase and per better plan only.
    @Test func plainLinesWithoutEscapes() {
        let sink = Sink()
        let display = ProgressDisplay(quiet: false, terminal: false, write: sink.write)
        display.show(.reading)
        display.update(solving(nil))
        display.update(solving(nil))            // nothing new, within 5 s
        display.update(solving(30000))
        display.update(solving(30000))
        display.finish()
        let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)               // reading, solving, better plan, and the empty rest after the last \n
        #expect(lines[0].hasPrefix("wsplan: reading"))
        #expect(lines[2].contains("best 30000.00 EUR"))
        #expect(!sink.text.contains("\u{1B}") && !sink.text.contains("\r"))
    }

    @Test func quietWritesNothingButWarnings() {
        let sink = Sink()
        let display = ProgressDisplay(quiet: true, terminal: true, write: sink.write)
        display.update(solving(30000))
        display.note("hello")
        display.finish()
        #expect(sink.all.isEmpty)
        display.warn("interrupted")
        #expect(sink.text == "wsplan: interrupted\n")
    }

    @Test func longLinesAreCutToTheTerminalWidth() {
        let line = String(repeating: "x", count: 120)
        #expect(ProgressDisplay.fit(line, columns: 80).count == 79)
        #expect(ProgressDisplay.fit("short", columns: 80) == "short")
    }
}
