extension ScenarioBuilder {
  /// The `uncertainty:` section: a list of `{key, range, source}` with an optional
  /// `distribution` and `fitted`. Each entry is checked where it is written: the key is a
  /// key path `--set` accepts (not `extends`), given once; the range is `LOW..HIGH` (two
  /// numbers, LOW <= HIGH, or two times); the source is not empty. Whether the key names a
  /// value of this scenario is checked once the scenario has been read (`rangeKeyProblems`).
  func readUncertainty(_ node: YNode) -> [ScenarioRange] {
    guard let items = r.list(node, "uncertainty") else { return [] }
    var out: [ScenarioRange] = []
    for (i, item) in items.enumerated() {
      let at = "uncertainty[\(i)]"
      guard let m = r.mapping(item, at, table: ConfigurationSchema.uncertainty) else { continue }
      for field in ["key", "range", "source"] where m[field] == nil {
        r.issue(item, at, "missing required key '\(field)' (an entry is {key: KEY, range: LOW..HIGH, source: \"...\"})")
      }
      guard let keyNode = m["key"], let rangeNode = m["range"], let sourceNode = m["source"],
        let key = r.string(keyNode, at + ".key"), let rangeText = r.string(rangeNode, at + ".range"),
        let source = r.string(sourceNode, at + ".source")
      else { continue }
      var ok = true
      if let why = ScenarioOverride.keyProblem(key) {
        r.issue(keyNode, at + ".key", why)
        ok = false
      } else if let first = out.first(where: { $0.key == key }) {
        r.issue(keyNode, at + ".key", "'\(Excerpt.excerpt(key))' has a range already (uncertainty[\(first.index)])")
        ok = false
      }
      if source.trimmingCharacters(in: .whitespaces).isEmpty {
        r.issue(sourceNode, at + ".source", "expected the range's source (a report, a decree, a survey), found ''")
        ok = false
      }
      let spread = m["distribution"].flatMap { r.choice($0, at + ".distribution", ScenarioRange.Spread.self) }
      if m["distribution"] != nil && spread == nil { ok = false }
      let fitted = m["fitted"].flatMap { r.bool($0, at + ".fitted") } ?? false
      switch ScenarioRange.ends(rangeText) {
      case .failure(let problem):
        r.issue(rangeNode, at + ".range", problem.message)
      case .success(let ends) where ok:
        var range = ScenarioRange(
          key: key, low: ends.low, high: ends.high, source: source, spread: spread ?? .uniform, fitted: fitted,
          index: i, keyPlace: .init(keyNode), rangePlace: .init(rangeNode))
        range.sourceVi = m["source_vi"].flatMap { r.string($0, at + ".source_vi") }
        out.append(range)
      case .success:
        break
      }
    }
    return out
  }
}

extension Scenario {
  /// The entries of `ranges` whose key names no value of the scenario `root` describes,
  /// located at the entry's key with the scenario's own words: the message `--set` would
  /// give (an unknown key with the nearest known one, a list item that does not exist).
  ///
  /// How: the key is set to a placeholder in a copy of the tree, which is read again (not
  /// compiled); only the problems of the key are kept (the placeholder's value may be of
  /// the wrong kind: whether the range's ends are values the key accepts is checked where
  /// the range is used, when both ends are built). A key already written in the file needs
  /// no reading.
  static func rangeKeyProblems(_ ranges: [ScenarioRange], root: YNode, file: String) -> [ScenarioIssue] {
    var issues: [ScenarioIssue] = []
    for range in ranges {
      var probe = root
      do {
        let o = try ScenarioOverride(path: range.key, value: YNode(.scalar("0"), file: "--set", line: 0, column: 0))
        if o.resolves(in: root) { continue }
        try o.apply(to: &probe)
      } catch {
        issues.append(range.issue("key", "'\(Excerpt.excerpt(range.key))': \(error.message)"))
        continue
      }
      let reader = ScenarioReader()
      _ = ScenarioBuilder(reader, scenarioFile: file).read(probe)
      if let unknown = reader.issues.first(where: { $0.message.hasPrefix("unknown key") }) {
        issues.append(range.issue("key", "'\(Excerpt.excerpt(range.key))': \(unknown.message)"))
      }
    }
    return issues
  }
}

extension ScenarioOverride {
  /// `true` when every segment of the path names something `root` holds (for `[*]`, the
  /// first item of the list).
  func resolves(in root: YNode) -> Bool {
    var node = root
    for s in segments {
      switch s {
      case .key(let k):
        guard let next = node[k] else { return false }
        node = next
      case .item(let id):
        guard case .sequence(let items) = node.kind else { return false }
        if let next = items.last(where: { $0["id"]?.scalarText == id }) {
          node = next
        } else if let k = Int(id), k >= 0, k < items.count {
          node = items[k]
        } else {
          return false
        }
      case .all:
        guard case .sequence(let items) = node.kind, let first = items.first else { return false }
        node = first
      }
    }
    return true
  }
}
