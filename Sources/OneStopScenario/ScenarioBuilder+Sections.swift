import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Behaviour and rules

  func readBehaviour(_ node: YNode) -> CitizenBehaviour {
    var b = CitizenBehaviour()
    guard let m = r.mapping(node, "behaviour", table: ConfigurationSchema.behaviour) else { return b }
    r.read(ConfigurationSchema.behaviour, from: m, at: "behaviour", into: &b)
    return b
  }

  func readRules(_ node: YNode) -> ProcessingRules {
    var x = ProcessingRules()
    guard let m = r.mapping(node, "rules", table: ConfigurationSchema.rules) else { return x }
    r.read(ConfigurationSchema.rules, from: m, at: "rules", into: &x)
    if let n = m["leave_outside_months"], let months = readMonths(n, "rules.leave_outside_months") {
      x.leaveOutsideMonths = months
    }
    return x
  }

  // MARK: - Fields

  /// `fields`: the ticket categories, each an id or a mapping `{id, name, name_vi}`; the
  /// names are for reports only (outside the configuration, and so outside the hash).
  func readFields(_ node: YNode) -> [String]? {
    guard let items = r.list(node, "fields") else { return nil }
    var ids: [String] = []
    for (i, item) in items.enumerated() {
      let path = "fields[\(i)]"
      guard case .mapping = item.kind else {
        if let id = r.string(item, path) { ids.append(id) }
        continue
      }
      guard let m = r.mapping(item, path, keys: ["id", "name", "name_vi"]) else { continue }
      guard let idNode = m["id"] else {
        r.issue(item, path, "missing required key 'id'")
        continue
      }
      guard let id = r.string(idNode, "\(path).id") else { continue }
      ids.append(id)
      let key = ScenarioNames.key(.field, id)
      if let n = m["name"].flatMap({ r.string($0, "\(path).name") }) { names.en[key] = n }
      if let n = m["name_vi"].flatMap({ r.string($0, "\(path).name_vi") }) { names.vi[key] = n }
    }
    return ids.count == items.count ? ids : nil
  }
}
