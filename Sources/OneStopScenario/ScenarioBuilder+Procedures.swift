import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Procedures

  static let procedureKeys = ConfigurationSchema.procedure.keyNames()

  func readProcedures(_ node: YNode) -> [ProcedureConfiguration] {
    guard let items = r.list(node, "procedures") else { return [] }
    var out: [ProcedureConfiguration] = []
    for (k, item) in items.enumerated() {
      let path = "procedures[\(k)]"
      let before = r.issues.count
      defer {
        if r.issues.count > before, let id = item["id"]?.scalarText { taintedProcedures.insert(id) }
      }
      guard let m = r.mapping(item, path, keys: Self.procedureKeys) else { continue }
      guard let id = m["id"].flatMap({ r.string($0, "\(path).id") }),
        let field = m["field"].flatMap({ r.string($0, "\(path).field") }),
        let dn = m["deadline"], let deadline = readDeadline(dn, "\(path).deadline")
      else {
        for key in ["id", "field", "deadline"] where m[key] == nil {
          r.issue(item, path, "missing required key '\(key)'")
        }
        continue
      }
      var steps: [StepConfiguration] = []
      if let sn = m["steps"], let sitems = r.list(sn, "\(path).steps") {
        for (s, step) in sitems.enumerated() {
          let sp = "\(path).steps[\(s)]"
          guard let sm = r.mapping(step, sp, table: ConfigurationSchema.step) else { continue }
          let place: StepPlace
          if let a = sm["agency"], let id = r.string(a, "\(sp).agency") {
            place = .agency(id)
          } else if let n = sm["nearest"], let kind = r.string(n, "\(sp).nearest") {
            place = .nearest(kind)
            r.mark("\(sp).agency", n)
          } else {
            r.issue(step, sp, "expected 'agency: ID' or 'nearest: KIND'")
            continue
          }
          guard let wn = sm["work"], let work = r.distribution(wn, "\(sp).work", unit: .hours) else {
            if sm["work"] == nil {
              r.issue(step, sp, "missing required key 'work' (officer time, e.g. {lognormal: {mean: 2h, cv: 0.6}})")
            }
            continue
          }
          let appraisal = sm["appraisal"].flatMap { r.bool($0, "\(sp).appraisal") } ?? (s == 0)
          let lead = sm["lead_time"].flatMap { r.distribution($0, "\(sp).lead_time", unit: .workingDays) }
          var wait = sm["fixed_wait"].flatMap { readFixedWait($0, "\(sp).fixed_wait") }
          if let n = sm["fixed_wait_counts"], let v = r.bool(n, "\(sp).fixed_wait_counts") {
            if wait == nil { r.issue(n, "\(sp).fixed_wait_counts", "fixed_wait_counts needs a fixed_wait") }
            wait?.countsForDeadline = v
          }
          steps.append(
            StepConfiguration(place: place, work: work, appraisal: appraisal, leadTime: lead, fixedWait: wait))
        }
      }
      var p = ProcedureConfiguration(
        id: id, name: m["name"].flatMap { r.string($0, "\(path).name") }, field: field,
        deadline: deadline, steps: steps)
      r.read(ConfigurationSchema.procedure, from: m, at: path, into: &p)
      if let n = m["name_vi"].flatMap({ r.string($0, "\(path).name_vi") }) { names.vi["procedure:" + id] = n }
      out.append(p)
    }
    return out
  }

  /// A fixed legal wait: `15d` (calendar days) or `10wd` (working days), whole days up
  /// to ten years.
  func readFixedWait(_ node: YNode, _ path: String) -> FixedWait? {
    let expected = "calendar days (15d) or working days (10wd), whole days from 1 to 3650"
    guard let s = node.scalarText else {
      r.issue(node, path, "expected \(expected), found \(node.found)")
      return nil
    }
    let calendar = !s.hasSuffix("wd") && s.hasSuffix("d")
    let digits = s.hasSuffix("wd") ? s.dropLast(2) : s.hasSuffix("d") ? s.dropLast(1) : Substring("")
    guard let n = Int(digits), (1...3650).contains(n) else {
      r.issue(node, path, "expected \(expected), found '\(s)'")
      return nil
    }
    return FixedWait(days: n, calendarDays: calendar)
  }

  /// `same-day`, `15wd` (working days), `30d` (calendar days) or `8wh` (working hours).
  func readDeadline(_ node: YNode, _ path: String) -> Deadline? {
    guard let s = node.scalarText else {
      r.issue(node, path, "expected same-day, working days (15wd) or working hours (8wh), found \(node.found)")
      return nil
    }
    if s == "same-day" { return .sameDay }
    let days = ModelLimits.deadlineWorkingDays, hours = ModelLimits.deadlineWorkingHours
    if s.hasSuffix("wd"), let n = Int(s.dropLast(2)), n >= 1, n <= days { return .workingDays(n) }
    if s.hasSuffix("wh"), let h = Double(s.dropLast(2)), h > 0, h <= hours { return .workingHours(h) }
    if s.hasSuffix("d"), !s.hasSuffix("wd"), let n = Int(s.dropLast()), n >= 1, n <= days { return .calendarDays(n) }
    r.issue(
      node, path,
      "expected same-day, working days (1wd to \(days)wd), calendar days (1d to \(days)d) or working hours "
        + "(up to \(Int(hours))wh), found \(node.found)")
    return nil
  }
}
