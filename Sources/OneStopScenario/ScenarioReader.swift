import DESKernel
import OneStopModel

/// Typed reading of `YNode`s with error collection: every accessor records a problem
/// (file, line, column, key path, expected, found) and returns nil instead of stopping,
/// so one pass reports everything wrong with a file.
final class ScenarioReader {
  private(set) var issues: [ScenarioIssue] = []
  /// Where each key path was written, to place the model's semantic errors.
  private(set) var marks: [String: YNode] = [:]
  /// Problems already recorded: one mistake read again (a default shared by every unit)
  /// is reported once.
  private var recorded: Set<String> = []
  private var dropped = 0
  /// Key paths a value was copied to, and the path it was written at: a unit's key that
  /// `unit_defaults` gave (`units[3].online_intake_officers` is
  /// `unit_defaults.commune.online_intake_officers`). A problem is reported where it was
  /// written, so once, not once per unit that inherits it.
  var aliases: [String: String] = [:]

  /// Problems listed at most; the rest are counted in one last line, so a file with a
  /// mistake in every one of its thousands of values still gives a readable answer.
  static let maxIssues = 200

  func issue(_ node: YNode, _ path: String, _ message: String) {
    let issue = ScenarioIssue(
      file: node.file, line: node.line, column: node.column, path: written(path), message: message)
    guard recorded.insert(issue.description).inserted else { return }
    if issues.count < Self.maxIssues {
      issues.append(issue)
      return
    }
    dropped += 1
    let note = ScenarioIssue(
      file: node.file, line: 0, column: 0, path: "",
      message: "\(dropped) more problem\(dropped == 1 ? "" : "s") not listed; fix the ones above first")
    if issues.count == Self.maxIssues { issues.append(note) } else { issues[issues.count - 1] = note }
  }

  /// `path` as written in the file: through `aliases`, for the path or a prefix of it
  /// that ends at a key or an index.
  func written(_ path: String) -> String {
    guard !aliases.isEmpty else { return path }
    if let a = aliases[path] { return a }
    var end = path.endIndex
    while let cut = path[..<end].lastIndex(where: { $0 == "." || $0 == "[" }) {
      if let a = aliases[String(path[..<cut])] { return a + path[cut...] }
      end = cut
    }
    return path
  }

  func mark(_ path: String, _ node: YNode) {
    if marks[path] == nil { marks[path] = node }
  }

  /// The node where `path` (or its longest recorded prefix) was written.
  func node(forPath path: String) -> YNode? {
    var p = path
    while !p.isEmpty {
      if let n = marks[p] { return n }
      guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      p = String(p[..<cut])
    }
    return marks[""]
  }

  /// A mapping whose keys must all be in `keys`; unknown keys are reported with the
  /// nearest valid key.
  func mapping(_ node: YNode, _ path: String, keys: [String]) -> [String: YNode]? {
    mark(path, node)
    guard case .mapping(let pairs) = node.kind else {
      issue(
        node, path,
        """
        expected a mapping with keys \(keys.prefix(6).joined(separator: ", "))\(keys.count > 6 ? ", ..." : ""), \
        found \(node.found)
        """
      )
      return nil
    }
    var out: [String: YNode] = [:]
    for p in pairs {
      let sub = path.isEmpty ? p.key : "\(path).\(p.key)"
      if !keys.contains(p.key) {
        let hint =
          suggestion(for: p.key, in: keys).map { "; did you mean '\($0)'?" }
          ?? "; expected one of \(keys.joined(separator: ", "))"
        issue(
          p.keyNode, path.isEmpty ? Excerpt.excerpt(p.key) : "\(path).\(Excerpt.excerpt(p.key))",
          "unknown key '\(Excerpt.excerpt(p.key))'\(hint)")
        continue
      }
      mark(sub, p.value)
      out[p.key] = p.value
    }
    return out
  }

  func list(_ node: YNode, _ path: String) -> [YNode]? {
    mark(path, node)
    if case .sequence(let items) = node.kind {
      for (i, item) in items.enumerated() { mark("\(path)[\(i)]", item) }
      return items
    }
    issue(node, path, "expected a list, found \(node.found)")
    return nil
  }

