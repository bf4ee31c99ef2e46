import OneStopModel
import OneStopScenario

extension SensitivityParameter {
  /// Where a parameter's range comes from, as tables, files and reports mark it.
  public enum Origin: String, Sendable, CaseIterable {
    /// Written in the scenario's `uncertainty:` section, with its source.
    case scenario
    /// Written there by `onestop calibrate` (`fitted: true`): the values its fit cannot tell apart.
    case fitted
    /// The default range of a printed prior (±25 %, ±1 h of a time of day).
    case `default`
    /// Given on the command line (`--param KEY=LOW..HIGH`).
    case param
  }

  /// Where the range comes from.
  public var origin: Origin {
    if let written { return written.fitted ? .fitted : .scenario }
    return defaulted ? .default : .param
  }

  /// The range's source, when the scenario writes one.
  public var source: String? { written?.source }
  /// The written range's source in Vietnamese (`source_vi`).
  public var sourceVi: String? { written?.sourceVi }

  /// The parameter of a scenario's `uncertainty:` entry, its range parsed as `--param`
  /// parses one (a number in the unit the scenario writes, a factor on a distribution's
  /// durations, a time of day). A problem is located at the entry's range. A triangular
  /// spread needs today's value within the range (its peak).
  public static func fromScenario(
    _ range: ScenarioRange, root: YNode, priors: [Prior]
  ) throws(SensitivityError) -> SensitivityParameter {
    let p: SensitivityParameter
    do { p = try parse("\(range.key)=\(range.range)", root: root, priors: priors) } catch {
      throw SensitivityError(range.issue("range", trimmed(error.description, key: range.key)).description)
    }
    if range.spread == .triangular {
      guard let c = p.current, c >= p.low, c <= p.high else {
        let today = p.current.map { "today's value \(p.text($0)) lies outside it" } ?? "the scenario writes no value"
        throw SensitivityError(
          range.issue("range", "a triangular range peaks at today's value, but \(today); use uniform or widen it")
            .description)
      }
    }
    return SensitivityParameter(
      key: p.key, kind: p.kind, low: p.low, high: p.high, current: p.current, written: range, spread: range.spread)
  }

  /// A message of `parse` without its `--param 'KEY=...'` prefix (the entry's place says it).
  static func trimmed(_ message: String, key: String) -> String {
    guard message.hasPrefix("--param '"), let end = message.range(of: "': ") else { return message }
    return String(message[end.upperBound...])
  }

  /// The parameters of a study or of `--uncertainty`: the `--param` texts when given (a
  /// `KEY` alone takes the scenario's range for KEY when it writes one, else the default
  /// range); otherwise every range the scenario writes, then every other printed prior at
  /// its default range, with the priors left out and why.
  public static func study(
    params: [String], ranges: [ScenarioRange], root: YNode, priors: [Prior]
  ) throws(SensitivityError) -> (parameters: [SensitivityParameter], skipped: [(key: String, reason: String)]) {
    if !params.isEmpty {
      let parsed = try params.map { (t: String) throws(SensitivityError) -> SensitivityParameter in
        let key = t.trimmingCharacters(in: .whitespaces)
        if !key.contains("="), let range = ranges.first(where: { $0.key == key }) {
          return try fromScenario(range, root: root, priors: priors)
        }
        return try parse(t, root: root, priors: priors)
      }
      return (parsed, [])
    }
    let written = try ranges.map { (r: ScenarioRange) throws(SensitivityError) in
      try fromScenario(r, root: root, priors: priors)
    }
    let named = Set(ranges.map(\.key))
    let (defaults, skipped) = fromPriors(priors.filter { !named.contains($0.key) })
    return (written + defaults, skipped)
  }

  /// Builds every parameter's scenario at both ends of its range with `evaluator`, so that a
  /// range the scenario cannot take fails before anything runs: for a range the scenario
  /// writes, located at its entry.
  public static func checkEnds(
    _ parameters: [SensitivityParameter], _ evaluator: PointEvaluator
  ) throws(SensitivityError) {
    for p in parameters {
      for end in [0.0, 1.0] {
        guard let w = p.written else {
          _ = try evaluator.model([p], at: [end])
          continue
        }
        do throws(ScenarioErrors) {
          let o: ScenarioOverride
          do { o = try p.override(at: end) } catch { throw ScenarioErrors(issues: [error]) }
          _ = try evaluator.base.build([o])
        } catch {
          let why = error.issues.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }
          throw SensitivityError(
            w.issue(
              "range", "at \(p.text(p.value(at: end))) the scenario does not build: " + why.joined(separator: "; ")
            )
            .description)
        }
      }
    }
  }

  /// How a table marks the range: `(scenario: SOURCE)`, `(fitted: SOURCE)`, `(default: prior
  /// ±25 %)` (`, ±1 h` for a time of day); nothing for a `--param` range. A triangular
  /// spread says so.
  public var originNote: String {
    let shape = spread == .triangular ? ", triangular" : ""
    switch origin {
    case .scenario, .fitted: return "   (\(origin.rawValue)\(shape): \(source ?? ""))"
    case .default: return "   (default: prior ±25 %" + (kind == .timeOfDay ? ", ±1 h)" : ")")
    case .param: return ""
    }
  }
}
