import Foundation
import DESKernel
import OneStopModel
import OneStopScenario

/// A target on a KPI, to be met with 95 % confidence: `desk_wait_p90@pasc<=15m`,
/// `overdue_rate_of_received<=1`, `on_time_rate_of_received>=95`.
///
/// "Met" means the one-sided 95 % confidence bound of the mean over the replications is
/// on the right side of the limit (Student t, n - 1 degrees of freedom): mean + t s / √n
/// <= limit for an upper limit. With common random numbers every candidate plan is run on
/// the same replications, so plans are compared on the same citizens.
public struct StaffTarget: Sendable, CustomStringConvertible {
  /// Whether the KPI must stay at most or at least the limit, as the target writes it.
  public enum Sense: String, Sendable { case atMost = "<=", atLeast = ">=" }

  public let text: String
  public let kpi: KPI
  public let sense: Sense
  /// In the KPI's unit.
  public let limit: Double

  public init(kpi: KPI, sense: Sense, limit: Double, text: String) {
    self.kpi = kpi
    self.sense = sense
    self.limit = limit
    self.text = text
  }

  /// Parses `KPI<=VALUE` or `KPI>=VALUE`. A value may carry the KPI's unit: `15m`,
  /// `15min`, `0.25h` or `900s` for minutes, `95%` for percentages.
  public static func parse(_ text: String) throws(StaffError) -> StaffTarget {
    let sense: Sense
    let parts: [Substring]
    if let r = text.range(of: "<=") {
      sense = .atMost
      parts = [text[..<r.lowerBound], text[r.upperBound...]]
    } else if let r = text.range(of: ">=") {
      sense = .atLeast
      parts = [text[..<r.lowerBound], text[r.upperBound...]]
    } else {
      throw StaffError(
        """
          target '\(text)': expected KPI<=VALUE or KPI>=VALUE, e.g. desk_wait_p90@pasc<=15m or \
          overdue_rate_of_received<=1
          """
      )
    }
    let name = parts[0].trimmingCharacters(in: .whitespaces)
    guard let kpi = KPI.named(name) else {
      let names =
        KPI.all.map(\.name) + KPI.perUnit.map { $0.0 + "@UNIT" } + KPI.perLevel.map { $0.0 + "@level:LEVEL" }
        + KPI.perAgency.map { $0.0 + "@agency:AGENCY" }
      let hint = suggestion(for: name.split(separator: "@").first.map(String.init) ?? name, in: KPI.all.map(\.name))
      throw StaffError(
        """
          target '\(text)': unknown KPI '\(name)'\(hint.map { " (did you mean '\($0)'?)" } ?? ""); KPIs: \
          \(names.joined(separator: ", "))
          """
      )
    }
    var value = parts[1].trimmingCharacters(in: .whitespaces)
    var scale = 1.0
    let suffixes: [(String, KPIUnit, Double)] = [
      ("min", .minutes, 1), ("m", .minutes, 1), ("h", .minutes, 60), ("s", .minutes, 1.0 / 60), ("%", .percent, 1),
    ]
    for (suffix, unit, factor) in suffixes where value.hasSuffix(suffix) {
      guard kpi.unit == unit else {
        throw StaffError("target '\(text)': '\(suffix)' does not fit \(kpi.name), which is in \(kpi.unit)")
      }
      value.removeLast(suffix.count)
      scale = factor
      break
    }
    guard let v = Double(value), v.isFinite else {
      throw StaffError("target '\(text)': '\(parts[1])' is not a number (in \(kpi.unit))")
    }
    return StaffTarget(kpi: kpi, sense: sense, limit: v * scale, text: text)
  }

  public var description: String { "\(kpi.name) \(sense.rawValue) \(StaffFormat.number(limit)) \(kpi.unit)" }

  /// The one-sided 95 % bound that must satisfy the limit, from per-replication values.
  public func bound(_ values: [Double]) -> Double {
    let est = Estimate(values)
    return sense == .atMost ? est.mean + est.oneSidedMargin : est.mean - est.oneSidedMargin
  }

  public func isMet(_ values: [Double]) -> Bool {
    let b = bound(values)
    guard !b.isNaN else { return false }
    return sense == .atMost ? b <= limit : b >= limit
  }

  /// How far the bound is on the wrong side of the limit, relative to the limit's size
  /// (0 when met): what the search drives to zero.
  public func shortfall(_ values: [Double]) -> Double {
    let b = bound(values)
    guard !b.isNaN else { return 1 }
    let gap = sense == .atMost ? b - limit : limit - b
    return Swift.max(0, gap) / Swift.max(abs(limit), 1e-9 + (kpi.unit == .percent ? 1 : 0.1))
  }

  /// The mean relative to the limit, larger is worse: what the budget mode improves once
  /// targets are met.
  public func badness(_ values: [Double]) -> Double {
    let m = Estimate(values).mean
    let scale = Swift.max(abs(limit), kpi.unit == .percent ? 1 : 0.1)
    return (sense == .atMost ? m - limit : limit - m) / scale
  }
}

/// A staffing problem the user can act on (bad target, bad bounds, infeasible).
public struct StaffError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
}

/// Numbers as the staffing output writes them.
public enum StaffFormat {
  /// A number with at most 3 decimals and no float noise.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    var s = String(format: "%.3f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  /// `mean ± half-width` (the mean alone when there is no interval).
  public static func pm(_ e: Estimate) -> String {
    guard e.hasInterval else { return number(e.mean) }
    return "\(number(e.mean)) ± \(number(e.halfWidth))"
  }
}
