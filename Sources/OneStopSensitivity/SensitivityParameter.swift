import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario

/// A scenario key whose value a sensitivity study moves within a range: given with
/// `--param KEY=LOW..HIGH`, or a printed prior at ±25 % of its value (`defaulted`).
///
/// A design point is a position `u` in [0, 1] per parameter; `override(at:)` turns it into
/// the `--set`-style override of the key, so every point is the scenario plus typed
/// overrides, built from the scenario read once (`ScenarioBase`).
public struct SensitivityParameter: Sendable, Equatable {
  /// How a position becomes the key's value.
  public enum Kind: Sendable, Equatable {
    /// A number, with the unit the scenario writes after it (`h`, `m`, `wd`), rounded when
    /// `integer`.
    case number(suffix: String, integer: Bool)
    /// A factor on every duration of a distribution written as `template` (`{lognormal:
    /// {mean: 6m, cv: 0.5}}` at factor 1.2 is `{lognormal: {mean: 7.2m, cv: 0.5}}`): the
    /// numbers with a unit move, shapes without one (cv) stay.
    case scaled(template: String)
    /// A time of day, in minutes after midnight (written `HH:MM`).
    case timeOfDay
  }

  /// The scenario key (the `--set` path).
  public let key: String
  public let kind: Kind
  /// The range, in the kind's scale: the number, the factor, or the minutes.
  public let low: Double
  public let high: Double
  /// The value today, in the same scale (nil when the scenario does not say).
  public let current: Double?
  /// `true` when the range is the default (±25 % of a prior's value, ±1 h for a time).
  public let defaulted: Bool
  /// The scenario's `uncertainty:` entry the range was read from, when it was.
  public let written: ScenarioRange?
  /// How values spread over the range (a triangular spread peaks at `current`).
  public let spread: ScenarioRange.Spread

  /// A parameter from its parts.
  public init(
    key: String, kind: Kind, low: Double, high: Double, current: Double? = nil, defaulted: Bool = false,
    written: ScenarioRange? = nil, spread: ScenarioRange.Spread = .uniform
  ) {
    self.key = key
    self.kind = kind
    self.low = low
    self.high = high
    self.current = current
    self.defaulted = defaulted
    self.written = written
    self.spread = spread
  }

  /// The value at position `u` in [0, 1], in the kind's scale (rounded for integers): the
  /// `u`-quantile of the range's spread, so that a design uniform in `u` samples the spread
  /// (u itself for a uniform range; for a triangular one with its peak c, `low + √(u (high -
  /// low) (c - low))` below the peak's share (c - low) / (high - low), `high - √((1 - u)
  /// (high - low) (high - c))` above it). Both ends map to themselves.
  public func value(at u: Double) -> Double {
    var v = low + u * (high - low)
    if spread == .triangular, let c = current, high > low, c >= low, c <= high {
      let w = high - low
      v = u <= (c - low) / w ? low + (u * w * (c - low)).squareRoot() : high - ((1 - u) * w * (high - c)).squareRoot()
    }
    if case .number(_, true) = kind { return v.rounded() }
    return v
  }

  /// The value as the scenario file writes it.
  public func text(_ v: Double) -> String {
    switch kind {
    case .number(let suffix, let integer):
      return (integer ? String(Int(v.rounded())) : Self.number(v)) + suffix
    case .scaled(let template):
      return Self.scaleDurations(template, by: v)
    case .timeOfDay:
      let minutes = Int(v.rounded())
      return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
  }

  /// The range as a table prints it: `0.6375..1`, `x0.75..x1.25`, `14:00..16:00`.
  public var rangeText: String {
    if case .scaled = kind { return "x\(Self.number(low))..x\(Self.number(high))" }
    return "\(text(low))..\(text(high))"
  }

  /// The override that puts the value at position `u` in the scenario.
  public func override(at u: Double) throws(ScenarioIssue) -> ScenarioOverride {
    let value = try ScenarioLoader.parseOne(text(value(at: u)), file: "--param \(key)")
    return try ScenarioOverride(path: key, value: value)
  }

  /// Six significant digits, without binary noise.
  static func number(_ v: Double) -> String { JSONText.number(Double(String(format: "%.6g", v)) ?? v) }

  /// `text` with every number followed by a unit letter multiplied by `factor`.
  static func scaleDurations(_ text: String, by factor: Double) -> String {
    var out = ""
    var token = ""
    var chars = Array(text)[...]
    func flush(unitFollows: Bool) {
      if !token.isEmpty, unitFollows, let v = Double(token) { out += number(v * factor) } else { out += token }
      token = ""
    }
    while let c = chars.first {
      chars = chars.dropFirst()
      if c.isNumber || (c == "." && !token.isEmpty) {
        token.append(c)
      } else {
        flush(unitFollows: c.isLetter)
        out.append(c)
      }
    }
    flush(unitFollows: false)
    return out
  }

  /// `true` when `text` holds at least one number with a unit after it.
  static func hasDuration(_ text: String) -> Bool { scaleDurations(text, by: 2) != text }
}

extension ScenarioLoader {
  /// One YAML value, as `--set` parses it; the first problem when it does not parse.
  static func parseOne(_ text: String, file: String) throws(ScenarioIssue) -> YNode {
    do { return try parse(text, file: file) } catch { throw error.issues[0] }
  }
}
