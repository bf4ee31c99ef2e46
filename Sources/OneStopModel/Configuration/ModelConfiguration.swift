import DESKernel

/// Everything the one-stop model needs, as plain values: the Swift form of a scenario.
///
/// Names (`id`s) tie the parts together; `CompiledModel` resolves them to indices once,
/// collecting every problem with its key path. Every field that has no source in the
/// domain brief is a *prior*: it has a documented default here and the scenario layer's
/// `priors()` lists it, so reports can print what the answer rests on.
public struct ModelConfiguration: Sendable {
  /// Scenario name, for reports.
  public var name: String
  /// First simulated day (midnight, local time) and the day after the last one.
  public var start: CivilDate
  public var end: CivilDate
  /// Statistics ignore what happens before this date (arrivals still happen).
  public var warmupUntil: CivilDate?
  public var calendar: CalendarSettings
  /// Administrative levels, top first (e.g. ["province", "district", "commune"], or two
  /// levels since July 2025). Levels are data: any list works.
  public var levels: [String]
  /// Ticket categories / fields (land, civil status, business registration, ...).
  public var fields: [String]
  public var units: [UnitConfiguration]
  public var agencies: [AgencyConfiguration]
  public var procedures: [ProcedureConfiguration]
  public var demand: [DemandConfiguration]
  public var behaviour: CitizenBehaviour
  public var rules: ProcessingRules
  public var backlog: [BacklogEntry]
  /// The service index of Decision 766 (nil: not scored, no index results).
  public var index766: Index766Configuration?
  /// Names in each report language beside the ids (`name_vi`): not in the hash.
  public var names = ScenarioNames()

  public init(
    name: String, start: CivilDate, end: CivilDate, warmupUntil: CivilDate? = nil,
    calendar: CalendarSettings = CalendarSettings(), levels: [String], fields: [String],
    units: [UnitConfiguration], agencies: [AgencyConfiguration], procedures: [ProcedureConfiguration],
    demand: [DemandConfiguration], behaviour: CitizenBehaviour = CitizenBehaviour(),
    rules: ProcessingRules = ProcessingRules(), backlog: [BacklogEntry] = []
  ) {
    self.name = name
    self.start = start
    self.end = end
    self.warmupUntil = warmupUntil
    self.calendar = calendar
    self.levels = levels
    self.fields = fields
    self.units = units
    self.agencies = agencies
    self.procedures = procedures
    self.demand = demand
    self.behaviour = behaviour
    self.rules = rules
    self.backlog = backlog
  }
}

extension ModelConfiguration: CustomReflectable {
  /// The configuration as `String(describing:)` (and so a scenario's hash) sees it: every
  /// field, with `index766` only when set, so that a scenario without it keeps its hash;
  /// never `names`, which change no result (a translated name keeps the hash).
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("name", name), ("start", start), ("end", end), ("warmupUntil", warmupUntil as Any), ("calendar", calendar),
      ("levels", levels), ("fields", fields), ("units", units), ("agencies", agencies), ("procedures", procedures),
      ("demand", demand), ("behaviour", behaviour), ("rules", rules), ("backlog", backlog),
    ]
    if let index766 { children.append(("index766", index766)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}