  func string(_ node: YNode, _ path: String) -> String? {
    if let s = node.scalarText { return s }
    issue(node, path, "expected text, found \(node.found)")
    return nil
  }

  func double(
    _ node: YNode, _ path: String, min: Double = -.infinity, max: Double = .infinity, what: String = "a number"
  ) -> Double? {
    guard let s = node.scalarText, let v = Double(s.replacingOccurrences(ofASCII: "_", with: "")), v.isFinite else {
      issue(node, path, "expected \(what), found \(node.found)")
      return nil
    }
    guard v >= min && v <= max else {
      issue(node, path, "expected \(what) in [\(fmt(min)), \(fmt(max))], found \(fmt(v))")
      return nil
    }
    return v
  }

  func probability(_ node: YNode, _ path: String) -> Double? {
    double(node, path, min: 0, max: 1, what: "a probability")
  }

  /// A whole number in `min ... max`; `max` is the documented limit of the key
  /// (`ModelLimits`), so that no count can overflow or exhaust memory later.
  func int(
    _ node: YNode, _ path: String, min: Int = Int.min, max: Int = Int.max, what: String = "a whole number"
  ) -> Int? {
    guard let s = node.scalarText, let v = Int(s.replacingOccurrences(ofASCII: "_", with: "")) else {
      issue(node, path, "expected \(what), found \(node.found)")
      return nil
    }
    guard v >= min else {
      issue(node, path, "expected \(what) >= \(min), found \(v)")
      return nil
    }
    guard v <= max else {
      issue(node, path, "expected \(what) <= \(max) (the documented maximum), found \(v)")
      return nil
    }
    return v
  }

