import DESKernel

/// What the recorder counts from the dossiers' events: outcomes per cell, desk waits by
/// unit, hour, level and month, and the run-wide totals. Written only by `Recorder`.
struct RunCounters {
  /// Per (unit, procedure, channel in) cell, in 32 bits (`CellCounts.counters` widens them).
  var cells: StateArray<CellCounts>
  var unitWaits: WaitCounts
  /// Per desk group (`CompiledModel.deskGroups` order): the waits of the citizens its
  /// desks called (`desk_wait_p90@desk:UNIT/GROUP`).
  var groupWaits: WaitCounts
  var hourWaits: WaitCounts
  var turnedAway = 0
  var sentHome = 0
  /// The same per unit: with tickets issued, the visits that came for a ticket (the
  /// denominator of `served_same_day`).
  var unitTurnedAway: StateArray<Int>
  var unitSentHome: StateArray<Int>
  /// Per unit: citizens who left the line before being called, and who did not join it.
  var unitLeftLine: StateArray<Int>
  var unitBalked: StateArray<Int>
  var ticketsIssued: StateArray<Int>
  /// Per unit, when the model uses desk access, patience or balking (empty otherwise).
  var unitAccess: StateArray<DeskAccessCounts>
  /// Per unit, when the model has appointments (empty otherwise).
  var unitAppointments: StateArray<AppointmentCounts>
  /// Per unit: boundary-free filing (received, decided and charged; `BoundaryFreeCounts`).
  var unitBoundaryFree: StateArray<BoundaryFreeCounts>
  /// Per level and clock hour of the ticket (`level * 24 + hour`): the waits' mean and
  /// spread only (a tally, not a histogram: 24 per level stay small).
  var levelHourWaits: StateArray<Tally>
  /// Per level: the cumulative counts at the start of the current month, which the
  /// month's figures are the growth from (`Recorder.closeMonth`).
  var monthBase: [MonthCounters]
  /// The monthly series, at `month * levels + level` (`MonthCounters`).
  var months: StateArray<MonthCounters>
  /// The service index's counts at `month * units + unit` (empty when the scenario has
  /// no `index766`: nothing is counted).
  var index766: StateArray<Index766Counts>
  var wastedPickupVisits = 0
  var visitsPerReturnedDossier = Tally()
  var postalIn = 0
  var postalOut = 0
  var onlineIn = 0
  var onlineOut = 0
  var endToEndDays: StateArray<Tally> = StateArray(repeating: Tally(), count: 3)  // by channel in
  /// Property check: must stay zero.
  var resolvedBeforeReceived = 0

  /// Zeroed counters for `model` over `months` month slots.
  init(_ model: CompiledModel, months: Int) {
    cells = StateArray(repeating: CellCounts(), count: model.units.count * model.procedures.count * 3)
    unitWaits = WaitCounts(count: model.units.count)
    groupWaits = WaitCounts(count: model.deskGroups.count)
    hourWaits = WaitCounts(count: 24)
    unitTurnedAway = StateArray(repeating: 0, count: model.units.count)
    unitSentHome = StateArray(repeating: 0, count: model.units.count)
    unitLeftLine = StateArray(repeating: 0, count: model.units.count)
    unitBalked = StateArray(repeating: 0, count: model.units.count)
    ticketsIssued = StateArray(repeating: 0, count: model.units.count)
    let access = model.access.isUsed || model.behaviour.pSilentLeave > 0 || model.behaviour.hasImpatience
    unitAccess = StateArray(repeating: DeskAccessCounts(), count: access ? model.units.count : 0)
    unitAppointments = StateArray(
      repeating: AppointmentCounts(), count: model.appointments.isUsed ? model.units.count : 0)
    levelHourWaits = StateArray(repeating: Tally(), count: model.levelCount * 24)
    unitBoundaryFree = StateArray(repeating: BoundaryFreeCounts(), count: model.units.count)
    monthBase = Array(repeating: MonthCounters(), count: model.levelCount)
    self.months = StateArray(repeating: MonthCounters(), count: months * model.levelCount)
    index766 = StateArray(repeating: Index766Counts(), count: model.index766 == nil ? 0 : months * model.units.count)
  }
}
