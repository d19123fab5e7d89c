/// A pair as plan.json writes it: its two ids, sorted.
extension TrainerPair: Codable {
    public init(from decoder: Decoder) throws {
        let ids = try decoder.singleValueContainer().decode([String].self)
        guard ids.count == 2, let pair = TrainerPair(ids[0], ids[1]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a pair is two different trainer ids"))
        }
        self = pair
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ids)
    }
}
