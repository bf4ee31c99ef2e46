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
  /// The schedule the station follows today: its own, or its surge schedule on a day of
  /// overtime (decided each morning, `BackOffice.drawPresence`).
  var schedule: Int
  /// Mean work (seconds) of the dossiers waiting: the backlog of the surge rule, kept as
  /// a running sum (added when a dossier joins the line, taken off when work starts).
  var queuedWork: Double = 0
  /// A surge day since the last Saturday: the next Saturday off is worked.
  var saturdayPending = false
  /// Overtime per officer (seconds the surge schedule opened beyond the own) this
  /// calendar month and this calendar year, against the caps.
  var overtimeThisMonth: Double = 0
  var overtimeThisYear: Double = 0
  /// This month's statistics so far, and work started this month that falls in the next.
  var month = StationMonth()
  var busyNextMonth: Double = 0
  /// What `BackOffice.isOpen` last learnt: on day index `knownDay`, in schedule
  /// `knownSchedule`, the hours are open (`knownOpen`) or closed for every second of
  /// the day in `knownFrom ..< knownUntil` (day -1: nothing known).
  var knownDay = -1
  var knownSchedule = -1
  var knownOpen = false
  var knownFrom: Double = 0
  var knownUntil: Double = 0

  init(officers: Int, discipline: QueueDiscipline, schedule: Int) {
    self.officers = ServerSet(servers: officers, order: discipline == .fifo ? .fifo : .earliestDue)
    self.schedule = schedule
  }
}
