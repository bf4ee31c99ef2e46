import OneStopScenario

/// One decision of the search: an integer key of the scenario (a desk group's `count`, an
/// agency's `officers`), written as a `--set` key path, with the bounds the search may
/// move it within and its cost per person; or an *option*: a key that takes one of a list
/// of values (a desk group's `quota`, its `hours`, a `lunch_stagger`), and the plan holds
/// the index of the value.
///
/// A key written once can staff several places: `unit_defaults.district.desks[land].count`
/// sets the land desks of every district, `agencies[TNMT@{unit}].officers` every district's
/// land office. `people` is how many persons one step of the key adds (found by compiling
/// the scenario, not by reading the file), so costs and budgets count persons.
public struct StaffVariable: Sendable, Hashable {
  public let key: String
  public var low: Int
  public var high: Int
  /// Cost of one person (default 1); for an option, of one step along its list (default 0).
  public var cost: Double
  /// The value in the base scenario (for an option, the index of its value).
  public let current: Int
  /// Persons added by raising the key by one (0 for an option).
  public var people: Int
  /// An option's values as YAML text, in the order given; nil is the scenario's own value
  /// (the key left as the scenario has it), added when no listed value equals it.
  public let choices: [String?]?
  /// An option's cost per value (`--cost KEY=C1,C2,...`), one per listed value; the current
  /// value's cost is subtracted, so the base costs 0.
  public var choiceCosts: [Double]?
  /// How the scenario's own value reads when no listed value equals it: its text,
  /// `default` when the scenario does not write the key.
  public let currentText: String

  public init(key: String, low: Int, high: Int, cost: Double = 1, current: Int, people: Int = 1) {
    self.key = key
    self.low = low
    self.high = high
    self.cost = cost
    self.current = current
    self.people = people
    self.choices = nil
    self.choiceCosts = nil
    self.currentText = String(current)
  }

  /// An option taking one of `choices` (YAML text; nil: the scenario's own value, read as
  /// `currentText`), now at index `current`.
  public init(key: String, choices: [String?], current: Int, currentText: String, cost: Double = 0) {
    self.key = key
    self.low = 0
    self.high = choices.count - 1
    self.cost = cost
    self.current = current
    self.people = 0
    self.choices = choices
    self.choiceCosts = nil
    self.currentText = currentText
  }

  /// Whether the key takes a value from a list rather than a count.
  public var isOption: Bool { choices != nil }

  /// Cost of one step of the key.
  public var stepCost: Double { isOption ? cost : cost * Double(people) }

  /// The cost of value `x` over the base scenario's: steps times the step cost, or the
  /// difference of the two values' costs when costs are given per value.
  public func addedCost(_ x: Int) -> Double {
    guard let choices, let choiceCosts else { return Double(x - current) * stepCost }
    // Costs are given per listed value; the scenario's own value, when added, costs 0.
    func c(_ i: Int) -> Double {
      guard choices[i] != nil else { return 0 }
      let listed = choices[..<i].filter { $0 != nil }.count
      return listed < choiceCosts.count ? choiceCosts[listed] : 0
    }
    return c(x) - c(current)
  }

  /// Persons value `x` adds over the base scenario.
  public func addedPeople(_ x: Int) -> Int { (x - current) * people }

  /// Value `x` as the tables show it.
  public func text(_ x: Int) -> String {
    guard let choices else { return String(x) }
    return choices[x] ?? currentText
  }

  /// Value `x` as YAML to write in a variant, or nil to leave the scenario's own value.
  public func yaml(_ x: Int) -> String? {
    guard let choices else { return String(x) }
    return choices[x]
  }

  /// `key=value` for `--set`.
  public func override(_ value: Int) -> String { "\(key)=\(yaml(value) ?? currentText)" }
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
