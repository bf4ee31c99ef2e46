import Foundation
import OneStopScenario

extension StaffVariable {
  /// Most values an option may list (a range with a small step could ask for millions).
  public static let maxChoices = 1_000

  /// The values of `--vary KEY=...` for an option, as YAML text: `V1,V2,...` (a comma inside
  /// brackets, braces or quotes does not split, so `["07:00-11:30"]` is one value) or
  /// `LOW..HIGH:STEP` for a real-valued key. nil when the text is a count range `LOW..HIGH`
  /// of whole numbers (or a single value, which is not an option).
  public static func optionValues(_ text: String) throws(StaffError) -> [String]? {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let range = t.range(of: ".."), !t.contains(",") {
      let lowText = String(t[..<range.lowerBound]), rest = String(t[range.upperBound...])
      let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
      if parts.count == 1 {
        if Int(lowText) != nil && Int(rest) != nil { return nil }
        throw StaffError(
          "expected LOW..HIGH with whole numbers for a count, or LOW..HIGH:STEP for a real-valued key, got '\(t)'")
      }
      guard let low = Double(lowText), let high = Double(parts[0]), let step = Double(parts[1]),
        low.isFinite, high.isFinite, step.isFinite, step > 0, high >= low
      else {
        throw StaffError("expected LOW..HIGH:STEP with numbers LOW <= HIGH and a positive STEP, got '\(t)'")
      }
      let n = Int(((high - low) / step + 1e-9).rounded(.down)) + 1
      guard n <= maxChoices else {
        throw StaffError("'\(t)' gives \(n) values; an option takes at most \(maxChoices) (use a larger step)")
      }
      return (0..<n).map { ConfigurationText.number(low + Double($0) * step) }
    }
    let values = splitList(t)
    guard values.count >= 2 else { return nil }
    guard values.count <= maxChoices else {
      throw StaffError("an option takes at most \(maxChoices) values, got \(values.count)")
    }
    if let empty = values.firstIndex(where: \.isEmpty) {
      throw StaffError("value \(empty + 1) of '\(t)' is empty; write V1,V2,... (null for no value)")
    }
    if Set(values).count != values.count { throw StaffError("'\(t)' lists a value twice; list each value once") }
    return values
  }

  /// `text` split at commas outside brackets, braces and quotes, each part trimmed.
  static func splitList(_ text: String) -> [String] {
    var parts: [String] = [], current = "", depth = 0
    var quote: Character?
    for c in text {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if "[{".contains(c) {
        depth += 1
      } else if "]}".contains(c) {
        depth -= 1
      } else if c == "," && depth == 0 {
        parts.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
        continue
      }
      current.append(c)
    }
    parts.append(current.trimmingCharacters(in: .whitespaces))
    return parts
  }

  /// An option on `key` taking `values`, with the scenario's value at the key in `root` (or
  /// the key's default when the scenario does not write it) found among them (as text, or
  /// as the same number, or null) or, when none equals it, added as the value the plan
  /// leaves alone: in numeric order among numbers, else first.
  public static func option(key: String, values: [String], in root: YNode, cost: Double = 0) -> StaffVariable {
    let node = StaffKeyPath.node(key, in: root)
    let nulls: Set<String> = ["null", "~", "Null", "NULL", ""]
    // A key the scenario does not write has the key reference's default.
    guard let text = node.map({ $0.scalarText }) ?? ConfigurationSchema.defaultText(at: key) else {
      if node == nil {
        return StaffVariable(key: key, choices: [nil] + values, current: 0, currentText: "default", cost: cost)
      }
      return StaffVariable(key: key, choices: [nil] + values, current: 0, currentText: "current", cost: cost)
    }
    func same(_ a: String, _ b: String) -> Bool {
      if a == b || (nulls.contains(a) && nulls.contains(b)) { return true }
      if let x = Double(a), let y = Double(b) { return x == y }
      return false
    }
    if let j = values.firstIndex(where: { same($0, text) }) {
      return StaffVariable(key: key, choices: values, current: j, currentText: text, cost: cost)
    }
    let numbers = values.compactMap(Double.init)
    var at = 0
    if let x = Double(text), numbers.count == values.count, numbers == numbers.sorted() {
      at = numbers.firstIndex(where: { $0 > x }) ?? numbers.count
    }
    var choices: [String?] = values
    choices.insert(nil, at: at)
    return StaffVariable(key: key, choices: choices, current: at, currentText: text, cost: cost)
  }
}
