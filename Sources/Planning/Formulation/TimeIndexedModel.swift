import Optimization

/// The time-indexed relaxation: one column per request, pair and day of each event, linked per
/// pair. It keeps every candidate date, so its LP value bounds every plan (the reported gap stays
/// honest when `PackageModel` carries only the best few meeting days per workshop start), and its
/// prices drive the proof by reduced-cost fixing (`ReducedCostFixing`, `PackageFixing`).
///
/// Columns per request m and allowed pair p: `w[m,p,W]`, `q[m,p,P]`, `f[m,p,F]`, `u[m]`, and the
/// gap-penalty excesses `gP[m,p]`, `gF[m,p]`. `w` carries the pair's travel, the preferred bonus
/// and the *smallest* gap penalties any P and F can give for that W; `gP` and `gF` carry the rest
/// (in a plan, `gP = prep_gap_eur × |W − P − target| − least`, read off the day columns without
/// big-M, as only one w and one q of the pair are 1). Rows:
/// - R1 `assign[m]`: Σ w + u = 1; `prepCount`, `followCount[m,p]`: the same pair runs all events;
/// - R2 `prepLink[m,p,W]`: w[W] ≤ Σ q over P in [W − max, W − min]; R3 `followLink` likewise;
/// - `gapP±`, `gapF±[m,p]`: the excesses above, from both signs of the deviation;
/// - R5 `day[t,d]`: one clique row per trainer and day; R7 caps and months as in `PackageModel`.
/// A re-plan's `move_eur` falls on the event's own column (the workshop's on w, a meeting's on
/// q or f; re-staffing on every w of another pair), which is exact.
///
/// Pairs the candidate builder left out enter as `other` columns (`OmittedPairs`) that count as
/// packages of their trainers (R7, the load term, and a total of event days per trainer), with no
/// event days of their own: weaker, still a relaxation.
public struct TimeIndexedModel: Sendable {
    public enum Form: Sendable {
        /// Workshop columns only, each with its least meeting penalties: a weaker, much faster relaxation.
        case workshops
        /// Every event's columns, meeting columns continuous: the tighter relaxation (with binary
        /// meeting columns it would be exact; `PackageFixing` uses its prices instead).
        case meetings
    }

    public private(set) var model = Model()
    /// Every workshop column: request index, pair, first day, column.
    public private(set) var workshopColumns: [(request: Int, pair: TrainerPair, day: Day, column: VariableRef)] = []
    /// Per request, the `other` columns standing for the pairs the candidates left out.
    public private(set) var omittedPairColumns: [Int: [VariableRef]] = [:]

    /// One meeting's day columns and own rows for one request and pair, for `PackageFixing`.
    struct MeetingColumns: Sendable {
        var days: [Day: VariableRef] = [:]
        /// Least penalty per workshop day, as charged on w.
        var least: [Day: Double] = [:]
        /// Row index of the link per workshop day.
        var linkRows: [Day: Int] = [:]
        /// The penalty's excess column and its rows (+, −), when the penalty has a weight.
        var excess: VariableRef?
        var excessRows: (plus: Int, minus: Int)?
    }

    /// The columns and own rows of one request and pair.
    struct PairColumns: Sendable {
        var workshops: [Day: VariableRef] = [:]
        var preparation = MeetingColumns()
        var followup = MeetingColumns()
        subscript(meeting: Meeting) -> MeetingColumns {
            get { meeting == .preparation ? preparation : followup }
            set { if meeting == .preparation { preparation = newValue } else { followup = newValue } }
        }
    }
    private(set) var pairs: [Int: [TrainerPair: PairColumns]] = [:]
    /// Gap rule and weight per meeting.
    let gaps: [Meeting: (rule: GapRule, eur: Double)]
    let costs: CostModel

