extension CompiledModel {
  /// The service index of a scenario with an `index766` section: each unit's inputs in
  /// unit order, the rules, and the reception deadline in seconds of working time.
  public struct Index766: Sendable {
    public let inputs: [Index766Inputs]
    public let rules: Index766Rules
    let receptionSeconds: Double

    /// Resolves `c`'s per-unit inputs against the unit ids `ids` (in unit order); a unit
    /// the section names twice takes its last entry, an unknown id is ignored (the
    /// scenario layer reports it with its line).
    init(_ c: Index766Configuration, unitIds ids: [String]) {
      var inputs = [Index766Inputs](repeating: c.inputs, count: ids.count)
      for (unit, x) in c.units {
        if let u = ids.firstIndex(of: unit) { inputs[u] = x }
      }
      self.inputs = inputs
      rules = c.rules
      receptionSeconds = c.rules.onlineReceptionHours * 3600
    }
  }
}
