import Foundation

/// JSON and CSV text with a fixed format, so equal data give equal bytes in every file
/// onestop writes (result files, baselines, sweep points, journals).
///
/// Documents go through `encode(_:expand:)`: any `Encodable` value, keys in the order
/// the type encodes them, every number through `number(_:)`.
public enum JSONText {
  /// A JSON string literal: quotes, backslashes and control characters escaped, every
  /// other character (Vietnamese included) as it is.
  public static func string(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
      }
    }
    return out + "\""
  }

  /// 2^53 - 1: the largest integer every JSON reader (jq, JavaScript, R, Excel) reads
  /// exactly; seeds written to files stay at or below it.
  public static let largestExactInteger: UInt64 = (1 << 53) - 1

  /// The one number format of every file onestop writes (JSON and CSV): a whole number
  /// below 10^15 as an integer (`180150`), any other finite double as the shortest
  /// decimal that reads back as the same double (`93.06234567891234`, `1e-05`); null
  /// when not finite. The same value has the same text in every file.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }

  /// A CSV field, quoted when it holds a comma, quote, line feed or carriage return, or
  /// begins or ends with a space (RFC 4180); quotes inside are doubled.
  public static func csvField(_ s: String) -> String {
    let needs =
      s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || s.hasPrefix(" ")
      || s.hasSuffix(" ")
    return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }

  /// A CSV number: `number`, with an empty cell (NA) for a value that is not finite.
  public static func csvNumber(_ x: Double) -> String { x.isFinite ? number(x) : "" }
}
