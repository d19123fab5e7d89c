extension PlanChecker {
    /// R9 Confirmed bookings: each appears as a pinned package with its trainers and dates unchanged,
    /// none is dropped or carried twice, and nothing is pinned that is not a confirmed booking.
    func r9ConfirmedBookings(_ plan: Plan) -> [Violation] {
        let pinned = Dictionary(grouping: plan.packages.filter(\.pinned), by: \.municipality)
        var found: [Violation] = []
        for municipality in Set(pinned.keys).union(bookingsByMunicipality.keys).sorted() {
            var bookings = bookingsByMunicipality[municipality] ?? []
            var packages = pinned[municipality] ?? []
            func report(_ text: String) { found.append(Violation(.r9, municipality, text)) }
            // Set aside the exact carry-overs; what is left was moved, dropped or added.
            bookings.removeAll { booking in
                guard let match = packages.firstIndex(where: { PlanChecker.carriesOver($0, booking) }) else { return false }
                packages.remove(at: match)
                return true
            }
            for (booking, package) in zip(bookings, packages) {
                report("the confirmed booking (\(describe(booking))) was moved or re-staffed to (\(describe(package)))")
            }
            if bookings.count > packages.count {
                for booking in bookings.dropFirst(packages.count) {
                    report("the confirmed booking (\(describe(booking))) is missing from the plan as a pinned package")
                }
            } else if packages.count > bookings.count {
                let extra = packages.count - bookings.count
                if bookingsByMunicipality[municipality] == nil {
                    report("\(CheckerText.count(extra, "package")) marked pinned, but there is no confirmed booking")
                } else {
                    report("\(CheckerText.count(extra, "more pinned package")) than confirmed bookings")
                }
            }
        }
        return found
    }

    private func describe(_ booking: Booking) -> String {
        "\(booking.trainers.ids.joined(separator: "+")), preparation \(booking.preparation), "
            + "workshop \(booking.workshop), follow-up \(booking.followup)"
    }

    private func describe(_ package: PlannedPackage) -> String {
        "\(package.trainers.joined(separator: "+")), preparation \(package.preparation), "
            + "workshop \(package.workshop.map(\.iso).joined(separator: "/")), follow-up \(package.followup)"
    }
}
