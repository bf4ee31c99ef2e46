import DESKernel

/// The outcome of one replication, with the definitions of the provincial reports (Tuyên Quang 2022).
///
/// One record per entity (unit, desk group, station, level, clock hour) in the model's
/// order, plus the cells by (unit, procedure, channel in) and the run-wide totals, so a
/// reader takes one unit's figures together rather than indexing parallel arrays.
public struct RunResult: Sendable {
  /// Counters per (unit, procedure, channel in); `cellIndex` maps to the flat array.
  public let cells: [CellCounters]
  public let procedureCount: Int
  /// Per unit, desk group and station, in `CompiledModel` order.
  public let units: [UnitResult]
  public let deskGroups: [DeskGroupResult]
  public let stations: [StationResult]
  /// Per level of the unit (`CompiledModel.levels` order), desk-wait quantiles exact per level.
  public let levels: [LevelResult]
  /// Per clock hour of the ticket (24 entries), all units together.
  public let hours: [HourResult]
  /// All desk waits of the run together (with their histogram).
  public let allWaits: WaitStatistics
  /// The monthly series at `month * levels + level`, months as in `RunMonths`.
  public let months: [MonthCounters]
  public let totals: RunTotals
  public let checks: RunChecks
  /// Events processed in the run.
  public let events: UInt64
  /// Every hand-over of every dossier, in time order, when the run was traced.
  public let trace: [TraceRecord]
  /// The service index's counts at `month * units + unit`, months as in `RunMonths`
  /// (empty when the scenario has no `index766`).
  public internal(set) var index766: [Index766Counts] = []

  /// A result from its parts; `units.count` and `procedureCount` shape `cells`.
  public init(
    cells: [CellCounters], procedureCount: Int,
    units: [UnitResult], deskGroups: [DeskGroupResult], stations: [StationResult],
    levels: [LevelResult], hours: [HourResult], allWaits: WaitStatistics, months: [MonthCounters],
    totals: RunTotals, checks: RunChecks, events: UInt64, trace: [TraceRecord]
  ) {
    self.cells = cells
    self.procedureCount = procedureCount
    self.units = units
    self.deskGroups = deskGroups
    self.stations = stations
    self.levels = levels
    self.hours = hours
    self.allWaits = allWaits
    self.months = months
    self.totals = totals
    self.checks = checks
    self.events = events
    self.trace = trace
  }

  /// Units in the model, the first dimension of `cells`.
  public var unitCount: Int { units.count }

  /// Index of (unit, procedure, channel) in `cells`.
  public func cellIndex(unit: Int, procedure: Int, channel: ChannelIn) -> Int {
    (unit * procedureCount + procedure) * 3 + channel.rawValue
  }

  /// Sum of the cells selected by `include(unit, procedure, channel)`.
  public func total(where include: (Int, Int, ChannelIn) -> Bool = { _, _, _ in true }) -> CellCounters {
    var sum = CellCounters()
    for u in 0..<unitCount {
      for p in 0..<procedureCount {
        for c in ChannelIn.allCases where include(u, p, c) {
          sum.add(cells[cellIndex(unit: u, procedure: p, channel: c)])
        }
      }
    }
    return sum
  }
}
