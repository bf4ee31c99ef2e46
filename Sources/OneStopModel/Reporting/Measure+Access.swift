import DESKernel

/// How the measures of how citizens reach the desks (issue 28; named in
/// `Measure+Table.swift`) are computed: patience, quotas, queues before opening, remote
/// tickets, absent calls and dossiers per visit. None is pooled,
/// and a run keeps them per replication (`summary.json`, `replications.csv`, `compare`)
/// only when its model uses one of these features (`KPI.deskAccess(for:)`), so every
/// output of a scenario without them stays as it was. Each exists over the run, per
/// level and per unit (`NAME@UNIT`, `NAME@level:LEVEL`, `NAME@under:UNIT`).
extension Measure {
  /// A measure of units' desk counts: over the run (every unit), per level and per unit.
  static func access(
    _ name: String, _ unit: KPIUnit, _ value: @escaping @Sendable (RunResult, [Int]) -> Double
  ) -> Measure {
    Measure(
      name, unit, total: { r, _ in value(r, Array(r.units.indices)) },
      level: { r, m, l in value(r, r.units.indices.filter { m.units[$0].level == l }) },
      unit: { r, _, u in value(r, [u]) }, pooled: false)
  }
}

extension RunResult {
  /// The sum of one desk-access count over `units`.
  func sum(_ units: [Int], _ count: KeyPath<DeskAccessCounts, Int>) -> Double {
    Double(units.reduce(0) { $0 + self.units[$1].access[keyPath: count] })
  }
}

extension KPI {
  /// The desk-access KPIs a run of `model` keeps per replication besides `all`: every one
  /// of `Measure.deskAccess` when the model has patience, balking, silent leaving, quotas,
  /// queues before opening, remote tickets or dossiers per visit; none otherwise.
  public static func deskAccess(for model: CompiledModel) -> [KPI] {
    model.access.isUsed || model.behaviour.hasImpatience ? deskAccessAll : []
  }

  /// Every KPI of `Measure.deskAccess` over the run.
  public static let deskAccessAll: [KPI] = Measure.deskAccess.compactMap { m in
    m.total.map { KPI(m.name, m.unit, $0) }
  }
}
