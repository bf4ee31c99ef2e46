/// A key indicator: its name (as in docs/results.md), its unit, and how to read it from
/// one replication, taken from the table of measures (`Measure.all`). One table serves the
/// report, the baseline check, `--replications auto` and sweeps, so a KPI means the same
/// thing everywhere.
public struct KPI: Sendable {
  public let name: String
  public let unit: KPIUnit
  public let value: @Sendable (RunResult, CompiledModel) -> Double

  public init(_ name: String, _ unit: KPIUnit, _ value: @escaping @Sendable (RunResult, CompiledModel) -> Double) {
    self.name = name
    self.unit = unit
    self.value = value
  }

  /// The KPI called `name`: one of `all`, or one of these forms of a name in the lists
  /// below: per unit `NAME@UNIT` (`perUnit`), per level
  /// `NAME@level:LEVEL` (`perLevel`), per deciding agency
  /// `NAME@agency:AGENCY` (`perAgency`), per field `NAME@field:FIELD` (`perField`), per
  /// desk group `NAME@desk:UNIT/GROUP` (`perDesk`), per
  /// month `NAME@month:YYYY-MM`, all levels or one (`NAME@month:YYYY-MM@level:LEVEL`,
  /// `perMonth`), over a unit's subtree `NAME@under:UNIT`, alone or after a level, agency
  /// or field (`perSubtree`). A KPI of a unit, level, agency, field or month the model
  /// does not have is NaN; `unknownTarget(in:)` says so before a run.
  public static func named(_ name: String) -> KPI? {
    if let k = all.first(where: { $0.name == name }) ?? byNameOnly.first(where: { $0.name == name }) { return k }
    if let (rest, unit) = splitUnder(name) {
      return rest.contains("@" + monthPrefix) ? nil : under(name, rest: rest, unit: unit)
    }
    guard let at = name.firstIndex(of: "@") else { return nil }
    let base = String(name[..<at]), unit = String(name[name.index(after: at)...])
    if unit.hasPrefix(monthPrefix) { return month(name, base: base, label: String(unit.dropFirst(monthPrefix.count))) }
    if unit.hasPrefix(fieldPrefix) { return field(name, base: base, field: String(unit.dropFirst(fieldPrefix.count))) }
    if unit.hasPrefix(deskPrefix) { return desk(name, base: base, key: String(unit.dropFirst(deskPrefix.count))) }
    if unit.hasPrefix(agencyPrefix) {
      let agency = String(unit.dropFirst(agencyPrefix.count))
      guard !agency.isEmpty, let (kpiUnit, f) = perAgency.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else {
        return nil
      }
      let cell = Measure.named(base)?.cell
      return KPI(name, kpiUnit) { r, model in
        if model.names.procedures.contains(where: { $0.owner == agency }) { return f(r, model, agency) }
        // An agency id a `nearest:` route reaches (`UBNDH@yen-son`): counted measures only.
        guard let cell, let decided = model.decidedCells(by: agency) else { return .nan }
        let n = model.units.count
        return cell(r.total { u, p, _ in decided[p * n + u] })
      }
    }
    if unit.hasPrefix(levelPrefix) {
      let level = String(unit.dropFirst(levelPrefix.count))
      guard !level.isEmpty, let (kpiUnit, f) = perLevel.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else {
        return nil
      }
      return KPI(name, kpiUnit) { r, model in
        guard let l = model.names.levels.firstIndex(of: level) else { return .nan }
        return f(r, model, l)
      }
    }
    guard !unit.isEmpty, let (kpiUnit, f) = perUnit.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else {
      return nil
    }
    return KPI(name, kpiUnit) { r, model in
      guard let u = model.names.units.firstIndex(where: { $0.id == unit }) else { return .nan }
      return f(r, model, u)
    }
  }

  /// For a per-unit KPI name, the unit id when `model` has no such unit.
  /// For a subtree KPI, the unit after `@under:` when `model` has no such unit.
  public static func unknownUnit(_ name: String, in model: CompiledModel) -> String? {
    if let (_, unit) = splitUnder(name) { return model.names.units.contains { $0.id == unit } ? nil : unit }
    guard let at = name.firstIndex(of: "@") else { return nil }
    let unit = String(name[name.index(after: at)...])
    if unit.hasPrefix(levelPrefix) || unit.hasPrefix(agencyPrefix) || unit.hasPrefix(monthPrefix)
      || unit.hasPrefix(fieldPrefix) || unit.hasPrefix(deskPrefix)
    {
      return nil
    }
    return model.names.units.contains { $0.id == unit } ? nil : unit
  }

