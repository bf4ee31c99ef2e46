import DESKernel
import OneStopModel

/// What the split drivers know of a unit (`kind`, `population`, `area_km2`); the model
/// never sees these, only the volumes and counts they give.
struct UnitFacts: Sendable, Equatable {
  var kind: String?
  var population: Double?
  var area: Double?
}

/// A `split:` as written: equal parts, a driver, or (a backlog entry) the shares of a
/// demand entry.
enum SplitRule {
  case even
  case driver(UnitSplit)
  /// The demand entry's id and the node that names it.
  case like(String, YNode)
}

extension ScenarioBuilder {
  // MARK: - Splits over units

  static let splitKeys = ConfigurationSchema.split.keyNames()

  /// Reads `split:` (`like` only where `allowLike`); nil when it is wrong.
  func readSplit(_ node: YNode, _ path: String, allowLike: Bool) -> SplitRule? {
    if let text = node.scalarText {
      if text == "even" { return .even }
      r.issue(
        node, path,
        "expected even, or a mapping {by: population, exponent: 1, kind_factors: {...}}, found \(node.found)")
      return nil
    }
    let keys = allowLike ? Self.splitKeys : Self.splitKeys.filter { $0 != "like" }
    guard let m = r.mapping(node, path, keys: keys) else { return nil }
    if let ln = m["like"] {
      guard let id = r.string(ln, "\(path).like") else { return nil }
      for key in ["by", "exponent", "kind_factors"] {
        if let n = m[key] {
          r.issue(n, "\(path).\(key)", "like takes the demand entry's shares as they are; remove it")
        }
      }
      return .like(id, ln)
    }
    guard let bn = m["by"] else {
      let choices = UnitSplit.Driver.allCases.map(\.rawValue).joined(separator: ", ")
      r.issue(node, path, "missing required key 'by' (\(choices)\(allowLike ? ", or 'like'" : ""))")
      return nil
    }
    guard let driver = r.choice(bn, "\(path).by", UnitSplit.Driver.self) else { return nil }
    var split = UnitSplit(driver: driver)
    if let en = m["exponent"],
      let e = r.double(en, "\(path).exponent", min: 0, max: UnitSplitLimits.exponent, what: "an exponent")
    {
      split.exponent = e
    }
    if let kn = m["kind_factors"] {
      guard case .mapping(let pairs) = kn.kind else {
        r.issue(kn, "\(path).kind_factors", "expected a mapping kind: factor, found \(kn.found)")
        return nil
      }
      for p in pairs {
        let kp = "\(path).kind_factors.\(Excerpt.excerpt(p.key))"
        r.mark(kp, p.value)
        let f = r.double(p.value, kp, min: 0, max: ModelLimits.factorRange.upperBound, what: "a factor >= 0")
        if let f { split.kindFactors[p.key] = f }
      }
    }
    return .driver(split)
  }

  /// The weight of each of `units` under `split`; nil when a unit lacks the driver's
  /// value or the weights sum to 0 (the problem, naming `entry`, recorded at `node`).
  func splitWeights(_ split: UnitSplit, units: [String], node: YNode, path: String, entry: String) -> [Double]? {
    var weights: [Double] = []
    var missing: [String] = []
    for u in units {
      let f = unitFacts[u]
      let value = split.driver == .area ? f?.area : f?.population
      if let w = split.weight(value: value, kind: f?.kind) { weights.append(w) } else { missing.append(u) }
    }
    if !missing.isEmpty && missing.allSatisfy({ unitTable?.incomplete.contains($0) ?? false }) { return nil }
    if let first = missing.first {
      let key = split.driver == .area ? "area_km2" : "population"
      let more = missing.count > 1 ? " (and \(missing.count - 1) more)" : ""
      r.issue(
        node, path,
        """
          unit '\(Excerpt.excerpt(first))'\(more) has no \(key); \(entry) is split by \(split.driver.rawValue), \
          which needs it for every unit (unit_table column or units[].\(key))
          """
      )
      return nil
    }
    guard UnitSplit.shares(of: 1, weights: weights) != nil else {
      r.issue(node, path, "the weights of the \(units.count) units of \(entry) sum to 0; no unit would get a share")
      return nil
    }
    return weights
  }

  /// The volume of each of `at` for demand entry `m`: `annual_volume` in equal parts, or
  /// shared by its `split`; nil when the split is wrong.
  func demandVolumes(_ m: [String: YNode], _ src: String, units at: [String], volume: Double) -> [Double]? {
    let even = [Double](repeating: volume / Double(max(at.count, 1)), count: at.count)
    guard let sn = m["split"], !at.isEmpty else { return even }
    if m["at_level"] == nil && m["units"] == nil {
      r.issue(sn, "\(src).split", "a split shares a volume over units: give at_level or units (unit: keeps its volume)")
      return nil
    }
    switch readSplit(sn, "\(src).split", allowLike: false) {
    case .even?: return even
    case .driver(let split)?:
      let entry = m["id"]?.scalarText.map { "demand entry '\(Excerpt.excerpt($0))'" } ?? src
      guard let w = splitWeights(split, units: at, node: sn, path: "\(src).split", entry: entry) else { return nil }
      return UnitSplit.shares(of: volume, weights: w)
    case .like?, nil: return nil
    }
  }
}
