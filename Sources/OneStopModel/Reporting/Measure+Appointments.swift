import DESKernel

/// The measures of appointments (issue 28, item 4; named in `Measure+Table.swift`):
/// access time, bookings, the waits of holders and walk-ins apart, no-shows, late
/// cancellations and those who gave up. None is pooled; a run keeps them per
/// replication only when its model has appointments (`KPI.appointments(for:)`), so a
/// scenario without them prints what it did. Each exists over the run, per level and
/// per unit (`NAME@UNIT`, `NAME@level:LEVEL`).
extension Measure {
  /// A measure of units' appointment counts, merged over the units in scope.
  static func appointment(
    _ name: String, _ unit: KPIUnit, _ value: @escaping @Sendable (RunResult, AppointmentCounts, [Int]) -> Double
  ) -> Measure {
    access(name, unit) { r, units in
      var merged = AppointmentCounts()
      for u in units { merged.merge(r.units[u].appointments) }
      return value(r, merged, units)
    }
  }
}

extension KPI {
  /// The appointment KPIs a run of `model` keeps per replication besides `all`: every one
  /// of `Measure.appointments` when some desk group keeps appointments; none otherwise.
  public static func appointments(for model: CompiledModel) -> [KPI] {
    model.appointments.isUsed ? appointmentsAll : []
  }

  /// Every KPI of `Measure.appointments` over the run.
  public static let appointmentsAll: [KPI] = Measure.appointments.compactMap { m in
    m.total.map { KPI(m.name, m.unit, $0) }
  }
}
