import Foundation
import Planning

/// The map of Germany: state borders, trainer homes, scheduled, pinned and unscheduled
/// municipalities; each municipality's travel lines to its pair's homes show on hover, or all at
/// once with the legend's switch (pure CSS, no script).
struct ReportMap {
    let plan: Plan
    let facts: ReportFacts

    func render() -> String {
        let projection = MapProjection(points: allPoints())
        var svg = "<svg class=\"map\" viewBox=\"0 0 \(projection.width) \(projection.height)\" role=\"img\" aria-label=\"Karte der Kommunen und Wohnorte\">\n"
        svg += "<g class=\"states\">\n"
        for (state, rings) in GermanyBorders.states {
            let d = rings.map { ring in
                ring.enumerated().map { i, c in (i == 0 ? "M" : "L") + projection.text(c) }.joined() + "Z"
            }.joined()
            svg += "<path class=\"state\" data-state=\"\(state.rawValue)\" d=\"\(d)\">\(HTML.title(state.germanName))</path>\n"
        }
        svg += "</g>\n<g class=\"municipalities\">\n"
        for package in plan.packages.sorted(by: { $0.name < $1.name }) { svg += municipality(package, projection) }
        let german = GermanReasons(plan: plan, facts: facts)
        for request in plan.unscheduled.sorted(by: { $0.name < $1.name }) { svg += unscheduled(request, projection, german) }
        svg += "</g>\n<g class=\"homes\">\n"
        for trainer in facts.trainers { svg += home(trainer, projection) }
        svg += "</g>\n</svg>\n"
        return "<div class=\"map-block\">\n<input type=\"checkbox\" id=\"show-travel\">\n" + legend() + "<div class=\"map-wrap\">\n" + svg + "</div>\n</div>\n"
    }

    private func allPoints() -> [Coordinate] {
        var points = GermanyBorders.states.flatMap { $0.1.flatMap { $0 } }
        points += facts.trainers.map(\.home)
        points += plan.packages.compactMap(location)
        points += plan.unscheduled.compactMap { facts.requests[$0.municipality]?.location }
        return points
    }

    private func location(_ package: PlannedPackage) -> Coordinate? {
        if let lat = package.lat, let lon = package.lon { return Coordinate(lat: lat, lon: lon) }
        return facts.requests[package.municipality]?.location
    }

    private func municipality(_ package: PlannedPackage, _ projection: MapProjection) -> String {
        guard let place = location(package) else { return "" }
        let (x, y) = projection.point(place)
        let kind = package.pinned ? "pinned" : "scheduled"
        var g = "<g class=\"muni \(kind)\" data-municipality=\"\(HTML.escape(package.municipality))\">"
        for id in package.trainers {
            guard let home = facts.trainer(id)?.home else { continue }
            let (hx, hy) = projection.point(home)
            g += "<line class=\"travel\" x1=\"\(svgNumber(x))\" y1=\"\(svgNumber(y))\" x2=\"\(svgNumber(hx))\" y2=\"\(svgNumber(hy))\"/>"
        }
        let names = package.trainers.map { trainerName($0) }.joined(separator: " & ")
        let status = package.pinned ? "fest gebucht" : "geplant"
        let tip = "\(package.name) (\(package.state.rawValue)) – \(status): \(names); Workshop \(GermanFormat.numericDate(package.workshop[0]))–\(GermanFormat.numericDate(package.workshop[1]))"
        if package.pinned {
            g += "<rect class=\"marker\" x=\"\(svgNumber(x - 4.5))\" y=\"\(svgNumber(y - 4.5))\" width=\"9\" height=\"9\" transform=\"rotate(45 \(svgNumber(x)) \(svgNumber(y)))\"/>"
        } else {
            g += "<circle class=\"marker\" cx=\"\(svgNumber(x))\" cy=\"\(svgNumber(y))\" r=\"4.5\"/>"
        }
        g += "<text class=\"label\" x=\"\(svgNumber(x + 7))\" y=\"\(svgNumber(y + 3.5))\">\(HTML.escape(ShortName.of(package.name)))</text>"
        return g + HTML.title(tip) + "</g>\n"
    }

