import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Planned leave and overtime of an agency

  /// An agency's planned leave and overtime keys (`m` is the agency's mapping at `src`).
  func readOfficerTime(
    _ m: [String: YNode], _ src: String
  ) -> (annual: Double?, spell: Double?, outside: [Int]?, overtime: OvertimeConfiguration?) {
    // `null` is the default: the rules' value.
    let given = m.filter { !$0.value.kind.isNull }
    let annual = given["annual_leave_days"].flatMap {
      r.double($0, "\(src).annual_leave_days", min: 0, max: 200, what: "working days a year")
    }
    let spell = given["leave_spell"].flatMap { r.duration($0, "\(src).leave_spell", unit: .workingDays) }
    let outside = given["leave_outside_months"].flatMap { readMonths($0, "\(src).leave_outside_months") }
    let overtime = m["overtime"].flatMap { readOvertime($0, "\(src).overtime") }
    return (annual, spell, outside, overtime)
  }

  /// An agency's `staff_changes` `[{from: DATE, factor: F}, ...]`: dates in increasing
  /// order, factors 0 to 4 (the officers from that date are `officers × factor`).
  func readStaffChanges(_ node: YNode, _ path: String) -> [StaffChange] {
    guard let items = r.list(node, path) else { return [] }
    var out: [StaffChange] = []
    for (k, item) in items.enumerated() {
      let ip = "\(path)[\(k)]"
      guard let pm = r.mapping(item, ip, keys: ["from", "factor"]) else { continue }
      for key in ["from", "factor"] where pm[key] == nil { r.issue(item, ip, "missing required key '\(key)'") }
      guard let from = pm["from"].flatMap({ r.date($0, "\(ip).from") }),
        let factor = pm["factor"].flatMap({ r.double($0, "\(ip).factor", min: 0, max: 4, what: "a factor") })
      else { continue }
      if let last = out.last, from <= last.from {
        r.issue(pm["from"]!, "\(ip).from", "expected a date after \(last.from), the change before it")
        continue
      }
      out.append(StaffChange(from: from, factor: factor))
    }
    return out
  }

  /// A list of months, each 1 (January) to 12.
  func readMonths(_ node: YNode, _ path: String) -> [Int]? {
    guard let items = r.list(node, path) else { return nil }
    let months = items.enumerated().compactMap { k, item in
      r.int(item, "\(path)[\(k)]", min: 1, max: 12, what: "a month (1 = January)")
    }
    return months.count == items.count ? months : nil
  }

  /// `overtime:` of an agency; `null` means none.
  func readOvertime(_ node: YNode, _ path: String) -> OvertimeConfiguration? {
    if node.kind.isNull { return nil }
    guard let m = r.mapping(node, path, table: ConfigurationSchema.overtime) else { return nil }
    var o = OvertimeConfiguration()
    r.read(ConfigurationSchema.overtime, from: m, at: path, into: &o)
    if let n = m["backlog_above"] {
      let text = n.scalarText.map { $0.hasSuffix("d") && !$0.hasSuffix("wd") ? String($0.dropLast()) : $0 }
      if let text, let days = Double(text.trimmingCharacters(in: .whitespaces)), days.isFinite, days >= 0, days <= 365 {
        o.backlogAboveDays = days
      } else {
        r.issue(n, "\(path).backlog_above", "expected days of work such as 3d, from 0d to 365d, found \(n.found)")
      }
    }
    for (key, path) in [("evening", "\(path).evening"), ("saturday", "\(path).saturday")] {
      guard let n = m[key] else { continue }
      let interval = n.kind.isNull ? nil : readInterval(n, path)
      if key == "evening" { o.evening = interval } else { o.saturday = interval }
    }
    return o
  }

  /// One interval `"HH:MM-HH:MM"` that closes after it opens.
  func readInterval(_ node: YNode, _ path: String) -> OpenInterval? {
    let parts = node.scalarText?.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    guard parts.count == 2, let a = TimeOfDay(parts[0]), let b = TimeOfDay(parts[1]), a.seconds < b.seconds else {
      r.issue(node, path, "expected an interval HH:MM-HH:MM that closes after it opens, found \(node.found)")
      return nil
    }
    return OpenInterval(open: a, close: b)
  }
}
