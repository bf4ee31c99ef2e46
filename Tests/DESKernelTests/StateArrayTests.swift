import DESKernel
import Testing

/// `StateArray`: a fixed-size array written in place, with reference semantics.
@Suite struct StateArrayTests {
  @Test func writesInPlaceAndReadsBack() {
    let a = StateArray(repeating: Tally(), count: 3)
    for k in 0..<100 { a[k % 3].add(Double(k)) }
    #expect(a.map(\.count) == [34, 33, 33])
    #expect(a[0].sum == Double((0..<100).filter { $0 % 3 == 0 }.reduce(0, +)))
    #expect(a.count == 3 && a.indices == 0..<3)
  }

  @Test func copiesShareElementsAndArrayCopiesDoNot() {
    let a = StateArray([1, 2, 3])
    let b = a
    b[1] = 20
    #expect(Array(a) == [1, 20, 3], "a copy shares the elements")
    var snapshot = Array(a)
    snapshot[0] = 100
    #expect(a[0] == 1, "Array(...) copies the elements out")
  }

  @Test func elementsWithReferencesAreKeptAndReleased() {
    // Elements holding arrays: initialised, mutated in place, released with the storage.
    var a: StateArray<[String]>? = StateArray(repeating: ["x"], count: 2)
    a![1].append("y")
    #expect(a![0] == ["x"] && a![1] == ["x", "y"])
    weak var probe: Probe?
    do {
      let p = Probe()
      probe = p
      let held = StateArray(repeating: p, count: 4)
      #expect(held[3] === p)
    }
    #expect(probe == nil, "the last copy frees its elements")
    a = nil
  }

  final class Probe {}
}
