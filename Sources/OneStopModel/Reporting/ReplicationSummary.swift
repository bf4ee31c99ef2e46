import DESKernel

/// Everything the result files of a run need, folded from one replication at a time
/// (`Replications.run(_:seed:count:into:)`): every KPI's value in every replication
/// (small: a few dozen numbers each), and running estimates of the breakdowns, the
/// monthly series and the per-unit, per-station and per-hour tables. No `RunResult` is
/// kept (except the one that recorded a trace), so memory is flat in the number of
/// replications: a thousand replications of a province cost what one does.
///
/// Replications must be folded in replication order (`Replications.run` does): the sums
/// are then the same, bit for bit, whatever the threads and however the replications
/// are split into calls.
public struct ReplicationSummary: ReplicationConsumer {
  public let model: CompiledModel
  /// Every KPI of `KPI.all`, per replication (summary.json, replications.csv, baselines,
  /// compare's paired differences).
  public private(set) var kpis: KPISeries
  /// Extra KPIs asked for by name (`--precision` targets), per replication.
  public private(set) var targets: KPISeries
  /// By level, deciding agency, field, procedure and channel (`ReportDimension` order
  /// of `dimensions`), every key of the model, also those that received nothing.
  public private(set) var breakdowns: [EstimateTable<BreakdownColumn>]
  public private(set) var levelWaits: EstimateTable<LevelWaitColumn>
  /// Months of the statistics period, each level then "all" (`monthRows` names them).
  public private(set) var months: EstimateTable<MonthColumn>
  public let monthRows: [(month: String, level: String)]
  public private(set) var units: EstimateTable<UnitColumn>
  public private(set) var stations: EstimateTable<StationColumn>
  public private(set) var hours: EstimateTable<HourColumn>
  /// Rows `level * 24 + hour`.
  public private(set) var levelHours: EstimateTable<LevelHourColumn>
  /// Per pool (station) and month of the statistics period, at `poolMonthRow(pool:month:)`;
  /// per pool over the period.
  public internal(set) var poolMonths: EstimateTable<PoolMonthColumn>
  public internal(set) var pools: EstimateTable<PoolColumn>
  /// The service index's score cards (`index766Row`): empty without `index766`.
  public internal(set) var index766: EstimateTable<Index766Column>
  public let index766Scopes: [Index766Row.Scope]
  let firstReportedMonth: Int
  /// The replication that recorded its trace, when one did.
  public private(set) var traced: RunResult?
  private let firstMonth: Int
  /// The first month slot of the statistics period, and the months from it to the end.
  let poolFirstMonth: Int
  public let poolMonthCount: Int

  /// The dimensions of `breakdowns`, in order.
  public static let dimensions: [ReportDimension] = [.level, .agency, .field, .procedure, .channel]

  /// Whether the tables keep every replication's values (`run --long`).
  public let long: Bool

  /// An empty summary of `model`; `targets` are KPIs kept per replication besides `KPI.all`;
  /// `long`: the tables also keep each replication's values (the long form). The desk-access
  /// KPIs are kept when `deskAccess` says so (default: when the model uses them; `compare`
  /// keeps them for both scenarios when either does); the appointment KPIs likewise
  /// (`appointments`, default `KPI.appointments(for: model)`).
  public init(
    model: CompiledModel, targets: [KPI] = [], long: Bool = false, deskAccess: Bool? = nil,
    appointments: [KPI]? = nil
  ) {
    self.long = long
    self.model = model
    let desk = deskAccess.map { $0 ? KPI.deskAccessAll : [] } ?? KPI.deskAccess(for: model)
    kpis = KPISeries(KPI.all + desk + (appointments ?? KPI.appointments(for: model)), model: model)
    self.targets = KPISeries(targets, model: model)
    breakdowns = Self.dimensions.map { EstimateTable(keys: ReplicationSummary.keys(of: $0, model: model)) }
    levelWaits = EstimateTable(keys: model.names.levels)
    let runMonths = RunMonths(model)
    firstMonth = runMonths.firstReported(model)
    monthRows = (firstMonth..<runMonths.count).flatMap { m in
      (model.names.levels + ["all"]).map { (runMonths.labels[m], $0) }
    }
    months = EstimateTable(keys: monthRows.map { "\($0.month) \($0.level)" })
    units = EstimateTable(keys: model.names.units.map(\.id))
    stations = EstimateTable(keys: model.names.stations.map(\.id))
    hours = EstimateTable(keys: (0..<24).map { String($0) })
    levelHours = EstimateTable(keys: model.names.levels.flatMap { l in (0..<24).map { "\(l) \($0)" } })
    poolFirstMonth = firstMonth
    poolMonthCount = runMonths.count - firstMonth
    let labels = runMonths.labels[firstMonth...]
    poolMonths = EstimateTable(keys: model.names.stations.flatMap { p in labels.map { "\(p.id) \($0)" } })
    pools = EstimateTable(keys: model.names.stations.map(\.id))
    firstReportedMonth = firstMonth
    index766Scopes = Self.index766Scopes(model)
    let perScope = runMonths.count - firstMonth + 1
    index766 = EstimateTable(keys: (0..<(index766Scopes.count * perScope)).map { String($0) })
    if long { mark(0) }
  }

