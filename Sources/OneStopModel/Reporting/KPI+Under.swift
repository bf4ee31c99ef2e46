/// Subtree KPIs, `NAME@under:UNIT`: a report that gives a figure per district for the
/// communes of each district (Tuyên Quang 2022: overdue at the communes of Lâm Bình 21,
/// of TP Tuyên Quang 128) is held against the dossiers received by the units of that
/// district's subtree, optionally of one level (`@level:commune@under:yen-son`), one
/// deciding agency (`@agency:UBNDH@under:yen-son`) or one field.
///
/// Only counted measures (written once on a breakdown cell, `Measure.cell`) have this
/// form: the subtree's cells are summed and the measure is computed on the sum, so a count
/// is the sum of its units' counts and a rate is the ratio of the sums.
extension KPI {
  /// `@under:` introduces a unit whose subtree (the unit included) a KPI sums over.
  public static let underPrefix = "under:"

  /// KPIs that exist over a subtree of units, as `NAME@under:UNIT` (alone or after
  /// `@level:`, `@agency:` or `@field:`): every counted measure.
  public static let perSubtree: [(String, KPIUnit, @Sendable (CellCounters) -> Double)] =
    Measure.all.compactMap { m in m.cell.map { (m.name, m.unit, $0) } }

  /// What a subtree KPI selects inside the subtree besides its units.
  enum SubtreeSelection: Sendable {
    case all
    case level(String)
    case agency(String)
    case field(String)
  }

  /// `name` split at its last `@under:` into the rest and the unit id; nil without one.
  static func splitUnder(_ name: String) -> (rest: String, unit: String)? {
    guard let r = name.ranges(of: "@" + underPrefix).last else { return nil }
    return (String(name[..<r.lowerBound]), String(name[r.upperBound...]))
  }

  /// The base measure and the selection of the part before `@under:`, or nil when it is
  /// neither a name nor a name with one `@level:`, `@agency:` or `@field:` scope.
  static func subtreeSelection(_ rest: String) -> (base: String, selection: SubtreeSelection)? {
    guard let at = rest.firstIndex(of: "@") else { return (rest, .all) }
    let base = String(rest[..<at]), scope = String(rest[rest.index(after: at)...])
    func value(_ prefix: String) -> String? {
      scope.hasPrefix(prefix) && scope.count > prefix.count ? String(scope.dropFirst(prefix.count)) : nil
    }
    if let level = value(levelPrefix), !level.contains("@") { return (base, .level(level)) }
    if let agency = value(agencyPrefix) { return (base, .agency(agency)) }
    if let field = value(fieldPrefix), !field.contains("@") { return (base, .field(field)) }
    return nil
  }

  /// The subtree KPI `rest@under:unit`, NaN when the model has no such unit (or level,
  /// agency, field); nil when `rest` names no counted measure.
  static func under(_ name: String, rest: String, unit: String) -> KPI? {
    guard !unit.isEmpty, !unit.contains("@"), let (base, selection) = subtreeSelection(rest),
      let (kpiUnit, cell) = perSubtree.first(where: { $0.0 == base }).map({ ($0.1, $0.2) })
    else { return nil }
    return KPI(name, kpiUnit) { r, model in
      guard let root = model.names.units.firstIndex(where: { $0.id == unit }) else { return .nan }
      let inside = model.subtree(of: root)
      switch selection {
      case .all:
        return cell(r.total { u, _, _ in inside[u] })
      case .level(let level):
        guard let l = model.names.levels.firstIndex(of: level) else { return .nan }
        return cell(r.total { u, _, _ in inside[u] && model.units[u].level == l })
      case .agency(let agency):
        guard let decided = model.decidedCells(by: agency) else { return .nan }
        let n = model.units.count
        return cell(r.total { u, p, _ in inside[u] && decided[p * n + u] })
      case .field(let field):
        guard let f = model.names.fields.firstIndex(of: field) else { return .nan }
        return cell(r.total { u, p, _ in inside[u] && model.procedures[p].field == f })
      }
    }
  }

  /// For a subtree KPI: why `model` cannot give it (no such unit, level, agency or
  /// field), or nil. `unknownUnit` gives the unit alone, for a did-you-mean.
  static func unknownSubtree(_ name: String, in model: CompiledModel) -> String? {
    guard let (rest, unit) = splitUnder(name) else { return nil }
    if !model.names.units.contains(where: { $0.id == unit }) {
      return "the scenario has no unit '\(unit)' (in KPI '\(name)')"
    }
    guard let (_, selection) = subtreeSelection(rest) else { return nil }
    switch selection {
    case .all: return nil
    case .level: return unknownLevel(rest, in: model).map { $0.replacing(rest, with: name) }
    case .agency: return unknownAgency(rest, in: model).map { $0.replacing(rest, with: name) }
    case .field: return unknownField(rest, in: model).map { $0.replacing(rest, with: name) }
    }
  }
}

extension CompiledModel {
  /// Per unit, whether it lies in unit `root`'s subtree (`root` included): `root` is
  /// the unit itself or an ancestor through the parent links.
  public func subtree(of root: Int) -> [Bool] {
    units.indices.map { u in
      var at: Int? = u
      var hops = 0  // bounded: a parent cycle (refused when compiling) must not hang
      while let x = at, hops <= units.count {
        if x == root { return true }
        at = units[x].parent
        hops += 1
      }
      return false
    }
  }

  /// The dossiers agency `agency` decides, per (procedure p, receiving unit u) at
  /// `p * units.count + u`: a procedure's owner (`TNMT`, the land offices of every
  /// district; `GTVT@pasc`), or an agency id that a `nearest:` route reaches from some
  /// units (`UBNDH@yen-son`: the dossiers whose first step is at that agency). Nil when
  /// `agency` decides nothing.
  public func decidedCells(by agency: String) -> [Bool]? {
    let n = units.count
    if names.procedures.contains(where: { $0.owner == agency }) {
      return (0..<(names.procedures.count * n)).map { names.procedures[$0 / n].owner == agency }
    }
    guard let s = names.stations.firstIndex(where: { $0.id == agency }) else { return nil }
    let cells = (0..<(names.procedures.count * n)).map { route(procedure: $0 / n, unit: $0 % n).first == Int32(s) }
    return cells.contains(true) ? cells : nil
  }
}
