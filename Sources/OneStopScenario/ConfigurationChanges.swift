import OneStopModel

/// What differs between two scenarios, key by key: the effective configurations (after
/// `extends`, `--set` and defaults) walked through the same mirror the scenario's hash
/// reads (`Scenario.hash`), so two scenarios with equal hashes have no change and every
/// change moves the hash. A list item is named by its `id` when it has one
/// (`units[pasc].desks[land].count: 3 -> 4`), else by its index.
public enum ConfigurationChanges {
  /// One changed key: its path and its value in A and in B ("absent" when a side lacks it).
  public struct Change: Sendable, Equatable, Encodable {
    public let key, a, b: String

    /// `key: a -> b`.
    public var text: String { "\(key): \(a) -> \(b)" }
  }

  /// Every leaf that differs between `a` and `b`, in A's order, then the leaves B alone has.
  public static func between(_ a: Scenario, _ b: Scenario) -> [Change] {
    between(a.configuration, b.configuration)
  }

  /// Every leaf that differs between two configurations (`name`, a label, left out).
  public static func between(_ a: ModelConfiguration, _ b: ModelConfiguration) -> [Change] {
    var la: [(String, String)] = [], lb: [(String, String)] = []
    flatten(a, path: "", into: &la)
    flatten(b, path: "", into: &lb)
    let mb = Dictionary(lb, uniquingKeysWith: { x, _ in x })
    let ka = Set(la.map(\.0))
    var out: [Change] = []
    let kb = Set(lb.map(\.0))
    // A value null on one side and set on the other shows as its parts (`hours.base.days:
    // absent -> [...]`), not also as `hours: null -> absent`.
    func hasParts(_ k: String, _ keys: Set<String>) -> Bool {
      keys.contains { $0.hasPrefix(k + ".") || $0.hasPrefix(k + "[") }
    }
    for (k, v) in la where k != "name" && mb[k] != v && !(mb[k] == nil && hasParts(k, kb)) {
      out.append(Change(key: k, a: v, b: mb[k] ?? "absent"))
    }
    for (k, v) in lb where k != "name" && !ka.contains(k) && !hasParts(k, ka) {
      out.append(Change(key: k, a: "absent", b: v))
    }
    return out
  }

  /// The leaves of `value` as (key path, text): structs by field (in snake case, as the
  /// scenario file writes them), lists by item id or index, optionals unwrapped.
  static func flatten(_ value: Any, path: String, into out: inout [(String, String)]) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      if let child = mirror.children.first {
        flatten(child.value, path: path, into: &out)
      } else {
        out.append((path, "null"))
      }
    case .collection, .set:
      let items = mirror.children.map(\.value)
      if items.allSatisfy(isLeaf) {
        out.append((path, "[" + items.map(text).joined(separator: ", ") + "]"))
        return
      }
      for (i, item) in items.enumerated() {
        let id = Mirror(reflecting: item).children.first { $0.label == "id" }.map { text($0.value) }
        flatten(item, path: path + "[\(id ?? String(i))]", into: &out)
      }
    case .dictionary:
      for child in mirror.children {
        let pair = Mirror(reflecting: child.value).children.map(\.value)
        guard pair.count == 2 else { continue }
        flatten(pair[1], path: path + "[\(text(pair[0]))]", into: &out)
      }
    default:
      if isLeaf(value) {
        out.append((path, text(value)))
        return
      }
      for child in mirror.children {
        let label = snakeCase(child.label ?? "?")
        flatten(child.value, path: path.isEmpty ? label : path + "." + label, into: &out)
      }
    }
  }

  /// A value without parts, or one that prints itself (a date, a time of day, a distribution).
  static func isLeaf(_ value: Any) -> Bool {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional { return mirror.children.first.map { isLeaf($0.value) } ?? true }
    if mirror.displayStyle == .collection || mirror.displayStyle == .set || mirror.displayStyle == .dictionary {
      return false
    }
    return mirror.children.isEmpty || value is CustomStringConvertible
  }

  static func text(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional { return mirror.children.first.map { text($0.value) } ?? "null" }
    return String(describing: value)
  }

  /// `ticketCutoff` as the file writes it, `ticket_cutoff`.
  static func snakeCase(_ s: String) -> String {
    var out = ""
    for ch in s {
      if ch.isUppercase {
        out += "_" + ch.lowercased()
      } else {
        out.append(ch)
      }
    }
    return out
  }
}
