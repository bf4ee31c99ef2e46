import DESKernel

/// Officers who process dossiers in working time: an agency's back office or a unit's
/// online intake. A task started at 16:30 with two hours of work ends at 08:30 the next
/// working day when the office closes at 17:00 and opens at 07:00: work stops outside
/// opening hours, with no events for closings.
///
/// The officers and their line are the kernel's `ServerSet` (the resource the reference
/// G/G/c queue of the theory tests is made of): capacity is the officers at work today
/// (officers minus absences), the line is FIFO or earliest due date first. Officers
/// *take* work only while the station is open: what arrives at night, at the weekend or
/// while everyone is busy is enqueued, and the simulation dispatches it at the next
/// opening (`wakeAt`). So a dossier that arrives on Saturday starts at Monday's opening,
/// and under earliest-due-date order a more urgent dossier arriving before the opening
/// overtakes it. This type only adds what is the model's: absences, the pending
/// dispatch and busy time counted in working time.
struct WorkStation {
  /// The officers (capacity: at work today) and the dossiers waiting for them.
  var officers: ServerSet<Int32>
  /// Officers on leave or sick (spells across days).
  var away = 0
  /// Instant of the pending dispatch at an opening, or -1.
  var wakeAt: Double = -1
  /// Work done inside the statistics window (officer-seconds of working time).
  var busyWork: Double = 0
  /// Officer-seconds of opening time lost to absences inside the window.
  var absentSeconds: Double = 0

  init(officers: Int, discipline: QueueDiscipline) {
    self.officers = ServerSet(servers: officers, order: discipline == .fifo ? .fifo : .earliestDue)
  }
}
