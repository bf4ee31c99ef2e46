import OneStopModel

/// The closest of `candidates` to `word`, when close enough to be a likely typo: the one
/// "did you mean" of onestop (scenario keys and values, ids, KPI names, `--vary` keys).
///
/// Case is ignored; the nearest by edit distance wins, the first of equals in
/// `candidates` order, and only within `max(2, word.count / 3)` edits.
public func suggestion(for word: String, in candidates: [String]) -> String? {
  // Edit distance is quadratic: a long value is no typo of a key, and must cost nothing.
  guard word.utf8.count <= 100 else { return nil }
  let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

extension KPI {
  /// `unknownTarget(_:in:)` with a did-you-mean for a unit the scenario does not have
  /// (`NAME@UNIT`, `NAME@under:UNIT`): the check targets, `--precision` and `--kpi` run
  /// before anything runs.
  public static func targetProblem(_ name: String, in model: CompiledModel) -> String? {
    guard let message = unknownTarget(name, in: model) else { return nil }
    // A misspelt scope (`@dsk:pasc/land`, `@levl:commune`) reads as a unit id: the
    // candidates are the units and every scope's keys with its prefix.
    let scopes =
      model.names.units.map(\.id) + model.deskGroupKeys.map { deskPrefix + $0.key }
      + model.names.levels.map { levelPrefix + $0 } + model.names.fields.map { fieldPrefix + $0 }
    guard let unit = unknownUnit(name, in: model), let near = suggestion(for: unit, in: scopes)
    else { return message }
    return message + "; did you mean '\(near)'?"
  }
}
