import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Carried-over backlog

  /// The carried-over entries: one unit each (`unit:`), or a count spread over the units
  /// of a level (`at_level`, `under`) in whole dossiers by a `split`, one entry per unit
  /// that gets any.
  func readBacklog(_ node: YNode, units: [UnitConfiguration]) -> [BacklogEntry] {
    guard let items = r.list(node, "backlog") else { return [] }
    var out: [BacklogEntry] = []
    for (k, item) in items.enumerated() {
      let path = "backlog[\(k)]"
      guard let m = r.mapping(item, path, table: ConfigurationSchema.backlog) else { continue }
      let spread = m["at_level"] != nil || m["under"] != nil || m["split"] != nil
      guard let p = m["procedure"].flatMap({ r.string($0, "\(path).procedure") }),
        let c = m["count"].flatMap({
          r.int($0, "\(path).count", min: 0, max: ModelLimits.backlogCount, what: "a number of dossiers")
        }),
        spread || m["unit"] != nil
      else {
        for key in ["procedure", "count"] where m[key] == nil { r.issue(item, path, "missing required key '\(key)'") }
        if m["unit"] == nil && !spread {
          r.issue(item, path, "missing 'unit' (or 'at_level' to spread the count over the units of a level)")
        }
        continue
      }
      let from = m["received_from"].flatMap { r.date($0, "\(path).received_from") }
      let through = m["received_through"].flatMap { r.date($0, "\(path).received_through") }
      let overdue = m["overdue_share"].flatMap { r.probability($0, "\(path).overdue_share") } ?? 0
      let entry = BacklogEntry(
        unit: "", procedure: p, count: c, receivedFrom: from, receivedThrough: through, overdueShare: overdue)
      guard spread else {
        guard let u = m["unit"].flatMap({ r.string($0, "\(path).unit") }) else { continue }
        var one = entry
        one.unit = u
        out.append(one)
        continue
      }
      guard let parts = spreadBacklog(m, item, path, count: c, units: units) else { continue }
      for (u, n) in parts {
        let at = "backlog[\(out.count)]"
        r.mark(at, item)
        for (key, value) in m { r.mark("\(at).\(key)", value) }
        var one = entry
        one.unit = u
        one.count = n
        out.append(one)
      }
    }
    return out
  }

  /// The units a spread entry covers and the whole dossiers each gets (units that get
  /// none left out), or nil (the problem recorded).
  func spreadBacklog(
    _ m: [String: YNode], _ item: YNode, _ path: String, count: Int, units: [UnitConfiguration]
  ) -> [(unit: String, count: Int)]? {
    if let un = m["unit"] {
      r.issue(un, "\(path).unit", "give unit (one unit) or at_level (spread over a level), not both")
      return nil
    }
    var rule = SplitRule.even
    if let sn = m["split"] {
      guard let s = readSplit(sn, "\(path).split", allowLike: true) else { return nil }
      rule = s
    }
    var ids: [String]
    if let ln = m["at_level"] {
      guard let level = r.string(ln, "\(path).at_level") else { return nil }
      ids = unitsByLevel(units)[level] ?? []
      if ids.isEmpty {
        r.issue(ln, "\(path).at_level", "no unit has level '\(Excerpt.excerpt(level))'")
        return nil
      }
      if let un = m["under"] {
        guard let top = r.string(un, "\(path).under"), let below = unitsBelow(top, un, "\(path).under", units) else {
          return nil
        }
        ids = ids.filter { below.contains($0) }
        if ids.isEmpty {
          r.issue(
            un, "\(path).under", "no unit of level '\(Excerpt.excerpt(level))' lies under '\(Excerpt.excerpt(top))'")
          return nil
        }
      }
    } else if case .like(let id, _) = rule, let shares = demandShares[id] {
      ids = shares.map(\.unit)
      if let un = m["under"] { r.issue(un, "\(path).under", "under needs at_level") }
    } else {
      if let un = m["under"] { r.issue(un, "\(path).under", "under needs at_level") }
      if case .like(let id, let ln) = rule {
        unknownDemand(id, ln, "\(path).split.like")
      } else {
        r.issue(item, path, "missing 'at_level' (the level to spread the count over)")
      }
      return nil
    }
    let weights: [Double]
    switch rule {
    case .even: weights = ids.map { _ in 1 }
    case .driver(let split):
      guard let w = splitWeights(split, units: ids, node: m["split"]!, path: "\(path).split", entry: path) else {
        return nil
      }
      weights = w
    case .like(let id, let ln):
      guard let shares = demandShares[id] else {
        unknownDemand(id, ln, "\(path).split.like")
        return nil
      }
      var volume: [String: Double] = [:]
      for s in shares { volume[s.unit, default: 0] += s.volume }
      weights = ids.map { volume[$0] ?? 0 }
    }
    guard let parts = UnitSplit.largestRemainder(count, weights: weights) else {
      r.issue(m["split"] ?? item, path, "the units' weights sum to 0; no unit would get a dossier")
      return nil
    }
    return zip(ids, parts).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
  }

  /// Records that no demand entry has id `id`.
  func unknownDemand(_ id: String, _ node: YNode, _ path: String) {
    // An entry with this id that could not be read has its own problem already.
    guard !demandIDs.contains(id) else { return }
    let hint = suggestion(for: id, in: demandShares.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    r.issue(node, path, "no demand entry has id '\(Excerpt.excerpt(id))'\(hint)")
  }

  /// The ids of the units below `top` (children, their children, ...), or nil when no
  /// unit has that id.
  func unitsBelow(_ top: String, _ node: YNode, _ path: String, _ units: [UnitConfiguration]) -> Set<String>? {
    guard units.contains(where: { $0.id == top }) else {
      let hint = suggestion(for: top, in: units.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
      r.issue(node, path, "unknown unit '\(Excerpt.excerpt(top))'\(hint)")
      return nil
    }
    var parent: [String: String] = [:]
    for u in units { if let p = u.parent { parent[u.id] = p } }
    var below = Set<String>()
    for u in units {
      var p = parent[u.id]
      var steps = 0
      while let q = p, steps <= ModelLimits.levels {
        if q == top {
          below.insert(u.id)
          break
        }
        p = parent[q]
        steps += 1
      }
    }
    return below
  }
}
