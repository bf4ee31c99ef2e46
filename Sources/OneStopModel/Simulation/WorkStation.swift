import DESKernel

/// Officers who process dossiers in working time: an agency's back office or a unit's
/// online intake. A task started at 16:30 with two hours of work ends at 08:30 the next
/// working day when the office closes at 17:00 and opens at 07:00: work stops outside
/// opening hours, with no events for closings.
///
/// Officers *take* work only while the station is open and only up to the officers at
/// work that day (`present`): what arrives at night, at the weekend or while everyone
/// is busy waits in the queue in its discipline's order, and the simulation dispatches
/// it at the next opening (`wakeAt`). So a dossier that arrives on Saturday starts at
/// Monday's opening, and under earliest-due-date order a more urgent dossier arriving
/// before the opening overtakes it.
struct WorkStation {
  let officers: Int
  /// Officers at work today (officers minus absences).
  var present: Int
  /// Officers on leave or sick (spells across days).
  var away = 0
  var idle: [Int32]
  var current: [Int32]
  /// Dossiers waiting, FIFO or earliest due date first (the kernel's waiting line).
  var line: WaitingLine<Int32>
  /// Instant of the pending dispatch at an opening, or -1.
  var wakeAt: Double = -1
  /// Work done inside the statistics window (officer-seconds).
  var busyWork: Double = 0
  /// Officer-seconds of opening time lost to absences inside the window.
  var absentSeconds: Double = 0
  var waits = Tally()
  var completed = 0
  /// Dossiers waiting (not yet taken), integrated over the window.
  var waiting: TimeWeighted

  init(officers: Int, discipline: QueueDiscipline) {
    self.officers = officers
    line = WaitingLine(discipline == .fifo ? .fifo : .earliestDue)
    present = officers
    idle = (0..<Int32(officers)).reversed().map { $0 }
    current = Array(repeating: -1, count: officers)
    waiting = TimeWeighted(start: 0, value: 0)
  }

  // The computed properties below are `mutating get`: read on an array element, a plain
  // getter made the compiler copy the whole station (retaining its queues) per call,
  // which showed in profiles of the province benchmark.

  /// Dossiers waiting.
  var queued: Int { mutating get { line.count } }

  /// Officers working on a task.
  @inline(__always)
  var busy: Int { mutating get { officers - idle.count } }

  /// `true` when an officer at work is free to take a task.
  @inline(__always)
  var canTake: Bool { mutating get { busy < present } }

  /// Puts `dossier` in the queue (the simulation then dispatches).
  mutating func push(_ dossier: Int32, due: Double, at now: Double) {
    line.push(dossier, key: due)
    waiting.set(waiting.value + 1, at: now)
  }

  /// A free officer takes the next dossier in discipline order; nil when none waits or
  /// no officer at work is free.
  mutating func take(at now: Double) -> (officer: Int32, dossier: Int32)? {
    guard canTake, let next = line.popFirst() else { return nil }
    let o = idle.removeLast()
    current[Int(o)] = next
    waiting.set(waiting.value - 1, at: now)
    return (o, next)
  }

  /// Frees `officer` and returns the dossier it held.
  mutating func finish(_ officer: Int32) -> Int32 {
    completed += 1
    let d = current[Int(officer)]
    current[Int(officer)] = -1
    idle.append(officer)
    return d
  }
}
