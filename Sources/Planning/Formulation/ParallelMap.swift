import Dispatch

extension Array where Element: Sendable {
    /// `map` with the elements spread over the machine's cores; the results keep their order, so
    /// the outcome is the same as `map`'s. For independent, pure work of some size.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = Slots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(elements[i])) }
        }
        return results.values
    }
}

/// One slot per index, each written by exactly one iteration of `concurrentPerform`.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: nil) }
    deinit { storage.deinitialize(); storage.deallocate() }
    func set(_ i: Int, _ value: T) { storage[i] = value }
    var values: [T] { storage.map { $0! } }
}