  /// Sets the replication the long-form tables tag their values with (recording on).
  private mutating func mark(_ replication: Int) {
    for d in breakdowns.indices {
      breakdowns[d].recording = true
      breakdowns[d].replication = replication
    }
    levelWaits.recording = true
    levelWaits.replication = replication
    months.recording = true
    months.replication = replication
    units.recording = true
    units.replication = replication
    stations.recording = true
    stations.replication = replication
  }

  /// Replications folded.
  public var count: Int { kpis.count }
  /// Events processed by the replications folded.
  public var events: UInt64 { kpis.events }
  /// Conservation failures (empty in a correct run).
  public var violations: [String] { kpis.violations }

  public mutating func add(_ r: RunResult, replication: Int) {
    if long { mark(replication) }
    kpis.add(r, replication: replication)
    targets.add(r, replication: replication)
    for (d, dimension) in Self.dimensions.enumerated() {
      for (row, entry) in r.breakdown(by: dimension, model: model).enumerated() {
        breakdowns[d].add(row: row) { $0.value(entry.counters) }
      }
    }
    addLevelWaits(r)
    addMonths(r)
    addUnits(r)
    addStations(r)
    addHours(r)
    addPools(r)
    addIndex766(r)
    if !r.trace.isEmpty { traced = r }
  }

  /// The breakdown by `dimension` (one of `dimensions`).
  public func breakdown(_ dimension: ReportDimension) -> EstimateTable<BreakdownColumn> {
    breakdowns[Self.dimensions.firstIndex(of: dimension)!]
  }

  /// The keys of a breakdown, in the order `RunResult.breakdown` gives them.
  static func keys(of dimension: ReportDimension, model: CompiledModel) -> [String] {
    var keys: [String] = []
    func add(_ k: String) { if !keys.contains(k) { keys.append(k) } }
    switch dimension {
    case .level: model.names.levels.forEach(add)
    case .unit: model.names.units.forEach { add($0.id) }
    case .agency: model.names.procedures.forEach { add($0.owner) }
    case .field: model.names.fields.forEach(add)
    case .procedure: model.names.procedures.forEach { add($0.id) }
    case .channel: ChannelIn.allCases.forEach { add($0.description) }
    }
    return keys
  }
}

extension ReplicationSummary {
  /// Each level's waits from its own histogram (`Measure.level`).
  private mutating func addLevelWaits(_ r: RunResult) {
    for l in model.names.levels.indices {
      levelWaits.add(row: l) { $0.measure.level!(r, model, l) }
    }
  }

  private mutating func addMonths(_ r: RunResult) {
    let series = (model.names.levels.indices.map { Optional($0) } + [nil]).map { r.monthly(level: $0, model: model) }
    let perMonth = series.count
    for row in monthRows.indices {
      let month = series[row % perMonth][firstMonth + row / perMonth]
      months.add(row: row) { $0.value(month) }
    }
  }

  private mutating func addUnits(_ r: RunResult) {
    let totals = r.breakdown(by: .unit, model: model)
    let utilisation = r.deskUtilisation(model: model)
    let busy = r.busyDesks(model: model)
    let queues = r.queueLengths
    for u in model.units.indices {
      let t = totals[u].counters
      units.add(row: u) { c in
        switch c {
        case .deskUtilisation: return 100 * utilisation[u]
        case .queueLength: return queues[u]
        case .busyDesks: return busy[u]
        default: return c.measure.cell.map { $0(t) } ?? c.measure.atUnit!(r, model, u)
        }
      }
    }
  }

  private mutating func addStations(_ r: RunResult) {
    let busy = r.busyOfficers(model: model)
    for s in model.stations.indices {
      stations.add(row: s) { c in
        switch c {
        case .utilisation:
          return r.stations[s].availableSeconds > 0
            ? 100 * r.stations[s].busySeconds / r.stations[s].availableSeconds : 0
        case .waitDays: return r.stations[s].waits.mean / 86_400
        case .busyHours: return r.stations[s].busySeconds / 3600
        case .busyOfficers: return busy[s]
        }
      }
    }
  }

  /// Waits per hour count only replications that issued tickets in that hour; the queue
  /// only replications whose desks were open in it.
  private mutating func addHours(_ r: RunResult) {
    for h in 0..<24 {
      hours.add(row: h) { $0.measure.hour!(r.hours[h]) }
    }
    for k in 0..<(model.levelCount * 24) {
      let w = r.levels[k / 24].hourWaits[k % 24]
      levelHours.add(row: k) { c in
        switch c {
        case .tickets: return Double(w.count)
        case .waitMean: return w.count > 0 ? w.mean / 60 : nil
        }
      }
    }
  }
}
