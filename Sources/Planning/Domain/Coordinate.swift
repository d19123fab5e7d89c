/// A WGS84 position in degrees.
public struct Coordinate: Hashable, Sendable, Codable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) { self.lat = lat; self.lon = lon }
}