    private func unscheduled(_ request: UnscheduledRequest, _ projection: MapProjection, _ german: GermanReasons) -> String {
        guard let place = facts.requests[request.municipality]?.location else { return "" }
        let (x, y) = projection.point(place)
        let tip = "\(request.name) – nicht eingeplant: "
            + german.reasons(request).map { $0.rule.isEmpty ? $0.text : "\($0.rule): \($0.text)" }.joined(separator: " ")
        return "<g class=\"muni unscheduled\" data-municipality=\"\(HTML.escape(request.municipality))\">"
            + "<path class=\"marker\" d=\"M\(svgNumber(x - 4)),\(svgNumber(y - 4))L\(svgNumber(x + 4)),\(svgNumber(y + 4))M\(svgNumber(x - 4)),\(svgNumber(y + 4))L\(svgNumber(x + 4)),\(svgNumber(y - 4))\"/>"
            + "<text class=\"label\" x=\"\(svgNumber(x + 7))\" y=\"\(svgNumber(y + 3.5))\">\(HTML.escape(ShortName.of(request.name)))</text>"
            + HTML.title(tip) + "</g>\n"
    }

    private func home(_ trainer: ReportFacts.TrainerFacts, _ projection: MapProjection) -> String {
        let (x, y) = projection.point(trainer.home)
        let roof = "M\(svgNumber(x - 6)),\(svgNumber(y))L\(svgNumber(x)),\(svgNumber(y - 6))L\(svgNumber(x + 6)),\(svgNumber(y))Z"
        let where_ = trainer.homeLabel.isEmpty ? "" : " – Wohnort \(trainer.homeLabel)"
        return "<g class=\"home\" data-trainer=\"\(HTML.escape(trainer.id))\">"
            + "<path class=\"marker\" d=\"\(roof)\"/><rect class=\"marker\" x=\"\(svgNumber(x - 4))\" y=\"\(svgNumber(y))\" width=\"8\" height=\"6\"/>"
            + "<text class=\"home-label\" x=\"\(svgNumber(x + 8))\" y=\"\(svgNumber(y + 5))\">\(HTML.escape(trainer.name))</text>"
            + HTML.title(trainer.name + where_) + "</g>\n"
    }

    private func legend() -> String {
        """
        <ul class="legend">
        <li><svg viewBox="0 0 14 14"><circle class="m-scheduled" cx="7" cy="7" r="5"/></svg> geplant</li>
        <li><svg viewBox="0 0 14 14"><rect class="m-pinned" x="3" y="3" width="8" height="8" transform="rotate(45 7 7)"/></svg> fest gebucht</li>
        <li><svg viewBox="0 0 14 14"><path class="m-unscheduled" d="M3,3L11,11M3,11L11,3"/></svg> nicht eingeplant</li>
        <li><svg viewBox="0 0 14 14"><path class="m-home" d="M1,7L7,1L13,7Z M3,7h8v6h-8Z"/></svg> Wohnort Trainer/in</li>
        <li><label for="show-travel"><span class="switch"></span> Reisewege aller Pakete zeigen</label> (sonst beim Zeigen auf eine Kommune)</li>
        </ul>

        """
    }

    private func trainerName(_ id: String) -> String {
        facts.trainer(id)?.name ?? plan.trainers?.first { $0.id == id }?.name ?? id
    }
}

/// Equirectangular projection with the longitude scaled by cos(51°), fitted around the points.
struct MapProjection {
    static let pixelsPerDegree = 90.0
    static let lonScale = cos(51.0 * Double.pi / 180)
    let west: Double, north: Double
    let width: Int, height: Int

    init(points: [Coordinate]) {
        let lats = points.map(\.lat), lons = points.map(\.lon)
        let margin = 0.25
        west = (lons.min() ?? 5.8) - margin
        north = (lats.max() ?? 55.1) + margin
        let east = (lons.max() ?? 15.1) + margin + 1.2  // room for labels on the right
        let south = (lats.min() ?? 47.2) - margin
        width = Int(((east - west) * MapProjection.lonScale * MapProjection.pixelsPerDegree).rounded(.up))
        height = Int(((north - south) * MapProjection.pixelsPerDegree).rounded(.up))
    }

    func point(_ c: Coordinate) -> (Double, Double) {
        ((c.lon - west) * MapProjection.lonScale * MapProjection.pixelsPerDegree, (north - c.lat) * MapProjection.pixelsPerDegree)
    }

    func text(_ c: Coordinate) -> String {
        let (x, y) = point(c)
        return svgNumber(x) + "," + svgNumber(y)
    }
}

/// A coordinate in SVG user units with one decimal ("123.4"), locale-independent.
func svgNumber(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    return sign + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
}
