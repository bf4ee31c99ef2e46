/// Desk-group KPIs, `NAME@desk:UNIT/GROUP`: the waits of the tickets one desk group (a
/// field counter) of one unit served, and its desks' utilisation and overtime. A unit's
/// pooled wait hides a counter that is the bottleneck (Tuyên Quang 2022: a land desk more
/// at the centre leaves the transport counter's p90 where it was).
extension KPI {
  /// `@desk:` introduces a unit's desk group in a KPI name, as `UNIT/GROUP`.
  public static let deskPrefix = "desk:"

  /// KPIs that also exist per desk group, as `NAME@desk:UNIT/GROUP`.
  public static let perDesk: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] =
    Measure.all.compactMap { m in m.desk.map { (m.name, m.unit, $0) } }

  /// The desk-group KPI `base@desk:key`, NaN for a group the model does not have.
  static func desk(_ name: String, base: String, key: String) -> KPI? {
    guard !key.isEmpty, let (unit, f) = perDesk.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else {
      return nil
    }
    return KPI(name, unit) { r, model in
      guard let g = model.deskGroup(key) else { return .nan }
      return f(r, model, g)
    }
  }

  /// For a desk-group KPI whose group `model` does not have: a message naming the
  /// unit's groups (or a did-you-mean among every group).
  public static func unknownDesk(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(deskPrefix) else { return nil }
    let key = String(target.dropFirst(deskPrefix.count))
    if model.deskGroup(key) != nil { return nil }
    let keys = model.deskGroupKeys.map(\.key)
    var message = "the scenario has no desk group '\(key)' (in KPI '\(name)'; write UNIT/GROUP)"
    let unit = key.split(separator: "/").first.map(String.init) ?? key
    let ofUnit = keys.filter { $0.hasPrefix(unit + "/") }
    if !ofUnit.isEmpty { message += "; the groups of \(unit) are \(ofUnit.joined(separator: ", "))" }
    if let near = suggestion(key, in: keys) { message += "; did you mean '\(near)'?" }
    return message
  }

  /// The closest of `candidates` to `word` within a third of its length (a typo), as
  /// the scenario's did-you-mean reads it; kept here so the model needs no scenario code.
  static func suggestion(_ word: String, in candidates: [String]) -> String? {
    guard word.utf8.count <= 100 else { return nil }
    let w = word.lowercased()
    guard let best = candidates.map({ ($0, editDistance(w, $0.lowercased())) }).min(by: { $0.1 < $1.1 }) else {
      return nil
    }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
  }
}

extension CompiledModel {
  /// Every desk group as the scenario configures it, `UNIT/GROUP`, with its first index
  /// in `deskGroups` (a lunch stagger's "/late" half is not listed on its own).
  public var deskGroupKeys: [(key: String, group: Int)] {
    deskGroups.indices.compactMap { g in
      names.deskGroups[g].hasSuffix("/late") ? nil : (names.units[deskGroups[g].unit].id + "/" + names.deskGroups[g], g)
    }
  }

  /// The first index of desk group `key` (`UNIT/GROUP`), or nil.
  public func deskGroup(_ key: String) -> Int? {
    guard let slash = key.lastIndex(of: "/") else { return nil }
    let unit = key[..<slash], group = key[key.index(after: slash)...]
    return deskGroups.indices.first { g in
      names.deskGroups[g] == group && names.units[deskGroups[g].unit].id == unit
    }
  }

  /// Group `g` and, for the first half of a lunch stagger, its "/late" half.
  public func staggerHalves(of g: Int) -> [Int] {
    let late = g + 1
    if late < deskGroups.count && deskGroups[late].unit == deskGroups[g].unit
      && names.deskGroups[late] == names.deskGroups[g] + "/late"
    {
      return [g, late]
    }
    return [g]
  }
}
