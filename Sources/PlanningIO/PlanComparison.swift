import Planning

/// Several plans side by side (`wsplan compare`, SPEC §7): one column per plan, one row per figure.
///
/// Pure: plans in, rows out. Money is summed from the plan's own package costs in whole cents, so
/// every figure matches `plan.json` to the cent. Money, hotel nights, trainer days and loads cover
/// all packages of a plan, pinned bookings included; "total EUR (new packages)" leaves them out.
public struct PlanComparison: Sendable, Equatable {
    /// Column titles, in the order given (usually the scenario files).
    public var columns: [String]
    public var rows: [Row]

    /// One figure for every column.
    public struct Row: Sendable, Equatable {
        /// A stable identifier for machines (`served`, `travel_eur`, …).
        public var key: String
        /// The label people read.
        public var metric: String
        public var values: [Value]

        public init(key: String, metric: String, values: [Value]) {
            self.key = key
            self.metric = metric
            self.values = values
        }
    }

    /// One cell.
    public enum Value: Sendable, Equatable {
        case text(String)
        case count(Int)
        /// EUR in whole cents.
        case money(cents: Int)
        case solver(status: PlanStatus, gap: Double?)
        /// The most packages of one trainer, and which trainers have that many (sorted).
        case load(packages: Int, trainers: [String])
        /// Not defined for this column (e.g. EUR per municipality when none is served).
        case none
    }

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    /// Compares the plans; the first is the reference for "events moved".
    /// - Parameter plans: a column title and the plan for each column.
    public init(_ plans: [(title: String, plan: Plan)]) {
        columns = plans.map(\.title)
        let figures = plans.map { PlanFigures($0.plan) }
        let reference = plans.first?.plan
        func row(_ key: String, _ metric: String, _ value: (PlanFigures) -> Value) -> Row {
            Row(key: key, metric: metric, values: figures.map(value))
        }
        rows = [
            row("scenario", "scenario") { .text($0.scenario) },
            row("solver", "solver (gap)") { .solver(status: $0.status, gap: $0.gap) },
            row("served", "requests served") { .count($0.served) },
            row("pinned", "pinned bookings") { .count($0.pinned) },
            row("unscheduled", "unscheduled") { .count($0.unscheduled) },
            row("total_eur", "total EUR (all packages)") { .money(cents: $0.totalCents) },
            row("total_new_eur", "total EUR (new packages)") { .money(cents: $0.newTotalCents) },
            row("fee_eur", "fee EUR") { .money(cents: $0.feeCents) },
            row("materials_eur", "materials EUR") { .money(cents: $0.materialsCents) },
            row("travel_eur", "travel EUR") { .money(cents: $0.travelCents) },
            row("eur_per_municipality", "EUR per municipality (all packages)") {
                $0.packages == 0 ? .none : .money(cents: divideRounded($0.totalCents, by: $0.packages))
            },
            row("hotel_nights", "hotel nights") { .count($0.hotelNights) },
            row("trainer_days", "trainer days") { .count($0.trainerDays) },
            row("largest_load", "largest trainer load") { .load(packages: $0.largestLoad, trainers: $0.mostLoaded) },
            Row(key: "events_moved", metric: "events moved vs. first", values: plans.map { column in
                .count(reference.map { PlanComparison.eventsMoved(from: $0, to: column.plan) } ?? 0)
            }),
        ]
    }

    /// Events (preparation, workshop, follow-up – as SPEC §4 counts them for `move_eur`) that
    /// change from `reference` to `plan`: for a municipality with a package in both, each event on
    /// another day, and all three when the trainers differ; for one served in `reference` but not
    /// in `plan`, all three. The same count as plan.json's `moves.events_moved`.
    public static func eventsMoved(from reference: Plan, to plan: Plan) -> Int {
        let now = Dictionary(plan.packages.map { ($0.municipality, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var moved = 0
        for before in reference.packages where seen.insert(before.municipality).inserted {
            guard let after = now[before.municipality], after.trainers.sorted() == before.trainers.sorted() else {
                moved += 3
                continue
            }
            moved += (after.preparation != before.preparation ? 1 : 0) + (after.workshop.first != before.workshop.first ? 1 : 0)
                + (after.followup != before.followup ? 1 : 0)
        }
        return moved
    }

    /// A package's event days in calendar order: preparation, the workshop days, follow-up.
    static func eventDays(_ package: PlannedPackage) -> [Day] {
        [package.preparation] + package.workshop + [package.followup]
    }
}

/// The figures of one plan.
struct PlanFigures {
    var scenario: String
    var status: PlanStatus
    var gap: Double?
    var packages: Int
    var served: Int
    var pinned: Int
    var unscheduled: Int
    var totalCents = 0
    var newTotalCents = 0
    var feeCents = 0
    var materialsCents = 0
    var travelCents = 0
    var hotelNights = 0
    var trainerDays = 0
    var largestLoad = 0
    var mostLoaded: [String] = []

    init(_ plan: Plan) {
        scenario = plan.scenario
        status = plan.solver.status
        gap = plan.solver.gap
        packages = plan.packages.count
        pinned = plan.packages.filter(\.pinned).count
        served = packages - pinned
        unscheduled = plan.unscheduled.count
        var load: [String: Int] = [:]
        for package in plan.packages {
            let costs = package.costs
            totalCents += toCents(costs.total)
            if !package.pinned { newTotalCents += toCents(costs.total) }
            feeCents += toCents(costs.fee)
            materialsCents += toCents(costs.materials)
            travelCents += toCents(costs.travel)
            hotelNights += costs.travelItems.reduce(0) { $0 + $1.hotelNights }
            let days = PlanComparison.eventDays(package).count
            trainerDays += days * package.trainers.count
            for trainer in Set(package.trainers) { load[trainer, default: 0] += 1 }
        }
        largestLoad = load.values.max() ?? 0
        mostLoaded = load.filter { $0.value == largestLoad && largestLoad > 0 }.map(\.key).sorted()
    }
}

/// EUR to whole cents, half away from zero (as `cents(_:)` rounds).
func toCents(_ eur: Double) -> Int { Int((eur * 100).rounded()) }

/// `a / b` rounded to the nearest integer, halves away from zero; `b` > 0.
func divideRounded(_ a: Int, by b: Int) -> Int {
    let q = a / b, r = a % b
    if 2 * abs(r) >= b { return a >= 0 ? q + 1 : q - 1 }
    return q
}
