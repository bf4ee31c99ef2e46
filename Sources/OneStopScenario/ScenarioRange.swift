/// One entry of a scenario's `uncertainty:` section: a key whose value the sources do not
/// fix, the range of values they allow, where that range comes from, and how the values
/// spread within it.
///
/// Why in the scenario: the range of a value belongs beside the value, with its source, so
/// that `onestop sensitivity`, `run --uncertainty` and `compare --uncertainty` read it from
/// the file instead of a ±25 % convention. The section never changes the simulation: it is
/// not part of the model configuration, so neither the model nor the scenario's hash sees it.
public struct ScenarioRange: Sendable, Equatable {
  /// How the values spread over the range.
  public enum Spread: String, Sendable, CaseIterable {
    /// Every value of the range equally likely.
    case uniform
    /// Most likely at today's value (the scenario's), falling linearly to 0 at both ends.
    case triangular
  }

  /// Where something was written (file, line, column), for errors found when the range is used.
  public struct Place: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }

    init(_ node: YNode) { self.init(file: node.file, line: node.line, column: node.column) }
  }

  /// The key, in the `--set` syntax (`procedures[land-certificate].steps[0].work.gamma.mean`).
  public let key: String
  /// The ends as written: numbers in the unit the scenario writes, factors on a
  /// distribution's durations, or times of day `HH:MM`.
  public let low: String
  public let high: String
  /// Where the range comes from (a report and its figure, a decree, a survey).
  public let source: String
  /// The source in Vietnamese (`source_vi`), for a Vietnamese report; nil when not given.
  public var sourceVi: String? = nil
  public let spread: Spread
  /// `true` when `onestop calibrate` wrote the range (the values its fit cannot tell apart).
  public let fitted: Bool
  /// Its position in the section, and where its key and its range were written.
  public let index: Int
  public let keyPlace: Place
  public let rangePlace: Place

  /// An entry from its parts.
  public init(
    key: String, low: String, high: String, source: String, spread: Spread = .uniform, fitted: Bool = false,
    index: Int = 0, keyPlace: Place = Place(file: "", line: 0, column: 0), rangePlace: Place? = nil
  ) {
    self.key = key
    self.low = low
    self.high = high
    self.source = source
    self.spread = spread
    self.fitted = fitted
    self.index = index
    self.keyPlace = keyPlace
    self.rangePlace = rangePlace ?? keyPlace
  }

  /// `LOW..HIGH`, as the file writes it.
  public var range: String { "\(low)..\(high)" }

  /// The key path of a field of this entry (`uncertainty[2].range`).
  public func path(_ field: String) -> String { "uncertainty[\(index)].\(field)" }

  /// A problem with this entry's `field` (`key` or `range`), located where it was written.
  public func issue(_ field: String, _ message: String) -> ScenarioIssue {
    let p = field == "key" ? keyPlace : rangePlace
    return ScenarioIssue(file: p.file, line: p.line, column: p.column, path: path(field), message: message)
  }

  /// The ends of `text` (`LOW..HIGH`): two numbers with LOW <= HIGH, or two times of day
  /// `HH:MM` with LOW not after HIGH; nil and why otherwise.
  public static func ends(_ text: String) -> Result<(low: String, high: String), RangeProblem> {
    let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
    guard parts.count == 2 else { return .failure(RangeProblem("expected LOW..HIGH (two numbers or two times HH:MM)")) }
    let low = parts[0].trimmingCharacters(in: .whitespaces), high = parts[1].trimmingCharacters(in: .whitespaces)
    if let a = minutes(low), let b = minutes(high) {
      return a <= b ? .success((low, high)) : .failure(RangeProblem("LOW (\(low)) is after HIGH (\(high))"))
    }
    guard let a = Double(low), let b = Double(high), a.isFinite, b.isFinite, abs(a) <= 1e15, abs(b) <= 1e15 else {
      return .failure(RangeProblem("expected LOW..HIGH with two numbers (or two times HH:MM), found '\(text)'"))
    }
    return a <= b ? .success((low, high)) : .failure(RangeProblem("LOW (\(low)) is above HIGH (\(high))"))
  }

  /// Why a range text is not a range.
  public struct RangeProblem: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
  }

  /// `HH:MM` as minutes after midnight.
  static func minutes(_ text: String) -> Double? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h),
      (0..<60).contains(m)
    else { return nil }
    return Double(60 * h + m)
  }
}
