import DESKernel
import OneStopModel

extension DurationUnit {
  /// What a message says was expected.
  var expected: String {
    switch self {
    case .seconds: return "a duration such as 90s, 12m or 1.5h"
    case .hours: return "a duration such as 45m or 1.5h"
    case .workingDays: return "working days such as 3wd"
    }
  }
}

extension ScenarioReader {
  /// A mapping whose keys must be keys of `table`.
  func mapping<Root>(_ node: YNode, _ path: String, table: [ConfigurationKey<Root>]) -> [String: YNode]? {
    mapping(node, path, keys: table.keyNames())
  }

  /// Reads every bound key of `table` that `m` holds into `root`, each by its kind;
  /// custom keys are left to the section's own code.
  func read<Root>(_ table: [ConfigurationKey<Root>], from m: [String: YNode], at path: String, into root: inout Root) {
    for key in table {
      guard let node = m[key.key] else { continue }
      read(key, node, path.isEmpty ? key.key : "\(path).\(key.key)", into: &root)
    }
  }

  /// Reads one key's value into `root` (left as it was when the value is wrong: the
  /// problem is recorded).
  func read<Root>(_ key: ConfigurationKey<Root>, _ node: YNode, _ path: String, into root: inout Root) {
    switch key.binding {
    case .custom: return
    case .number(let k): if let v = number(node, path, key.kind) { root[keyPath: k] = v }
    case .optionalNumber(let k):
      if node.kind.isNull {
        root[keyPath: k] = nil
      } else if let v = number(node, path, key.kind) {
        root[keyPath: k] = v
      }
    case .whole(let k): if let v = whole(node, path, key.kind) { root[keyPath: k] = v }
    case .flag(let k): if let v = bool(node, path) { root[keyPath: k] = v }
    case .distribution(let k):
      guard case .distribution(let unit) = key.kind else { return }
      if let v = distribution(node, path, unit: unit) { root[keyPath: k] = v }
    case .time(let k): if let v = time(node, path) { root[keyPath: k] = v }
    case .optionalTime(let k): root[keyPath: k] = node.kind.isNull ? nil : time(node, path)
    case .optionalDate(let k): root[keyPath: k] = node.kind.isNull ? nil : date(node, path)
    case .optionalDistribution(let k):
      guard case .distribution(let unit) = key.kind else { return }
      root[keyPath: k] = node.kind.isNull ? nil : distribution(node, path, unit: unit)
    case .choice(_, let set):
      guard case .choice(let options) = key.kind else { return }
      if let text = node.scalarText, set(&root, text) { return }
      let hint = node.scalarText.flatMap { suggestion(for: $0, in: options) }.map { "; did you mean '\($0)'?" } ?? ""
      issue(node, path, "expected one of \(options.joined(separator: ", ")), found \(node.found)\(hint)")
    }
  }

  private func number(_ node: YNode, _ path: String, _ kind: KeyKind) -> Double? {
    switch kind {
    case .probability: return probability(node, path)
    case .number(let lo, let hi, let what): return double(node, path, min: lo, max: hi, what: what)
    case .workingDays: return duration(node, path, unit: .workingDays)
    case .duration(let unit): return duration(node, path, unit: unit)
    default: return double(node, path)
    }
  }

  private func whole(_ node: YNode, _ path: String, _ kind: KeyKind) -> Int? {
    switch kind {
    case .workingDays: return duration(node, path, unit: .workingDays).map { Int($0) }
    case .duration(let unit): return duration(node, path, unit: unit).map { Int($0.rounded()) }
    case .whole(let lo, let hi, let what): return int(node, path, min: lo, max: hi, what: what)
    default: return int(node, path)
    }
  }
}
