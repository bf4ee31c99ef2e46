import Foundation
import OneStopModel
import OneStopScenario
import OneStopStaff

/// A problem with the study's input the user can act on (a key, a range, a KPI).
public struct SensitivityError: Error, CustomStringConvertible, Sendable {
  public let description: String
  /// An error with its message.
  public init(_ message: String) { description = message }
}

extension SensitivityParameter {
  /// The default range: ±25 % of a number, ±1 h of a time of day.
  public static let defaultSpread = 0.25

  /// Parses `--param KEY=LOW..HIGH`, or `KEY` alone for the default range around today's
  /// value. Today's value is the scenario's (`root`), or the prior's when the file does not
  /// write the key. LOW and HIGH are numbers in the unit the scenario writes (`2..3` on
  /// `2.5h`), times of day (`14:00..16:00`), or factors on a distribution (`0.8..1.2` on
  /// `{exponential: 1m}` scales its durations).
  public static func parse(
    _ text: String, root: YNode, priors: [Prior]
  ) throws(SensitivityError) -> SensitivityParameter {
    let eq = text.lastIndex(of: "=")
    let key = String(eq.map { text[..<$0] } ?? text[...]).trimmingCharacters(in: .whitespaces)
    let current = StaffKeyPath.node(key, in: root)?.scalarText ?? priors.first { $0.key == key }?.value
    let mapping = StaffKeyPath.node(key, in: root).map { if case .mapping = $0.kind { true } else { false } } ?? false
    guard let eq else {
      guard let current, !mapping else {
        throw SensitivityError("--param '\(key)': the scenario writes no number there; give a range, KEY=LOW..HIGH")
      }
      return try defaulted(key: key, value: current).get()
    }
    let bounds = text[text.index(after: eq)...].components(separatedBy: "..")
    guard bounds.count == 2 else { throw SensitivityError("--param '\(text)': expected KEY=LOW..HIGH") }
    if let lo = minutes(bounds[0]), let hi = minutes(bounds[1]) {
      guard lo <= hi else { throw SensitivityError("--param '\(text)': LOW must not be after HIGH") }
      return SensitivityParameter(key: key, kind: .timeOfDay, low: lo, high: hi, current: current.flatMap(minutes))
    }
    guard let lo = Double(bounds[0]), let hi = Double(bounds[1]), lo.isFinite, hi.isFinite, lo <= hi else {
      throw SensitivityError("--param '\(text)': expected KEY=LOW..HIGH with numbers LOW <= HIGH (or times HH:MM)")
    }
    if mapping && current == nil {
      throw SensitivityError(
        "--param '\(key)': the value there is a mapping (a distribution); name a number inside it, e.g. "
          + "\(key).exponential=LOW..HIGH")
    }
    if let current, hasDuration(current), Double(split(current).number) == nil {
      return SensitivityParameter(key: key, kind: .scaled(template: current), low: lo, high: hi, current: 1)
    }
    let (number, suffix) = current.map(split) ?? ("", "")
    guard current == nil || (Double(number) != nil && suffix.allSatisfy({ $0.isLetter || $0 == "%" || $0 == " " }))
    else {
      throw SensitivityError(
        "--param '\(key)': the value there ('\(current!.prefix(40))') is not a number; name a number inside it")
    }
    let integer = suffix.isEmpty && Int(number) != nil && Int(bounds[0]) != nil && Int(bounds[1]) != nil
    return SensitivityParameter(
      key: key, kind: .number(suffix: suffix, integer: integer), low: lo, high: hi,
      current: Double(number))
  }

  /// A prior's key at its default range, or why it has none: ±25 % of a number (within
  /// [0, 1] for a probability or a share, at least ±1 for an integer), a factor 0.75..1.25
  /// on the durations of a distribution, ±1 h of a time of day. Lists, flags and choices
  /// have no default range.
  public static func defaulted(key: String, value: String) -> Result<SensitivityParameter, SensitivityError> {
    let s = defaultSpread
    if let m = minutes(value) {
      return .success(
        SensitivityParameter(
          key: key, kind: .timeOfDay, low: max(0, m - 60), high: min(1439, m + 60),
          current: m, defaulted: true))
    }
    let (number, suffix) = split(value)
    if let v = Double(number), suffix.allSatisfy({ $0.isLetter || $0 == "%" }) {
      guard v != 0 else { return .failure(SensitivityError("its value is 0, so ±25 % is no range: give --param")) }
      let integer = suffix.isEmpty && Int(number) != nil
      var lo = min(v * (1 - s), v * (1 + s))
      var hi = max(v * (1 - s), v * (1 + s))
      let last = key.split(separator: ".").last.map(String.init) ?? key
      if last.hasPrefix("p_") || last.hasSuffix("_share") { (lo, hi) = (max(0, lo), min(1, hi)) }
      if integer { (lo, hi) = (min(lo.rounded(), v - 1), max(hi.rounded(), v + 1)) }
      return .success(
        SensitivityParameter(
          key: key, kind: .number(suffix: suffix, integer: integer), low: lo, high: hi,
          current: v, defaulted: true))
    }
    if hasDuration(value) {
      return .success(
        SensitivityParameter(
          key: key, kind: .scaled(template: value), low: 1 - s, high: 1 + s,
          current: 1, defaulted: true))
    }
    let what = value.hasPrefix("[") ? "a list" : value == "true" || value == "false" ? "a yes/no flag" : "not a number"
    return .failure(SensitivityError("\(what) ('\(value.prefix(30))'): no default range"))
  }

  /// Every printed prior at its default range, and the priors left out with the reason.
  public static func fromPriors(
    _ priors: [Prior]
  ) -> (parameters: [SensitivityParameter], skipped: [(key: String, reason: String)]) {
    var parameters: [SensitivityParameter] = []
    var skipped: [(String, String)] = []
    for p in priors {
      switch defaulted(key: p.key, value: p.value) {
      case .success(let parameter): parameters.append(parameter)
      case .failure(let error): skipped.append((p.key, error.description))
      }
    }
    return (parameters, skipped)
  }

  /// `HH:MM` as minutes after midnight.
  static func minutes(_ text: String) -> Double? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m)
    else {
      return nil
    }
    return Double(60 * h + m)
  }

  /// A leading number and what follows it (`2.5h` -> ("2.5", "h")).
  static func split(_ text: String) -> (number: String, suffix: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    let number = String(t.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" })
    return (number, String(t.dropFirst(number.count)).trimmingCharacters(in: .whitespaces))
  }
}
