/// Rounds EUR amounts to cents for output (half away from zero).
public func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
