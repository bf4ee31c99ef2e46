import OneStopModel

extension ScenarioBuilder {
  // MARK: - Service index (Decision 766)

  /// `index766:`: inputs for every unit, per-unit inputs (unknown units named with
  /// their line), the portal's rules.
  func readIndex766(_ node: YNode, units: [UnitConfiguration]) -> Index766Configuration {
    var c = Index766Configuration()
    guard let m = r.mapping(node, "index766", table: ConfigurationSchema.index766) else { return c }
    if let n = m["inputs"], let x = r.mapping(n, "index766.inputs", table: ConfigurationSchema.index766Inputs) {
      r.read(ConfigurationSchema.index766Inputs, from: x, at: "index766.inputs", into: &c.inputs)
    }
    if let n = m["rules"], let x = r.mapping(n, "index766.rules", table: ConfigurationSchema.index766Rules) {
      r.read(ConfigurationSchema.index766Rules, from: x, at: "index766.rules", into: &c.rules)
    }
    if let n = m["units"], let items = r.list(n, "index766.units") {
      let ids = units.map(\.id)
      for (k, item) in items.enumerated() {
        let path = "index766.units[\(k)]"
        guard let x = r.mapping(item, path, keys: ["unit"] + ConfigurationSchema.index766Inputs.keyNames()) else {
          continue
        }
        guard let un = x["unit"], let id = r.string(un, path + ".unit") else {
          r.issue(item, path, "missing required key 'unit'")
          continue
        }
        guard ids.contains(id) else {
          let hint = suggestion(for: id, in: ids).map { "; did you mean '\($0)'?" } ?? ""
          r.issue(un, path + ".unit", "the scenario has no unit '\(id)'\(hint)")
          continue
        }
        var inputs = c.inputs
        r.read(ConfigurationSchema.index766Inputs, from: x, at: path, into: &inputs)
        c.units.append((id, inputs))
      }
    }
    return c
  }
}