    /// With a `selection`, only its (request, pair, W) columns and their meeting days are built.
    public init(scenario: Scenario, candidates: [RequestCandidates], commitments: TrainerCommitments, form: Form = .meetings,
                selection: ColumnSelection? = nil, previous: PreviousPlacements? = nil) {
        let weights = scenario.weights
        gaps = Dictionary(uniqueKeysWithValues: Meeting.allCases.map { ($0, $0.gap(scenario)) })
        costs = CostModel(scenario: scenario)
        let meetings = form != .workshops
        var use = TrainerUse()
        var omitted = OmittedPairs(candidates)
        var all = LinearExpression(), otherTrainers = Set<String>()

        // A request served by a confirmed booking is not planned and costs nothing.
        let booked = Set(scenario.bookings.map(\.municipality))
        for (m, candidate) in candidates.enumerated() where !(candidate.options.isEmpty && booked.contains(candidate.request.id)) {
            let request = candidate.request
            let before = previous?.byRequest[m]
            let dropped = weights.moveEur * Double(previous?.movedEvents(m, nil) ?? 0)
            let u = model.addVariable("u[\(request.id)]", lower: 0, upper: 1, objective: request.priority * weights.unscheduledEur + dropped)
            var assign = LinearExpression([.init(u, 1)])
            for full in candidate.options {
                guard let option = selection.map({ full.keeping($0, request: m) }) ?? full else { continue }
                let tag = "\(request.id),\(option.pair)"
                let pairCost = costs.pairCost(option)
                let samePair = before?.pair == option.pair
                var columns = PairColumns()
                for meeting in Meeting.allCases where meetings {
                    for day in meeting.days(of: option) {
                        let moved = samePair && before.map(meeting.day(of:)) != day ? weights.moveEur : 0
                        columns[meeting].days[day] = model.addVariable("\(meeting.names.column)[\(tag),\(day.iso)]", lower: 0, upper: 1,
                                                                        objective: moved)
                    }
                }
                var served = LinearExpression()
                for workshop in option.workshops {
                    let w = workshop.day
                    for meeting in Meeting.allCases { columns[meeting].least[w] = penalty(meeting, meeting.days(of: workshop)[0], workshop: w) }
                    // Moves: with meeting columns each event pays its own; without, the fewest this W allows.
                    let moved = meetings
                        ? Double(before.map { samePair ? ($0.workshop == w ? 0 : 1) : 3 } ?? 0)
                        : Double(previous?.leastMovedEvents(m, pair: option.pair, workshop: workshop) ?? 0)
                    let cost = pairCost + columns.preparation.least[w]! + columns.followup.least[w]! + weights.moveEur * moved
                    let x = model.addBinary("w[\(tag),\(w.iso)]", objective: cost)
                    served.add(x)
                    columns.workshops[w] = x
                    workshopColumns.append((m, option.pair, w, x))
                    for meeting in Meeting.allCases where meetings {
                        // R2 / R3: w[W] ≤ Σ of the meeting's columns on the days W allows.
                        var link = LinearExpression([.init(x, 1)])
                        for day in meeting.days(of: workshop) { link.add(columns[meeting].days[day]!, -1) }
                        columns[meeting].linkRows[w] = model.constraints.count
                        model.addConstraint("\(meeting.names.link)[\(tag),\(w.iso)]", link, upper: 0)
                    }
                    for trainer in option.pair.ids {
                        use.occupy(trainer, w, x)
                        use.occupy(trainer, w.advanced(by: 1), x)
                        use.countPackage(trainer, x)
                    }
                }
                assign.add(served)
                all.add(served)
                if meetings {
                    for meeting in Meeting.allCases { addCount(meeting, columns, tag: tag, served: served) }
                    for meeting in Meeting.allCases { addExcess(meeting, &columns, tag: tag, origin: option.workshops[0].day) }
                    for trainer in option.pair.ids {
                        for (day, v) in columns.preparation.days.sorted(by: { $0.key < $1.key }) + columns.followup.days.sorted(by: { $0.key < $1.key }) {
                            use.occupy(trainer, day, v)
                        }
                    }
                }
                pairs[m, default: [:]][option.pair] = columns
            }
            // Pairs the candidates left out: served at their cost, counted as packages of their trainers.
            omitted.add(candidate, request: m, to: &model, assign: &assign, weights: weights, previous: previous) { trainer, column in
                use.countPackage(trainer, column)
                otherTrainers.insert(trainer)
            }
            for column in omitted.columns[m] ?? [] { all.add(column) }
            model.addConstraint("R1.assign[\(request.id)]", assign, equals: 1)
        }

        omittedPairColumns = omitted.columns
        OmittedPairs.addTotalRow(to: &model, served: all, scenario: scenario, commitments: commitments)
        use.addEventDayTotals(to: &model, trainers: otherTrainers, scenario: scenario, commitments: commitments)
        _ = use.addRows(to: &model, scenario: scenario, commitments: commitments)
    }

