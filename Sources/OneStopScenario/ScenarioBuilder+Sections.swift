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
}
