import DESKernel

/// One station of the back office (`BackOffice`): an agency's officers or a unit's online
/// intake. The officers and their line are the kernel's `ServerSet` (the resource the
/// reference G/G/c queue of the theory tests is made of): capacity is the officers at
/// work today (officers minus absences), the line is FIFO or earliest due date first.
/// This type only adds what is the model's: absences, the pending wake and busy time
/// counted in working time.
struct WorkStation {
  /// The officers (capacity: at work today) and the dossiers waiting for them.
  var officers: ServerSet<Int32>
  /// Officers on leave or sick (spells across days).
  var away = 0
  /// Instant of the pending wake at an opening, or -1.
  var wakeAt: Double = -1
  /// Work done inside the statistics window (officer-seconds of working time).
  var busyWork: Double = 0
  /// Officer-seconds of opening time lost to absences inside the window.
  var absentSeconds: Double = 0

  init(officers: Int, discipline: QueueDiscipline) {
    self.officers = ServerSet(servers: officers, order: discipline == .fifo ? .fifo : .earliestDue)
  }
}
