import Planning

/// The German words of `wsplan explain`'s findings, for the desk's explain page; the command
/// itself prints them in English (`ExplanationReport`).
extension GermanReasons {
    /// Why a request is left out, in one sentence: no package is possible at all, or it lost the
    /// competition for the trainers; or that it is in the plan after all.
    public static func diagnosis(_ kind: Diagnosis.Kind) -> String {
        switch kind {
        case .structural:
            "Grundsätzlich ausgeschlossen: Es ist überhaupt kein Paket möglich, ganz gleich, was die anderen Anfragen tun."
        case .capacity:
            "Eine Frage der Kapazität: Es gäbe mögliche Termine, aber die Trainer/innen sind in diesem Plan schon anderweitig verplant oder an ihrer Höchstgrenze."
        case .scheduled:
            "Die Anfrage ist in diesem Plan eingeplant."
        case .booked:
            "Die Anfrage ist eine bestätigte Buchung."
        }
    }

    /// "Anna Müller und Jan Hansen: Vorbereitung 29.01.2027, Workshop 08.–09.03.2027, Nachbereitung 06.09.2027".
    public func package(_ package: PlannedPackage) -> String {
        let workshop = package.workshop.first.map { Self.span($0...(package.workshop.last ?? $0)) } ?? ""
        return Self.list(package.trainers.map(trainerName)) + (package.pinned ? " (bestätigt)" : "")
            + ": Vorbereitung \(GermanFormat.numericDate(package.preparation)), Workshop \(workshop), "
            + "Nachbereitung \(GermanFormat.numericDate(package.followup))"
    }
}