  /// `@agency:` introduces a deciding agency in a KPI name, as the "By deciding agency"
  /// table writes it (`TNMT` for the land offices of every district, `GTVT@pasc`).
  public static let agencyPrefix = "agency:"

  /// For a per-agency KPI name whose agency decides no procedure of `model`: a message
  /// naming the agencies that do.
  public static func unknownAgency(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(agencyPrefix) else { return nil }
    let agency = String(target.dropFirst(agencyPrefix.count))
    var owners: [String] = []
    for p in model.names.procedures where !owners.contains(p.owner) { owners.append(p.owner) }
    if owners.contains(agency) { return nil }
    let counted = Measure.named(String(name[..<at]))?.cell != nil
    if counted && model.decidedCells(by: agency) != nil { return nil }
    let routed = counted ? " (or the id of an agency a route's first step reaches, e.g. 'UBNDH@DISTRICT')" : ""
    return
      """
      no procedure of the scenario is decided by '\(agency)' (in KPI '\(name)'); deciding agencies: \
      \(owners.joined(separator: ", "))\(routed)
      """
  }

  /// KPIs that also exist per deciding agency, as `NAME@agency:AGENCY` (the keys of the
  /// "By deciding agency" table).
  public static let perAgency: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, String) -> Double)] =
    Measure.all.compactMap { m in m.agency.map { (m.name, m.unit, $0) } }

  /// `@level:` introduces a level in a KPI name (unit ids may not clash with it).
  public static let levelPrefix = "level:"

  /// For a per-level KPI name whose level `model` does not have: a message naming the
  /// known levels (levels are data, any number).
  public static func unknownLevel(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(levelPrefix) else { return nil }
    let level = String(target.dropFirst(levelPrefix.count))
    if model.names.levels.contains(level) { return nil }
    return
      """
      the scenario has no level '\(level)' (in KPI '\(name)'); its levels are \
      \(model.names.levels.joined(separator: ", "))
      """
  }

  /// KPIs that also exist per level of the receiving unit, as `NAME@level:LEVEL`. Waits
  /// are the level's own (quantiles from the level's histogram, not an average of units).
  public static let perLevel: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] =
    Measure.all.compactMap { m in m.level.map { (m.name, m.unit, $0) } }

  /// KPIs that also exist per unit, as `NAME@UNIT`.
  public static let perUnit: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] =
    Measure.all.compactMap { m in m.atUnit.map { (m.name, m.unit, $0) } }

  /// Every KPI of the pooled table, in report order.
  public static let all: [KPI] =
    Measure.all.filter(\.pooled).compactMap { m in m.total.map { KPI(m.name, m.unit, $0) } }

  /// Whole-run KPIs outside the pooled table (`Measure.pooled`), for targets, sweeps
  /// and `--precision` by name (`apologies_on_time`, `digitised`).
  public static let byNameOnly: [KPI] =
    Measure.all.filter { !$0.pooled }.compactMap { m in m.total.map { KPI(m.name, m.unit, $0) } }
}

extension RunResult {
  /// Mean number of desks busy at each unit during the unit's opening hours.
  public func busyDesks(model: CompiledModel) -> [Double] {
    var busy = [Double](repeating: 0, count: model.units.count)
    for (g, group) in model.deskGroups.enumerated() { busy[group.unit] += deskGroups[g].busySeconds }
    return busy.indices.map { units[$0].openSeconds > 0 ? busy[$0] / units[$0].openSeconds : 0 }
  }

  /// Mean number of officers busy at each station during its working hours.
  public func busyOfficers(model: CompiledModel) -> [Double] {
    model.stations.indices.map { k in
      let hours = stations[k].availableSeconds / Double(max(model.stations[k].officers, 1))
      return hours > 0 ? stations[k].busySeconds / hours : 0
    }
  }

  /// Mean number waiting for a desk at each unit during its opening hours.
  public var queueLengths: [Double] {
    units.map(\.queueLength)
  }
}
