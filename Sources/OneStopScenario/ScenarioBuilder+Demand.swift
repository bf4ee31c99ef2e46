import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Demand

  static let demandKeys = ConfigurationSchema.demand.keyNames()

  func readDemand(_ node: YNode, units: [UnitConfiguration]) -> [DemandConfiguration] {
    guard let items = r.list(node, "demand") else { return [] }
    var out: [DemandConfiguration] = []
    for (k, item) in items.enumerated() {
      let src = "demand[\(k)]"
      guard let m = r.mapping(item, src, keys: Self.demandKeys) else { continue }
      if let id = m["id"]?.scalarText { demandIDs.insert(id) }
      var at: [String] = []
      if let ln = m["at_level"], let level = r.string(ln, "\(src).at_level") {
        at = unitsByLevel(units)[level] ?? []
        if at.isEmpty { r.issue(ln, "\(src).at_level", "no unit has level '\(Excerpt.excerpt(level))'") }
      } else if let un = m["units"], let list = stringList(un, "\(src).units") {
        at = list
      } else if let un = m["unit"], let u = r.string(un, "\(src).unit") {
        at = [u]
      } else {
        r.issue(
          item, src, "missing 'unit' (or 'units: [...]', or 'at_level' to share the volume over every unit of a level)")
        continue
      }
      if out.count + at.count > ModelLimits.demandEntries {
        r.issue(
          item, src,
          """
            expected at most \(ModelLimits.demandEntries) demand entries in all (after at_level and units are \
            expanded), found \(out.count + at.count) with this one
            """
        )
        continue
      }
      guard let vn = m["annual_volume"],
        let volume = r.double(
          vn, "\(src).annual_volume", min: 0, max: ModelLimits.annualVolume, what: "a number of dossiers per year")
      else {
        if m["annual_volume"] == nil { r.issue(item, src, "missing required key 'annual_volume'") }
        continue
      }
      guard let volumes = demandVolumes(m, src, units: at, volume: volume) else { continue }
      if let id = m["id"]?.scalarText { demandShares[id] = Array(zip(at, volumes)) }
      let mix = readMix(m, item, src)
      var base = DemandConfiguration(unit: "", annualVolume: volume / Double(max(at.count, 1)), mix: mix)
      if let n = m["online_share"], let v = readShare(n, "\(src).online_share") { base.onlineShare = v }
      if let n = m["postal_share"], let v = readShare(n, "\(src).postal_share") { base.postalShare = v }
      r.read(
        ConfigurationSchema.demand.filter { $0.key.hasSuffix("return_share") || $0.key == "away_share" }, from: m,
        at: src, into: &base)
      if let n = m["month_factors"], let v = numbers(n, "\(src).month_factors", count: 12) { base.monthFactors = v }
      if let n = m["weekday_factors"], let v = numbers(n, "\(src).weekday_factors", count: 7) {
        base.weekdayFactors = v
      }
      if let n = m["weekday_factors_from"] { base.weekdayFactorPeriods = readWeekdayPeriods(n, src) }
      if let n = m["walk_in_hour_profile"], let v = numbers(n, "\(src).walk_in_hour_profile", count: 24) {
        base.walkInHourProfile = v
      }
      if let n = m["online_hour_profile"], let v = numbers(n, "\(src).online_hour_profile", count: 24) {
        base.onlineHourProfile = v
      }
      r.read(
        ConfigurationSchema.demand.filter { $0.key == "walk_in_profile_follows_cutoff" }, from: m, at: src, into: &base)
      for (u, v) in zip(at, volumes) {
        let path = "demand[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        if let mn = m["mix"], case .mapping(let pairs) = mn.kind {
          for (j, p) in pairs.enumerated() { r.mark("\(path).mix[\(j)]", p.keyNode) }
        }
        var d = base
        d.unit = u
        d.annualVolume = v
        out.append(d)
      }
    }
    return out
  }

  /// The `mix` of a demand entry: procedure weights in the file's order.
  func readMix(_ m: [String: YNode], _ item: YNode, _ src: String) -> [(procedure: String, weight: Double)] {
    var mix: [(procedure: String, weight: Double)] = []
    if let mn = m["mix"] {
      if case .mapping(let pairs) = mn.kind {
        for (j, p) in pairs.enumerated() {
          if let w = r.double(
            p.value, "\(src).mix.\(Excerpt.excerpt(p.key))", min: 0, max: ModelLimits.weightRange.upperBound,
            what: "a weight")
          {
            if w != 0 && w < ModelLimits.weightRange.lowerBound {
              r.issue(
                p.value, "\(src).mix.\(Excerpt.excerpt(p.key))",
                "expected a weight of 0 or at least \(ModelLimits.weightRange.lowerBound), found \(p.value.found)")
            } else {
              mix.append((p.key, w))
            }
          }
          r.mark("\(src).mix[\(j)]", p.keyNode)
        }
      } else {
        r.issue(mn, "\(src).mix", "expected a mapping procedure: weight, found \(mn.found)")
      }
    } else {
      r.issue(item, src, "missing required key 'mix'")
    }
    return mix
  }

  /// `weekday_factors_from`: weekday factors that apply from a date on.
  func readWeekdayPeriods(_ n: YNode, _ src: String) -> [(from: CivilDate, factors: [Double])] {
    var periods: [(from: CivilDate, factors: [Double])] = []
    guard let items = r.list(n, "\(src).weekday_factors_from") else { return periods }
    for (j, item) in items.enumerated() {
      let ip = "\(src).weekday_factors_from[\(j)]"
      guard let pm = r.mapping(item, ip, keys: ["date", "factors"]) else { continue }
      guard let dn = pm["date"], let date = r.date(dn, "\(ip).date"), let fn = pm["factors"],
        let factors = numbers(fn, "\(ip).factors", count: 7)
      else {
        for key in ["date", "factors"] where pm[key] == nil { r.issue(item, ip, "missing required key '\(key)'") }
        continue
      }
      periods.append((date, factors))
    }
    return periods
  }

  /// A share: a number, or a ramp `[{date: 2020-05-19, share: 0.09}, ...]`.
  func readShare(_ node: YNode, _ path: String) -> Ramp? {
    if node.scalarText != nil { return r.probability(node, path).map { Ramp.constant($0) } }
    guard let items = r.list(node, path) else { return nil }
    var points: [(date: CivilDate, value: Double)] = []
    for (k, item) in items.enumerated() {
      guard let m = r.mapping(item, "\(path)[\(k)]", keys: ["date", "share"]),
        let d = m["date"].flatMap({ r.date($0, "\(path)[\(k)].date") }),
        let v = m["share"].flatMap({ r.probability($0, "\(path)[\(k)].share") })
      else { continue }
      points.append((d, v))
    }
    if points.isEmpty { r.issue(node, path, "expected a share or a list of {date, share} points") }
    return points.isEmpty ? nil : Ramp(points: points)
  }

  func numbers(_ node: YNode, _ path: String, count: Int) -> [Double]? {
    guard let items = r.list(node, path) else { return nil }
    guard items.count == count else {
      r.issue(node, path, "expected \(count) numbers, found \(items.count)")
      return nil
    }
    // 0, or a factor a planner could mean: a subnormal 1e-320 would divide a volume
    // into infinity when the factors are normalised.
    let range = ModelLimits.factorRange
    let v = items.enumerated().compactMap { k, item -> Double? in
      guard let x = r.double(item, "\(path)[\(k)]", min: 0, max: range.upperBound, what: "a number >= 0") else {
        return nil
      }
      if x != 0 && x < range.lowerBound {
        r.issue(
          item, "\(path)[\(k)]",
          "expected 0 or a factor from \(range.lowerBound) to \(Int(range.upperBound)), found \(item.found)")
        return nil
      }
      return x
    }
    return v.count == count ? v : nil
  }
}
