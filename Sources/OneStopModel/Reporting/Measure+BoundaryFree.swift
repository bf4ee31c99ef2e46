/// Boundary-free filing (Decree 118/2025) as measures: per unit, the dossiers it received
/// for another unit to decide (`received_away`), those it decided that another received
/// (`decided_for_others`), and the resolved dossiers charged to it by `rules.charged_to`
/// (`charged_on_time`, `charged_overdue`); over the run and per level, their sums. Not
/// pooled: added after the pooled table.
extension Measure {
  static func boundaryFree(_ name: String, _ value: @escaping @Sendable (BoundaryFreeCounts) -> Int) -> Measure {
    Measure(
      name, .dossiers, total: { r, _ in Double(r.units.reduce(0) { $0 + value($1.boundaryFree) }) },
      level: { r, m, l in
        Double(m.units.indices.reduce(0) { $0 + (m.units[$1].level == l ? value(r.units[$1].boundaryFree) : 0) })
      },
      unit: { r, _, u in Double(value(r.units[u].boundaryFree)) }, pooled: false)
  }

}
