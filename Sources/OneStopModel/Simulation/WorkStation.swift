import DESKernel

/// Officers who process dossiers in working time: an agency's back office or a unit's
/// online intake. A task started at 16:30 with two hours of work ends at 08:30 the next
/// working day when the office closes at 17:00 and opens at 07:00: work stops outside
/// opening hours, with no events for closings.
struct WorkStation {
  let officers: Int
  let discipline: QueueDiscipline
  var idle: [Int32]
  var current: [Int32]
  var fifo = RingBuffer<Int32>()
  /// EDF: binary heap of (due instant, sequence, dossier).
  var edf: [(due: Double, seq: UInt64, dossier: Int32)] = []
  var sequence: UInt64 = 0
  var busyWork: Double = 0
  var waits = Tally()
  var completed = 0

  init(officers: Int, discipline: QueueDiscipline) {
    self.officers = officers
    self.discipline = discipline
    idle = (0..<Int32(officers)).reversed().map { $0 }
    current = Array(repeating: -1, count: officers)
  }

  var queued: Int { discipline == .fifo ? fifo.count : edf.count }

  /// Takes `dossier`; returns the officer who starts on it now, if one is free.
  mutating func enqueue(_ dossier: Int32, due: Double) -> Int32? {
    if let o = idle.popLast() {
      current[Int(o)] = dossier
      return o
    }
    if discipline == .fifo {
      fifo.append(dossier)
    } else {
      edf.append((due, sequence, dossier))
      sequence &+= 1
      var i = edf.count - 1
      while i > 0 {
        let p = (i - 1) / 2
        if (edf[p].due, edf[p].seq) <= (edf[i].due, edf[i].seq) { break }
        edf.swapAt(p, i)
        i = p
      }
    }
    return nil
  }

  /// Frees `officer`; returns the next dossier it starts on, if any waits.
  mutating func finish(_ officer: Int32) -> Int32? {
    completed += 1
    if let next = popNext() {
      current[Int(officer)] = next
      return next
    }
    current[Int(officer)] = -1
    idle.append(officer)
    return nil
  }

  private mutating func popNext() -> Int32? {
    if discipline == .fifo { return fifo.popFirst() }
    guard !edf.isEmpty else { return nil }
    let top = edf[0].dossier
    let last = edf.removeLast()
    if !edf.isEmpty {
      edf[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1, r = l + 1
        var m = i
        if l < edf.count && (edf[l].due, edf[l].seq) < (edf[m].due, edf[m].seq) { m = l }
        if r < edf.count && (edf[r].due, edf[r].seq) < (edf[m].due, edf[m].seq) { m = r }
        if m == i { break }
        edf.swapAt(i, m)
        i = m
      }
    }
    return top
  }
}
