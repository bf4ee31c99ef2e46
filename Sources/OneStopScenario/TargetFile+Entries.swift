import Foundation
import OneStopModel

/// Reading one entry of a target file's `targets`: a figure or a rank target, each error
/// at its file, line and key path.
extension TargetFile {
  static let figureKeys = [
    "kpi", "value", "at_least", "at_most", "tolerance", "precision", "tolerance_reason", "weight", "source",
    "source_vi", "role", "fitted_by",
  ]
  static let rankKeys = ["rank", "min_spearman", "top", "source", "source_vi", "role", "name"]

  /// A KPI name at `path`, with its unit; an unknown name is reported with a hint.
  static func readKPI(_ node: YNode, _ path: String, _ r: ScenarioReader) -> (String, KPIUnit)? {
    guard let k = r.string(node, path) else { return nil }
    guard let kpi = KPI.named(k) else {
      let hint =
        KPI.problem(k).map { ": \($0)" }
        ?? suggestion(for: k, in: KPI.all.map(\.name)).map { "; did you mean '\($0)'?" } ?? "; see docs/results.md"
      r.issue(node, path, "unknown KPI '\(k)'\(hint)")
      return nil
    }
    return (k, kpi.unit)
  }

  /// `role: input | fitted | independent` (default independent).
  static func readRole(_ node: YNode?, _ path: String, _ r: ScenarioReader) -> Role? {
    guard let node else { return .independent }
    guard let word = r.string(node, path) else { return nil }
    if let role = Role(rawValue: word) { return role }
    let hint = suggestion(for: word, in: Role.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
    r.issue(node, path, "expected input, fitted or independent, found '\(Excerpt.excerpt(word))'\(hint)")
    return nil
  }

  /// The source of an entry: required, not empty.
  static func readSource(_ m: [String: YNode], item: YNode, _ path: String, _ r: ScenarioReader) -> String? {
    guard let sn = m["source"], let s = r.string(sn, "\(path).source"), !s.isEmpty else {
      r.issue(item, "\(path).source", "missing; say where the figure comes from (report, row or sentence)")
      return nil
    }
    return s
  }

  /// One figure: KPI, value, tolerance (absolute, `N%`, or a count's default), precision,
  /// weight, role and source.
  static func readFigure(_ item: YNode, _ path: String, _ r: ScenarioReader) -> Target? {
    guard let m = r.mapping(item, path, keys: figureKeys) else { return nil }
    guard let kn = m["kpi"], let (k, unit) = readKPI(kn, "\(path).kpi", r) else {
      if m["kpi"] == nil { r.issue(item, "\(path).kpi", "missing; name the KPI (docs/results.md)") }
      return nil
    }
    guard let (vn, v, atLeast, atMost) = readValue(m, item: item, path, r) else { return nil }
    let role = readRole(m["role"], "\(path).role", r)
    let reason = m["tolerance_reason"].flatMap { r.string($0, "\(path).tolerance_reason") }
    guard let (tolerance, rule) = readTolerance(m["tolerance"], item: item, path, value: v, unit: unit, reason, r)
    else { return nil }
    var precision = precision(ofWritten: vn.scalarText ?? "") ?? 0
    if let pn = m["precision"] {
      guard let p = r.double(pn, "\(path).precision", min: 0, max: maxValue, what: "a precision >= 0 in the KPI's unit")
      else { return nil }
      precision = p
    }
    let w =
      m["weight"].flatMap {
        r.double($0, "\(path).weight", min: 0, max: ModelLimits.weightRange.upperBound, what: "a weight >= 0")
      } ?? 1
    var fittedBy: [String] = []
    if let fn = m["fitted_by"], let items = r.list(fn, "\(path).fitted_by") {
      fittedBy = items.enumerated().compactMap { r.string($1, "\(path).fitted_by[\($0)]") }
      if role != .fitted {
        r.issue(fn, "\(path).fitted_by", "goes with 'role: fitted' (the keys fitted to this figure)")
      }
    }
    guard let role, let s = readSource(m, item: item, path, r) else { return nil }
    var target = Target(
      kpi: k, value: v, tolerance: tolerance, toleranceRule: rule, precision: precision, weight: w, source: s,
      role: role, fittedBy: fittedBy, toleranceReason: reason, path: "\(path).kpi", file: kn.file, line: kn.line,
      column: kn.column)
    (target.atLeast, target.atMost) = (atLeast, atMost)
    target.sourceVi = m["source_vi"].flatMap { r.string($0, "\(path).source_vi") }
    return target
  }

  /// The figure (`value`), or bounds (`at_least`, `at_most`, one or both, never with
  /// `value`): the node whose writing gives the precision, the shown value and the bounds.
  static func readValue(_ m: [String: YNode], item: YNode, _ path: String, _ r: ScenarioReader)
    -> (YNode, Double, Double?, Double?)?
  {
    func number(_ key: String) -> (YNode, Double)?? {
      guard let n = m[key] else { return .some(nil) }
      guard let x = r.double(n, "\(path).\(key)", min: -maxValue, max: maxValue, what: "the report's figure")
      else { return nil }
      return (n, x)
    }
    guard let value = number("value"), let lo = number("at_least"), let hi = number("at_most") else { return nil }
    if let (vn, v) = value {
      if lo != nil || hi != nil {
        r.issue(vn, "\(path).value", "give either value or at_least/at_most (bounds the report implies), not both")
        return nil
      }
      return (vn, v, nil, nil)
    }
    guard let shown = hi ?? lo else {
      r.issue(item, "\(path).value", "missing; give the report's figure (or at_least/at_most for bounds it implies)")
      return nil
    }
    if let lo, let hi, lo.1 > hi.1 {
      r.issue(hi.0, "\(path).at_most", "expected at least at_least (\(fmt(lo.1))), found \(fmt(hi.1))")
      return nil
    }
    return (shown.0, shown.1, lo?.1, hi?.1)
  }

  /// `tolerance`: absolute in the KPI's unit, or `N%` of the figure; absent, a count's
  /// default 2 x sqrt(max(value, 1)). A written tolerance larger than a nonzero count needs
  /// `tolerance_reason`.
  static func readTolerance(
    _ node: YNode?, item: YNode, _ path: String, value v: Double, unit: KPIUnit, _ reason: String?,
    _ r: ScenarioReader
  ) -> (Double, ToleranceRule)? {
    let p = "\(path).tolerance"
    guard let node else {
      guard isCount(unit) else {
        r.issue(
          item, p,
          """
            missing; a figure in \(unit.symbol) needs a tolerance (absolute in the KPI's unit, or N% of the figure); \
            only counts have a default (2 x sqrt(value))
            """)
        return nil
      }
      return (countTolerance(v), .countDefault)
    }
    var tolerance: Double, rule = ToleranceRule.absolute
    if let text = node.scalarText, text.hasSuffix("%") {
      guard let pct = Double(text.dropLast().trimmingCharacters(in: .whitespaces)), pct >= 0, pct <= 1000 else {
        r.issue(node, p, "expected a percentage of the figure in [0, 1000], e.g. 5%, found \(node.found)")
        return nil
      }
      (tolerance, rule) = (pct / 100 * abs(v), .relative(pct))
    } else {
      guard let t = r.double(node, p, min: 0, max: maxValue, what: "a tolerance >= 0 in the KPI's unit (or N%)")
      else { return nil }
      tolerance = t
    }
    if isCount(unit) && v != 0 && tolerance > abs(v) && (reason ?? "").isEmpty {
      r.issue(
        node, p,
        """
          \(fmt(tolerance)) is larger than the figure itself (\(fmt(v))); say why in tolerance_reason, or narrow it \
          (a count's default is 2 x sqrt(value) = \(fmt(countTolerance(v))))
          """)
      return nil
    }
    return (tolerance, rule)
  }

  /// A rank target: `rank: [{kpi, value}, ...]` (at least three), `min_spearman` in
  /// [-1, 1], optional `top` (one of the ranked KPIs), `source`, `role` and `name`.
  static func readRank(_ item: YNode, _ path: String, _ r: ScenarioReader) -> RankTarget? {
    guard let m = r.mapping(item, path, keys: rankKeys), let ln = m["rank"], let list = r.list(ln, "\(path).rank")
    else { return nil }
    var items: [RankTarget.Item] = []
    for (i, node) in list.enumerated() {
      let ip = "\(path).rank[\(i)]"
      guard let im = r.mapping(node, ip, keys: ["kpi", "value"]) else { continue }
      guard let kn = im["kpi"], let vn = im["value"] else {
        r.issue(node, ip, "expected {kpi: NAME, value: FIGURE}")
        continue
      }
      guard let (k, _) = readKPI(kn, "\(ip).kpi", r),
        let v = r.double(vn, "\(ip).value", min: -maxValue, max: maxValue, what: "the report's figure")
      else { continue }
      items.append(.init(kpi: k, value: v, path: "\(ip).kpi", file: kn.file, line: kn.line, column: kn.column))
    }
    if list.count < 3 { r.issue(ln, "\(path).rank", "expected at least three figures to rank, found \(list.count)") }
    guard let sn = m["min_spearman"] else {
      r.issue(item, "\(path).min_spearman", "missing; the smallest rank correlation that passes, e.g. 0.7")
      return nil
    }
    guard let rho = r.double(sn, "\(path).min_spearman", min: -1, max: 1, what: "a rank correlation") else {
      return nil
    }
    var top: String?
    if let tn = m["top"], let t = r.string(tn, "\(path).top") {
      if !items.contains(where: { $0.kpi == t }) {
        r.issue(tn, "\(path).top", "expected one of the ranked KPIs, found '\(Excerpt.excerpt(t))'")
      }
      top = t
    }
    let role = readRole(m["role"], "\(path).role", r)
    let name = m["name"].flatMap { r.string($0, "\(path).name") } ?? "rank of \(items.count) figures"
    guard let role, let s = readSource(m, item: item, path, r), items.count == list.count else { return nil }
    return RankTarget(
      name: name, items: items, minSpearman: rho, top: top, source: s, role: role, path: "\(path).rank",
      file: ln.file, line: ln.line, column: ln.column)
  }
}
