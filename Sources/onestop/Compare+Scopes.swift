import Foundation
import OneStopModel
import OneStopResults

/// Comparison at every scope: every measure at every level, unit, desk group, deciding
/// agency and field (and the whole-run measures outside the pooled table) as a KPI kept
/// per replication in A and in B, so that each gets a paired difference on the same
/// replications; ranked by significance (|B - A| / half-width), then by relative size.
enum CompareScopes {
  /// A KPI and the scope it is read at (`total`, `level`, `unit`, `desk`, `agency`, `field`).
  struct Scoped {
    let kpi: KPI
    let scope: MeasureScope
  }

  /// Every scoped KPI of `models` (A's first, then those only B has, e.g. a desk group
  /// B adds), the pooled whole-run KPIs left out (the main table has them) and `events`.
  static func kpis(_ models: [CompiledModel]) -> [Scoped] {
    var seen = Set<String>(), out: [Scoped] = []
    // The appointment measures only when a scenario has appointments, boundary-free filing's
    // counts only where a scenario files away from home (the others print as before).
    let skipped = Set(models.allSatisfy { !$0.appointments.isUsed } ? Measure.appointments.map(\.name) : [])
    let filesAway = models.contains { !$0.awayPool.units.isEmpty }
    let awayOnly = Set(Measure.boundaryFree.map(\.name))
    func add(_ name: String, _ scope: MeasureScope) {
      let base = String(name.prefix { $0 != "@" })
      guard !seen.contains(name), !skipped.contains(base), filesAway || !awayOnly.contains(base),
        let k = KPI.named(name)
      else { return }
      seen.insert(name)
      out.append(Scoped(kpi: k, scope: scope))
    }
    for model in models {
      for k in KPI.byNameOnly { add(k.name, .total) }
      for (m, _, _) in KPI.perLevel { for l in model.names.levels { add("\(m)@\(KPI.levelPrefix)\(l)", .level) } }
      for (m, _, _) in KPI.perUnit { for u in model.names.units { add("\(m)@\(u.id)", .unit) } }
      for (m, _, _) in KPI.perDesk { for g in model.deskGroupKeys { add("\(m)@\(KPI.deskPrefix)\(g.key)", .desk) } }
      var owners: [String] = []
      for p in model.names.procedures where !owners.contains(p.owner) { owners.append(p.owner) }
      for (m, _, _) in KPI.perAgency { for a in owners { add("\(m)@\(KPI.agencyPrefix)\(a)", .agency) } }
      for (m, _, _) in KPI.perField { for f in model.names.fields { add("\(m)@\(KPI.fieldPrefix)\(f)", .field) } }
    }
    return out
  }

  /// The paired difference of KPI `name` from its values per replication in A and B.
  static func difference(
    _ name: String, unit: KPIUnit, scope: MeasureScope, a: [Double], b: [Double]
  ) -> CompareDifference<Double> {
    let paired = Estimate(zip(a, b).map { $1 - $0 })
    let ea = Estimate(a), eb = Estimate(b)
    var d = CompareDifference(
      kpi: name, unit: unit, a: ea.mean, b: eb.mean, difference: paired.mean, halfWidth: paired.halfWidth,
      unpairedHalfWidth: Estimate.unpairedHalfWidth(ea, eb))
    d.scope = scope.rawValue
    d.significance = significance(paired.mean, paired.halfWidth)
    return d
  }

  /// |difference| / half-width: above 1, the 95 % interval excludes zero. 0 for no
  /// difference, infinity for a difference in every replication alike, NaN when a side
  /// has no value.
  static func significance(_ d: Double, _ hw: Double) -> Double {
    guard d.isFinite, hw.isFinite else { return .nan }
    if d == 0 { return 0 }
    return hw > 0 ? abs(d) / hw : .infinity
  }

  /// `all` most significant first, then by size relative to A; values without a number last.
  static func ranked(_ all: [CompareDifference<Double>]) -> [CompareDifference<Double>] {
    func key(_ d: CompareDifference<Double>) -> (Double, Double) {
      let s = d.significance ?? .nan
      let size = abs(d.difference) / max(abs(d.a), 1e-9)
      return (s.isNaN ? -1 : s, size.isFinite ? size : 0)
    }
    return all.enumerated().sorted { x, y in
      let kx = key(x.element), ky = key(y.element)
      if kx.0 != ky.0 { return kx.0 > ky.0 }
      if kx.1 != ky.1 { return kx.1 > ky.1 }
      return x.offset < y.offset
    }.map(\.element)
  }

  /// The unit whose desks issued the most tickets in A (mean over replications).
  static func busiestCentre(_ model: CompiledModel, _ all: [CompareDifference<Double>]) -> String? {
    let tickets = Measure.tickets.name + "@"
    return model.names.units.map(\.id).max { x, y in
      let tx = all.first { $0.kpi == tickets + x }?.a ?? 0, ty = all.first { $0.kpi == tickets + y }?.a ?? 0
      return tx.isFinite && ty.isFinite ? tx < ty : !tx.isFinite
    }
  }

  /// One line of the comparison tables: the KPI, both means, the difference, its paired
  /// and unpaired half-widths, the significance and the unit.
  static func line(_ d: CompareDifference<Double>, width: Int) -> String {
    let s = d.significance.map { $0.isFinite ? fmt($0, 1) : ($0.isNaN ? "-" : "inf") } ?? "-"
    return pad(d.kpi, width) + lpad(number(d.a, d.unit), 11) + lpad(number(d.b, d.unit), 11)
      + lpad(number(d.difference, d.unit), 11) + lpad(number(d.half_width, d.unit), 10)
      + lpad(number(d.unpaired_half_width, d.unit), 12) + lpad(s, 7) + "  \(d.unit)"
  }

  /// Prints the `top` most significant differences at every scope and, always, the desk
  /// waits of the busiest centre and of each of its desk groups.
  static func print(_ ranked: [CompareDifference<Double>], top: Int, model: CompiledModel) {
    let header =
      pad("indicator", 44) + lpad("A", 11) + lpad("B", 11) + lpad("B - A", 11) + lpad("95% CI ±", 10)
      + lpad("unpaired ±", 12) + lpad("|d|/hw", 7) + "  unit"
    let shown = ranked.filter { ($0.significance ?? 0) > 0 }.prefix(top)
    Swift.print("")
    Swift.print(
      "Largest differences at every scope (of \(ranked.count); ranked by |B - A| / half-width, then size; "
        + "all in compare.json):")
    Swift.print(header)
    if shown.isEmpty { Swift.print("  (none: A and B agree at every scope)") }
    for d in shown { Swift.print(line(d, width: 44)) }
    guard let centre = busiestCentre(model, ranked) else { return }
    var names = [Measure.deskWaitP90.name + "@" + centre, Measure.deskWaitMean.name + "@" + centre]
    for g in model.deskGroupKeys where g.key.hasPrefix(centre + "/") {
      names.append(Measure.deskWaitP90.name + "@" + KPI.deskPrefix + g.key)
    }
    Swift.print("")
    Swift.print("Desk waits at the busiest centre (\(centre)) and its desk groups:")
    Swift.print(header)
    for n in names { if let d = ranked.first(where: { $0.kpi == n }) { Swift.print(line(d, width: 44)) } }
  }
}