    /// The penalty of `meeting` on `day` for workshop `w`.
    func penalty(_ meeting: Meeting, _ day: Day, workshop w: Day) -> Double {
        meeting == .preparation ? costs.preparationPenalty(day, workshop: w) : costs.followupPenalty(workshop: w, day)
    }

    /// R1: the pair holds `meeting` exactly when it holds the workshop.
    private mutating func addCount(_ meeting: Meeting, _ columns: PairColumns, tag: String, served: LinearExpression) {
        var count = LinearExpression(sum: columns[meeting].days.sorted(by: { $0.key < $1.key }).map(\.value))
        count.add(served, times: -1)
        model.addConstraint("\(meeting.names.count)[\(tag)]", count, equals: 0)
    }

    /// The gap-penalty excess of `meeting` and its two rows. Day offsets are taken from `origin`
    /// to keep coefficients small.
    private mutating func addExcess(_ meeting: Meeting, _ columns: inout PairColumns, tag: String, origin: Day) {
        let days = columns[meeting].days.sorted(by: { $0.key < $1.key })
        let (rule, eur) = gaps[meeting]!
        guard eur > 0 else { return }
        // No plan deviates further than the rule allows (a finite bound keeps `DualBound` finite).
        let most = eur * Double(max(rule.max - rule.target, rule.target - rule.min, 0))
        let g = model.addVariable("\(meeting.names.excess)[\(tag)]", lower: 0, upper: most, objective: 1)
        let first = model.constraints.count
        // deviation = sign × (meeting day − W) − target, read off the columns at 1 (sign −1 for the preparation).
        let sign = Double(meeting.sign)
        for side in [1.0, -1.0] {
            // g ≥ side × eur × deviation − least(W)
            var row = LinearExpression([.init(g, 1)])
            for (day, x) in columns.workshops.sorted(by: { $0.key < $1.key }) {
                let offset = Double(origin.distance(to: day))
                row.add(x, -side * eur * (-sign * offset - Double(rule.target)) + columns[meeting].least[day]!)
            }
            for (day, v) in days {
                row.add(v, -side * eur * sign * Double(origin.distance(to: day)))
            }
            model.addConstraint("\(meeting.names.excess)\(side > 0 ? "+" : "-")[\(tag)]", row, lower: 0)
        }
        columns[meeting].excess = g
        columns[meeting].excessRows = (first, first + 1)
    }
}

/// The two meetings of a package, which the time-indexed model and `PackageFixing` treat alike.
enum Meeting: CaseIterable, Sendable {
    case preparation, followup

    /// +1 when the meeting follows the workshop (F − W − target), −1 when it precedes it (W − P − target).
    var sign: Int { self == .preparation ? -1 : 1 }

    /// The deviation from the gap target of a meeting on `day` for the workshop starting `w`.
    func deviation(_ day: Day, workshop w: Day, target: Int) -> Int { sign * w.distance(to: day) - target }

    func gap(_ scenario: Scenario) -> (rule: GapRule, eur: Double) {
        self == .preparation ? (scenario.rules.prepGap, scenario.weights.prepGapEur)
            : (scenario.rules.followupGap, scenario.weights.followupGapEur)
    }

    func days(of workshop: WorkshopOption) -> [Day] { self == .preparation ? workshop.preparations : workshop.followups }
    func days(of option: PairOption) -> [Day] { self == .preparation ? option.preparationDays : option.followupDays }
    func day(of choice: PackageChoice) -> Day { self == .preparation ? choice.preparation : choice.followup }

    /// Names of the columns and rows, by rule.
    var names: (column: String, link: String, count: String, excess: String) {
        self == .preparation ? ("q", "R2.prepLink", "R1.prepCount", "gapP") : ("f", "R3.followLink", "R1.followCount", "gapF")
    }
}

extension PairOption {
    /// This option with only the workshop days `selection` keeps for request `m`, and the meeting
    /// days those need; nil when it keeps none.
    func keeping(_ selection: ColumnSelection, request m: Int) -> PairOption? {
        let workshops = workshops.filter { selection.keeps(request: m, pair: pair, day: $0.day) }
        guard !workshops.isEmpty else { return nil }
        let preparations = Set(workshops.flatMap(\.preparations)), followups = Set(workshops.flatMap(\.followups))
        return PairOption(pair: pair, travelCost: travelCost, isPreferred: isPreferred, workshops: workshops,
                          preparationDays: preparationDays.filter(preparations.contains), followupDays: followupDays.filter(followups.contains))
    }
}
