import OneStopScenario

/// One staffing decision: an integer key of the scenario (a desk group's `count`, an
/// agency's `officers`), written as a `--set` key path, with the bounds the search may
/// move it within and its cost per person.
///
/// A key written once can staff several places: `unit_defaults.district.desks[land].count`
/// sets the land desks of every district, `agencies[TNMT@{unit}].officers` every district's
/// land office. `people` is how many persons one step of the key adds (found by compiling
/// the scenario, not by reading the file), so costs and budgets count persons.
public struct StaffVariable: Sendable, Hashable {
  public let key: String
  public var low: Int
  public var high: Int
  /// Cost of one person (default 1).
  public var cost: Double
  /// The value in the base scenario.
  public let current: Int
  /// Persons added by raising the key by one.
  public var people: Int

  public init(key: String, low: Int, high: Int, cost: Double = 1, current: Int, people: Int = 1) {
    self.key = key
    self.low = low
    self.high = high
    self.cost = cost
    self.current = current
    self.people = people
  }

  /// Cost of one step of the key.
  public var stepCost: Double { cost * Double(people) }

  /// `key=value` for `--set`.
  public func override(_ value: Int) -> String { "\(key)=\(value)" }
}

/// The path grammar of `--set`: `a.b[id].c`, a list item selected by its `id`.
public enum StaffKeyPath {
  /// A step of a key path: a mapping key, or a list item selected by its `id`.
  public enum Segment: Hashable, Sendable {
    case key(String)
    case item(String)
  }

  public static func segments(_ path: String) -> [Segment] {
    var out: [Segment] = []
    for part in path.split(separator: ".") {
      var p = Substring(part)
      if let b = p.firstIndex(of: "[") {
        if b > p.startIndex { out.append(.key(String(p[..<b]))) }
        p = p[b...]
        while p.hasPrefix("["), let close = p.firstIndex(of: "]") {
          out.append(.item(String(p[p.index(after: p.startIndex)..<close])))
          p = p[p.index(after: close)...]
        }
      } else {
        out.append(.key(String(p)))
      }
    }
    return out
  }

  /// The node at `path` in `root`, if there is one.
  public static func node(_ path: String, in root: YNode) -> YNode? {
    var node = root
    for s in segments(path) {
      switch s {
      case .key(let k):
        guard let next = node[k] else { return nil }
        node = next
      case .item(let id):
        // An item by its `id`, or by its position (`steps[0]`), as `--set` selects it.
        guard case .sequence(let items) = node.kind else { return nil }
        if let next = items.last(where: { $0["id"]?.scalarText == id }) {
          node = next
        } else if let k = Int(id), k >= 0, k < items.count {
          node = items[k]
        } else {
          return nil
        }
      }
    }
    return node
  }

  /// The integer at `path`, if there is one.
  public static func integer(_ path: String, in root: YNode) -> Int? {
    node(path, in: root)?.scalarText.flatMap { Int($0) }
  }
}

extension StaffVariable {
  /// Every desk group count and agency officer count written in the scenario: desk groups of
  /// units and of `unit_defaults`, and agencies (templates included). Default bounds: 1 up
  /// to twice the current value plus 2.
  public static func discover(in root: YNode) -> [String] {
    var keys: [String] = []
    func desks(_ node: YNode?, prefix: String) {
      guard case .sequence(let groups)? = node?.kind else { return }
      for g in groups {
        if let id = g["id"]?.scalarText, g["count"]?.scalarText.flatMap({ Int($0) }) != nil {
          keys.append("\(prefix).desks[\(id)].count")
        }
      }
    }
    if case .mapping(let levels)? = root["unit_defaults"]?.kind {
      for l in levels { desks(l.value["desks"], prefix: "unit_defaults.\(l.key)") }
    }
    if case .sequence(let units)? = root["units"]?.kind {
      for u in units {
        if let id = u["id"]?.scalarText { desks(u["desks"], prefix: "units[\(id)]") }
      }
    }
    if case .sequence(let agencies)? = root["agencies"]?.kind {
      for a in agencies {
        if let id = a["id"]?.scalarText, a["officers"]?.scalarText.flatMap({ Int($0) }) != nil {
          keys.append("agencies[\(id)].officers")
        }
      }
    }
    return keys
  }
}
