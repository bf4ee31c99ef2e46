/// Seeded mutations of scenario files, for the fuzz tests: deleted, duplicated and swapped
/// lines, changed characters, truncated lines and, when `hostile`, inserted attacks (an
/// alias bomb, a huge value, deep nesting, an `extends` outside the repository) and
/// numbers replaced by extreme values.
public enum ScenarioMutations {
  /// Values that once broke something, or sit at the edge of a documented range.
  public static let extremes = [
    "0", "-1", "1e308", "1e-320", "2147483648", "9223372036854775807", "9223372036854775808", "1e9", "1e7", "10001",
    ".nan", ".inf", "-.inf", "100000wd", "1000wd", "1e23h", "10000h", "0wd", "24:00", "00:00", "9999-12-31",
    "0001-01-01", "3022-01-01", "1000000", "0.0000001", "\"\"", "[]", "{}", "~", "*x", "&x 1",
  ]

  /// Lines a mutation may insert: an alias bomb, a long value, deep nesting, a
  /// duplicated top key, an extends outside the repository.
  public static let insertions = [
    """
      bomb: &b0 [x, x, x, x, x, x, x, x, x, x]\nb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\nb2: &b2 \
      [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\nb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, \
      *b2]\nb4: &b4 [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]\nb5: &b5 [*b4, *b4, *b4, *b4, *b4, *b4, *b4, \
      *b4, *b4, *b4]\nb6: [*b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5]
      """,
    "description: " + String(repeating: "A", count: 200_000),
    "deep: " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000),
    "end: 2032-01-01", "extends: /etc/passwd", "extends: ../../../../etc/shadow.yaml", "replications: 100000",
  ]

  public static func mutate<G: RandomNumberGenerator>(_ text: String, _ rng: inout G, hostile: Bool = true) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let i = Int.random(in: 0..<lines.count, using: &rng)
      switch Int.random(in: 0..<(hostile ? 10 : 5), using: &rng) {
      case 0: lines.remove(at: i)
      case 1: lines.insert(lines[i], at: i)
      case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
      case 3:
        if !lines[i].isEmpty {
          var chars = Array(lines[i])
          chars[Int.random(in: 0..<chars.count, using: &rng)] = Array("-:{}[]9x \"&*,#|>!%@`").randomElement(
            using: &rng)!
          lines[i] = String(chars)
        }
      case 4: lines[i] = String(lines[i].dropFirst(Int.random(in: 0...4, using: &rng)))
      case 5: lines.insert(insertions.randomElement(using: &rng)!, at: i)
      default: lines[i] = replacingANumber(lines[i], &rng)
      }
      if lines.isEmpty { lines = ["x"] }
    }
    return lines.joined(separator: "\n")
  }

  /// One number (or duration, date, time) of `line` replaced by an extreme value.
  static func replacingANumber<G: RandomNumberGenerator>(_ line: String, _ rng: inout G) -> String {
    let chars = Array(line)
    var spans: [Range<Int>] = []
    var i = 0
    while i < chars.count {
      if chars[i].isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_")) {
        var j = i
        while j < chars.count && (chars[j].isNumber || chars[j].isLetter || ".-:e+".contains(chars[j])) { j += 1 }
        spans.append(i..<j)
        i = j
      } else {
        i += 1
      }
    }
    guard let span = spans.randomElement(using: &rng) else { return line }
    return String(chars[..<span.lowerBound]) + extremes.randomElement(using: &rng)! + String(chars[span.upperBound...])
  }
}
