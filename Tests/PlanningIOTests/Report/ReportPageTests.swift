import Foundation
import Planning
import Testing
@testable import PlanningIO

@Suite struct ReportPageTests {
    let html = ReportFixture.html

    private func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    @Test func escapesEveryNameFromTheInput() {
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>Müller</b>"))
        #expect(html.contains("Stadt &lt;script&gt;alert(1)&lt;/script&gt;Gütersloh"))
        #expect(html.contains("Anna &lt;b&gt;Müller&lt;/b&gt;"))
        #expect(html.contains("Deniz &quot;D&quot; Yılmaz &amp; Co"))
        #expect(html.contains("Ewa O&#39;Novak"))
        #expect(html.contains("<title>Workshop-Planung: Q1 &lt;Test&gt; &amp; &quot;Co&quot;</title>"))
        #expect(html.contains("no two trainers free &lt;on&gt; two consecutive"))
    }

    @Test func writesGermanDatesAndMoney() {
        #expect(html.contains("Dienstag, 09.02.2027"))        // cost sheet
        #expect(html.contains("Di, 09.02.2027"))              // timeline titles
        #expect(html.contains("7.234,56 €"))                  // package total
        #expect(html.contains("6.000,00 €"))                  // fee
        #expect(html.contains("321,3"))                       // km, one decimal with a comma
        #expect(html.contains("0,46 %"))                      // gap
        #expect(html.contains("12,3 s"))                      // time
        #expect(html.contains("-300,00 €"))                   // preferred-pair bonus
        #expect(html.contains("Februar 2027"))                // month calendar
        #expect(html.contains("zulässig"))                    // status in German
        #expect(!html.contains("2027-02-09"))                 // no ISO dates for the office
    }

    @Test func showsEveryMunicipalityAndTrainer() {
        for request in ReportFixture.requests { #expect(html.contains(HTML.escape(request.name)), "\(request.name)") }
        for trainer in ReportFixture.trainers {
            #expect(count("data-trainer=\"\(trainer.id)\"") == 2, "timeline row and map home of \(trainer.id)")
            #expect(html.contains(HTML.escape(trainer.name)))
        }
        #expect(count("<section class=\"sheet\"") == 2)
        #expect(count("class=\"muni scheduled\"") == 1)
        #expect(count("class=\"muni pinned\"") == 1)
        #expect(count("class=\"muni unscheduled\"") == 1)
    }

    @Test func drawsTheMapAndTheTimelines() {
        #expect(count("<svg class=\"map\"") == 1)
        #expect(count("<path class=\"state\"") == 16)
        #expect(count("<svg class=\"timeline\"") == 1)
        // Three events for each trainer of each package, one of them pinned.
        #expect(count("<rect class=\"event ev-") == 12)
        #expect(count("<rect class=\"event ev-pinned\"") == 6)
        // Müller's five unavailable days are one bar.
        #expect(count("<rect class=\"unavailable\"") == 1)
        // Two travel lines per package, to the pair's homes.
        #expect(count("<line class=\"travel\"") == 4)
        #expect(html.contains("Erfahrungsaustausch"))
        #expect(html.contains("Dienstag, 07.03.2028"))
    }

    @Test func isSelfContained() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("url(http"))
        #expect(html.contains("Natural Earth"))
        #expect(html.contains("GeoNames"))
        #expect(html.contains("CC BY 4.0"))
    }

    @Test func solveWritesTheReportBesideThePlan() throws {
        let files = try PlanOutputs.files(for: ReportFixture.plan, stamp: "20270101T000000Z",
                                          report: ReportFacts(scenario: ReportFixture.scenario))
        #expect(files["report.html"].map { String(decoding: $0, as: UTF8.self) } == html)
        #expect(try PlanOutputs.files(for: ReportFixture.plan, stamp: "20270101T000000Z")["report.html"] == nil)
    }
}

@Suite struct ReportFormatTests {
    @Test func germanNumbers() {
        #expect(GermanFormat.number(1234.5, decimals: 1) == "1.234,5")
        #expect(GermanFormat.number(1234567.891, decimals: 2) == "1.234.567,89")
        #expect(GermanFormat.number(999.996, decimals: 2) == "1.000,00")
        #expect(GermanFormat.number(-0.001, decimals: 2) == "0,00")
        #expect(GermanFormat.number(-12.5, decimals: 1) == "−12,5")
        #expect(GermanFormat.number(0.05, decimals: 2) == "0,05")
        #expect(GermanFormat.percent(0.0036) == "0,36 %")
        #expect(GermanFormat.shortDate(Day(iso: "2027-02-09")!) == "Di, 09.02.2027")
        #expect(GermanFormat.numericDate(Day(iso: "2027-12-31")!) == "31.12.2027")
    }

    @Test func escaping() {
        #expect(HTML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTML.escape("Müller") == "Müller")
    }

    @Test func shortNames() {
        #expect(ShortName.of("Stadt Gütersloh") == "Gütersloh")
        #expect(ShortName.of("Hanse- und Universitätsstadt Rostock") == "Rostock")
        #expect(ShortName.of("Landkreis Osnabrück") == "Osnabrück")
        #expect(ShortName.of("Stadt") == "Stadt")
        #expect(ShortName.of("Gütersloh") == "Gütersloh")
    }

    @Test func unavailableDaysMergeIntoRanges() {
        let d = { (text: String) in Day(iso: text)! }
        let ranges = ReportTimeline.ranges(of: [d("2027-02-01"), d("2027-02-02"), d("2027-02-03"), d("2027-02-05")])
        #expect(ranges == [d("2027-02-01")...d("2027-02-03"), d("2027-02-05")...d("2027-02-05")])
    }
}

@Suite struct ReportFactsTests {
    @Test func homesGivenAsCoordinatesReadAsTheLargestNearbyTown() {
        #expect(ReportFacts.readableHome("52.52, 13.40", Coordinate(lat: 52.52, lon: 13.40)) == "bei Berlin")
        #expect(ReportFacts.readableHome("Köln", Coordinate(lat: 50.94, lon: 6.96)) == "Köln")
        // In the North Sea, far from any town: German coordinates.
        #expect(ReportFacts.readableHome("54.5, 6.5", Coordinate(lat: 54.5, lon: 6.5)) == "54,50° N, 6,50° O")
    }
}