  func bool(_ node: YNode, _ path: String) -> Bool? {
    switch node.scalarText?.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      issue(node, path, "expected true or false, found \(node.found)")
      return nil
    }
  }

  func date(_ node: YNode, _ path: String) -> CivilDate? {
    if let s = node.scalarText, let d = CivilDate(iso: s) { return d }
    issue(node, path, "expected a date YYYY-MM-DD, found \(node.found)")
    return nil
  }

  func time(_ node: YNode, _ path: String) -> TimeOfDay? {
    if let s = node.scalarText, let t = TimeOfDay(s) { return t }
    issue(node, path, "expected a time of day HH:MM between 00:00 and 24:00, found \(node.found)")
    return nil
  }

  func choice<T: RawRepresentable & CaseIterable>(_ node: YNode, _ path: String, _ type: T.Type) -> T?
  where T.RawValue == String {
    let options = T.allCases.map(\.rawValue)
    if let s = node.scalarText, let v = T(rawValue: s) { return v }
    let hint = node.scalarText.flatMap { suggestion(for: $0, in: options) }.map { "; did you mean '\($0)'?" } ?? ""
    issue(node, path, "expected one of \(options.joined(separator: ", ")), found \(node.found)\(hint)")
    return nil
  }

  // MARK: - Durations and distributions

  /// The unit a bare number means, and what a duration is converted to.
  typealias TimeUnit = DurationUnit

  /// `12m`, `1.5h`, `90s`, `3wd`, or a bare number in `unit`.
  func duration(_ node: YNode, _ path: String, unit: TimeUnit) -> Double? {
    guard let raw = node.scalarText?.trimmingWhitespace, !raw.isEmpty else {
      issue(node, path, "expected \(unit.expected), found \(node.found)")
      return nil
    }
    let suffixes: [(String, Double?, Double?, Double?)] = [  // suffix, in seconds, in hours, in wd
      ("wd", nil, nil, 1), ("s", 1, 1.0 / 3600, nil), ("m", 60, 1.0 / 60, nil), ("h", 3600, 1, nil),
    ]
    var number = raw
    var factor: Double? = 1
    for (suffix, s, h, w) in suffixes where raw.hasSuffix(suffix) && Double(raw.dropLast(suffix.count)) != nil {
      number = String(raw.dropLast(suffix.count))
      switch unit {
      case .seconds: factor = s
      case .hours: factor = h
      case .workingDays: factor = w
      }
      break
    }
    guard let v = Double(number), v.isFinite else {
      issue(node, path, "expected \(unit.expected), found \(node.found)")
      return nil
    }
    guard let f = factor else {
      issue(node, path, "expected \(unit.expected), found \(node.found) (wrong unit here)")
      return nil
    }
    guard v >= 0 else {
      issue(node, path, "expected a duration >= 0, found \(node.found)")
      return nil
    }
    guard v * f <= unit.maximum.value else {
      issue(node, path, "expected a duration of at most \(unit.maximum.text), found \(node.found)")
      return nil
    }
    return v * f
  }

  static let distributionNames = [
    "exponential", "lognormal", "gamma", "erlang", "normal", "uniform", "triangular", "deterministic", "empirical",
  ]

  /// A distribution of durations in `unit`: a plain duration (deterministic) or a
  /// one-key mapping such as `{lognormal: {mean: 12m, cv: 0.6}}`.
  func distribution(_ node: YNode, _ path: String, unit: TimeUnit) -> Distribution? {
    if node.scalarText != nil {
      guard let v = duration(node, path, unit: unit) else { return nil }
      return build(node, path) { try .deterministic(v) }
    }
    guard case .mapping(let pairs) = node.kind, pairs.count == 1 else {
      issue(
        node, path,
        "expected a duration or one of {\(Self.distributionNames.joined(separator: ", ")): ...}, found \(node.found)")
      return nil
    }
    let name = pairs[0].key, body = pairs[0].value, sub = "\(path).\(name)"
    mark(sub, body)
    switch name {
    case "deterministic", "exponential", "lognormal", "gamma", "erlang", "normal":
      return parametric(name, body, sub, unit: unit)
    case "uniform", "triangular", "empirical":
      return tabulated(name, body, sub, unit: unit)
    default:
      let hint = suggestion(for: name, in: Self.distributionNames).map { "; did you mean '\($0)'?" } ?? ""
      issue(
        pairs[0].keyNode, sub,
        """
        unknown distribution '\(Excerpt.excerpt(name))'; expected one of \
        \(Self.distributionNames.joined(separator: ", "))\(hint)
        """
      )
      return nil
    }
  }

  /// Duration parameter `key` of a distribution's mapping.
  private func durationParameter(
    _ key: String, _ m: [String: YNode], _ body: YNode, _ sub: String, _ unit: TimeUnit
  ) -> Double? {
    guard let n = m[key] else {
      issue(body, sub, "missing '\(key)'")
      return nil
    }
    return duration(n, "\(sub).\(key)", unit: unit)
  }

  /// A dimensionless parameter (cv, shape), within the range that keeps every draw
  /// finite (`ModelLimits`).
  private func shapeParameter(_ key: String, _ m: [String: YNode], _ body: YNode, _ sub: String) -> Double? {
    guard let n = m[key] else {
      issue(body, sub, "missing '\(key)'")
      return nil
    }
    let range = key == "shape" ? ModelLimits.gammaShape : 0...ModelLimits.cv
    return double(n, "\(sub).\(key)", min: range.lowerBound, max: range.upperBound)
  }

  /// Distributions given by a mean and a shape.
  private func parametric(_ name: String, _ body: YNode, _ sub: String, unit: TimeUnit) -> Distribution? {
    func d(_ key: String, _ m: [String: YNode]) -> Double? { durationParameter(key, m, body, sub, unit) }
    func x(_ key: String, _ m: [String: YNode]) -> Double? { shapeParameter(key, m, body, sub) }
    switch name {
    case "deterministic":
      guard let v = duration(body, sub, unit: unit) else { return nil }
      return build(body, sub) { try .deterministic(v) }
    case "exponential":
      if body.scalarText != nil {
        guard let m = duration(body, sub, unit: unit) else { return nil }
        return build(body, sub) { try .exponential(mean: m) }
      }
      guard let m = mapping(body, sub, keys: ["mean"]), let mean = d("mean", m) else { return nil }
      return build(body, sub) { try .exponential(mean: mean) }
    case "lognormal":
      guard let m = mapping(body, sub, keys: ["mean", "cv"]), let mean = d("mean", m), let cv = x("cv", m) else {
        return nil
      }
      return build(body, sub) { try .lognormal(mean: mean, cv: cv) }
    case "gamma":
      guard let m = mapping(body, sub, keys: ["mean", "cv", "shape", "scale"]) else { return nil }
      if m["shape"] != nil {
        guard let shape = x("shape", m), let scale = d("scale", m) else { return nil }
        return build(body, sub) { try .gamma(shape: shape, scale: scale) }
      }
      guard let mean = d("mean", m), let cv = x("cv", m) else { return nil }
      guard cv > 0 else { issue(body, sub, "cv must be > 0"); return nil }
      return build(body, sub) { try .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv) }
    case "erlang":
      guard let m = mapping(body, sub, keys: ["phases", "mean"]), let mean = d("mean", m),
        let pn = m["phases"], let phases = int(pn, "\(sub).phases", min: 1, max: ModelLimits.erlangPhases)
      else { return nil }
      return build(body, sub) { try .erlang(phases: phases, mean: mean) }
    default:
      guard let m = mapping(body, sub, keys: ["mean", "sd"]), let mean = d("mean", m), let sd = d("sd", m) else {
        return nil
      }
      return build(body, sub) { try .truncatedNormal(mean: mean, sd: sd) }
    }
  }

  /// Distributions given by bounds or by a table of values.
  private func tabulated(_ name: String, _ body: YNode, _ sub: String, unit: TimeUnit) -> Distribution? {
    func d(_ key: String, _ m: [String: YNode]) -> Double? { durationParameter(key, m, body, sub, unit) }
    func positional(_ count: Int) -> [Double]? {
      guard case .sequence(let items) = body.kind, items.count == count else { return nil }
      let values = items.enumerated().compactMap { duration($1, "\(sub)[\($0)]", unit: unit) }
      return values.count == count ? values : nil
    }
    switch name {
    case "uniform":
      if let v = positional(2) { return build(body, sub) { try .uniform(low: v[0], high: v[1]) } }
      guard let m = mapping(body, sub, keys: ["low", "high"]), let lo = d("low", m), let hi = d("high", m) else {
        return nil
      }
      return build(body, sub) { try .uniform(low: lo, high: hi) }
    case "triangular":
      if let v = positional(3) { return build(body, sub) { try .triangular(low: v[0], mode: v[1], high: v[2]) } }
      guard let m = mapping(body, sub, keys: ["low", "mode", "high"]), let lo = d("low", m), let mo = d("mode", m),
        let hi = d("high", m)
      else { return nil }
      return build(body, sub) { try .triangular(low: lo, mode: mo, high: hi) }
    default:
      guard let m = mapping(body, sub, keys: ["values", "weights"]),
        let vn = m["values"], let wn = m["weights"], let vs = list(vn, "\(sub).values"),
        let ws = list(wn, "\(sub).weights")
      else { return nil }
      let values = vs.enumerated().compactMap { duration($1, "\(sub).values[\($0)]", unit: unit) }
      let weights = ws.enumerated().compactMap {
        double($1, "\(sub).weights[\($0)]", min: 0, max: ModelLimits.weightRange.upperBound)
      }
      guard values.count == vs.count, weights.count == ws.count else { return nil }
      return build(body, sub) { try .empirical(values: values, weights: weights) }
    }
  }

  private func build(_ node: YNode, _ path: String, _ make: () throws -> Distribution) -> Distribution? {
    do { return try make() } catch {
      issue(node, path, (error as? DistributionError)?.message ?? "\(error)")
      return nil
    }
  }
}

func fmt(_ x: Double) -> String {
  if x == .infinity { return "inf" }
  if x == -.infinity { return "-inf" }
  return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
