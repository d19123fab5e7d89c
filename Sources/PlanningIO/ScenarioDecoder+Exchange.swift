import Planning

extension ScenarioDecoder {
    /// `exchange: {venues: [Gütersloh, Kassel, Berlin], months_after: {min: 12, max: 18}}`.
    mutating func readExchange(_ node: SourceNode) {
        guard node.mappingEntries(&log, what: "a mapping {venues: [...], months_after: {min: 12, max: 18}}") != nil else { return }
        node.checkKeys(["venues", "months_after"], &log)
        var venues: [ExchangeSettings.Venue] = []
        if let list = node.required("venues", &log, example: "venues: [Gütersloh, Kassel, Berlin]")?.list(&log, what: "a list of places") {
            for item in list {
                guard let text = item.text(&log, what: "a place such as Kassel") else { continue }
                if let place = place(text, state: nil, at: item.location) {
                    venues.append(.init(name: place.name, state: place.state, location: place.location))
                }
            }
            if list.isEmpty { log.add("the exchange needs at least one venue; name one, e.g. venues: [Kassel]", at: node.location) }
        }
        var settings = ExchangeSettings(venues: venues)
        if let months = node.optional("months_after"), months.mappingEntries(&log, what: "a mapping {min: 12, max: 18}") != nil {
            months.checkKeys(["min", "max"], &log)
            if let min = months.optional("min")?.integer(&log, atLeast: 0, atMost: 120) { settings.monthsMin = min }
            if let max = months.optional("max")?.integer(&log, atLeast: 0, atMost: 120) { settings.monthsMax = max }
            if settings.monthsMin > settings.monthsMax {
                log.add("months_after: min (\(settings.monthsMin)) is above max (\(settings.monthsMax)); swap them", at: months.location)
            }
        }
        exchange = settings
    }
}
