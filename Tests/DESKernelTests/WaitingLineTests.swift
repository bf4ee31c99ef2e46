import DESKernel
import Testing
import TestSupport

/// The kernel's waiting line against a plain reference: a list kept in serving order.
@Suite struct WaitingLineTests {
  /// Random pushes, front pushes, removals and pops; after every step the line's order
  /// equals the reference's (FIFO: arrival order; EDF: key, then arrival, with put-back
  /// elements first among equal keys).
  @Test(arguments: [WaitingOrder.fifo, .earliestDue], 0..<20)
  func randomOperationsKeepTheReferenceOrder(order: WaitingOrder, seed: Int) {
    var rng = SplitMixGenerator(seed: UInt64(seed))
    var line = WaitingLine<Int>(order)
    // Reference entries: (key, rank, element); rank orders equal keys.
    var reference: [(key: Double, rank: Int, element: Int)] = []
    var nextRank = 0, frontRank = 0, nextElement = 0
    func served() -> [Int] {
      order == .fifo
        ? reference.map(\.element)
        : reference.sorted { ($0.key, $0.rank) < ($1.key, $1.rank) }.map(\.element)
    }
    for _ in 0..<400 {
      let op = Int.random(in: 0..<10, using: &rng)
      // Few distinct keys, so ties are common.
      let key = Double(Int.random(in: 0..<5, using: &rng))
      switch op {
      case 0..<5:
        line.push(nextElement, key: key)
        reference.append((key, nextRank, nextElement))
        nextRank += 1
      case 5:
        frontRank -= 1
        line.pushFront(nextElement, key: key)
        if order == .fifo {
          reference.insert((key, frontRank, nextElement), at: 0)
        } else {
          reference.append((key, frontRank, nextElement))
        }
      case 6 where !reference.isEmpty:
        let position = Int.random(in: 0..<reference.count, using: &rng)
        let expected = served()[position]
        #expect(line.remove(at: position) == expected)
        reference.removeAll { $0.element == expected }
      default:
        let expected = served().first
        #expect(line.popFirst() == expected)
        if let expected { reference.removeAll { $0.element == expected } }
      }
      nextElement += 1
      #expect(line.count == reference.count)
      #expect(line.first == served().first)
    }
    #expect(line.ordered == served())
  }

  /// Lines write through pointers (no copy-on-write), so copies of a non-empty line share
  /// it; copies of an empty one, as a state array of lines made by repeating one, must not.
  @Test(arguments: [WaitingOrder.fifo, .earliestDue])
  func copiesOfAnEmptyLineAreIndependent(order: WaitingOrder) {
    let lines = StateArray(repeating: WaitingLine<Int>(order), count: 3)
    for k in 0..<40 { lines[k % 2].push(k, key: Double(40 - k)) }
    #expect(lines[0].count == 20)
    #expect(lines[1].count == 20)
    #expect(lines[2].isEmpty)
    let evens = Array(stride(from: 0, to: 40, by: 2))
    #expect(lines[0].ordered == (order == .fifo ? evens : evens.reversed()))
    #expect(lines[1].popFirst() == (order == .fifo ? 1 : 39))
    #expect(lines[0].count == 20)
  }
}
