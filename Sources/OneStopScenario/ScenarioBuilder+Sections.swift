import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Behaviour, rules, backlog

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

  func readBacklog(_ node: YNode) -> [BacklogEntry] {
    guard let items = r.list(node, "backlog") else { return [] }
    return items.enumerated().compactMap { k, item -> BacklogEntry? in
      let path = "backlog[\(k)]"
      guard let m = r.mapping(item, path, table: ConfigurationSchema.backlog) else { return nil }
      guard let u = m["unit"].flatMap({ r.string($0, "\(path).unit") }),
        let p = m["procedure"].flatMap({ r.string($0, "\(path).procedure") }),
        let c = m["count"].flatMap({
          r.int($0, "\(path).count", min: 0, max: ModelLimits.backlogCount, what: "a number of dossiers")
        })
      else {
        for key in ["unit", "procedure", "count"] where m[key] == nil {
          r.issue(item, path, "missing required key '\(key)'")
        }
        return nil
      }
      let from = m["received_from"].flatMap { r.date($0, "\(path).received_from") }
      let through = m["received_through"].flatMap { r.date($0, "\(path).received_through") }
      let overdue = m["overdue_share"].flatMap { r.probability($0, "\(path).overdue_share") } ?? 0
      return BacklogEntry(
        unit: u, procedure: p, count: c, receivedFrom: from, receivedThrough: through, overdueShare: overdue)
    }
  }
}
