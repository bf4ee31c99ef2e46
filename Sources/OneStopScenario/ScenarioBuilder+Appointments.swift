import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Appointments at a desk group (issue 28, item 4)

  /// A desk group's `appointments:` mapping for a group of `desks` desks, with its keys'
  /// nodes (for locating problems); each wrong value is reported at its key path.
  func readAppointments(_ node: YNode, _ path: String, desks: Int) -> (AppointmentConfiguration, [String: YNode])? {
    guard let m = r.mapping(node, path, table: ConfigurationSchema.appointments) else { return nil }
    var a = AppointmentConfiguration()
    r.read(ConfigurationSchema.appointments, from: m, at: path, into: &a)
    if let n = m["slot_length"], a.slotLength < 60 {
      r.issue(n, "\(path).slot_length", "expected a slot of at least 1 minute, found \(Int(a.slotLength)) seconds")
    }
    if let n = m["reserved_desks"], let k = a.reservedDesks, Int(k.rounded(.down)) > desks {
      r.issue(n, "\(path).reserved_desks", "expected at most the group's \(desks) desks, found \(Int(k))")
    }
    if let n = m["slot_times"], let items = r.list(n, "\(path).slot_times") {
      if items.isEmpty { r.issue(n, "\(path).slot_times", "expected at least one time \"HH:MM\"") }
      a.slotTimes = items.enumerated().compactMap { k, item in r.time(item, "\(path).slot_times[\(k)]")?.seconds }
    }
    if let n = m["call_order"] { a.kPerWalkIn = readCallOrder(n, "\(path).call_order") }
    if let n = m["if_later"], let shares = readIfLater(n, "\(path).if_later") {
      (a.ifLaterWalkIn, a.ifLaterWait, a.ifLaterGiveUp) = shares
    }
    return (a, m)
  }

  /// `call_order`: `appointments_first` (nil) or `{k_per_walk_in: K}` (K).
  private func readCallOrder(_ node: YNode, _ path: String) -> Int? {
    if let text = node.scalarText {
      if text == "appointments_first" { return nil }
      r.issue(node, path, "expected appointments_first or {k_per_walk_in: K}, found \(node.found)")
      return nil
    }
    guard let m = r.mapping(node, path, keys: ["k_per_walk_in"]) else { return nil }
    guard let k = m["k_per_walk_in"] else {
      r.issue(node, path, "missing required key 'k_per_walk_in'")
      return nil
    }
    return r.int(k, "\(path).k_per_walk_in", min: 1, max: 100, what: "a number of appointments")
  }

  /// `if_later`: the shares who walk in, wait and give up (missing ones 0), summing to 1.
  private func readIfLater(_ node: YNode, _ path: String) -> (Double, Double, Double)? {
    let keys = ["walk_in", "wait", "give_up"]
    guard let m = r.mapping(node, path, keys: keys) else { return nil }
    var shares = [0.0, 0.0, 0.0]
    for (k, key) in keys.enumerated() {
      guard let n = m[key] else { continue }
      guard let p = r.probability(n, "\(path).\(key)") else { return nil }
      shares[k] = p
    }
    let sum = shares.reduce(0, +)
    guard abs(sum - 1) < 1e-9 else {
      r.issue(node, path, "expected shares walk_in, wait and give_up summing to 1, found \(fmt(sum))")
      return nil
    }
    return (shares[0], shares[1], shares[2])
  }
}
