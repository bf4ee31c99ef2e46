import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Calendar and hours

  func readCalendar(_ node: YNode) -> CalendarSettings {
    var c = CalendarSettings()
    guard let m = r.mapping(node, "calendar", table: ConfigurationSchema.calendar) else { return c }
    r.read(ConfigurationSchema.calendar, from: m, at: "calendar", into: &c)
    for key in ["extra_days_off", "extra_working_days"] {
      guard let n = m[key], let items = r.list(n, "calendar.\(key)") else { continue }
      let dates = items.enumerated().compactMap { r.date($1, "calendar.\(key)[\($0)]") }
      if key == "extra_days_off" { c.extraDaysOff = dates } else { c.extraWorkingDays = dates }
    }
    return c
  }

  static let hoursKeys = ConfigurationSchema.hours.keyNames()

  func readNamedHours(_ node: YNode) -> [String: OpeningSchedule] {
    guard case .mapping(let pairs) = node.kind else {
      r.issue(node, "hours", "expected a mapping of named opening hours, found \(node.found)")
      return [:]
    }
    var out: [String: OpeningSchedule] = [:]
    for p in pairs {
      if let s = readSchedule(p.value, "hours.\(p.key)", named: [:]) { out[p.key] = s }
    }
    return out
  }

  /// Opening hours: the name of an entry under `hours:`, or an inline mapping.
  func readSchedule(_ node: YNode, _ path: String, named: [String: OpeningSchedule]) -> OpeningSchedule? {
    if let name = node.scalarText {
      if let s = named[name] { return s }
      let hint = suggestion(for: name, in: Array(named.keys)).map { "; did you mean '\($0)'?" } ?? ""
      r.issue(node, path, "unknown opening hours '\(Excerpt.excerpt(name))'; define it under hours:\(hint)")
      return nil
    }
    guard let m = r.mapping(node, path, keys: Self.hoursKeys) else { return nil }
    guard let weekly = readWeekly(m, path) else { return nil }
    var schedule = OpeningSchedule(base: weekly)
    if let n = m["weekend_from"] { schedule.weekendFrom = r.date(n, "\(path).weekend_from") }
    if let n = m["seasons"], let items = r.list(n, "\(path).seasons") {
      for (k, item) in items.enumerated() {
        let sp = "\(path).seasons[\(k)]"
        guard
          let sm = r.mapping(
            item, sp, keys: ["from", "through"] + Self.hoursKeys.filter { $0 != "seasons" && $0 != "weekend_from" }),
          let from = sm["from"].flatMap({ monthDay($0, "\(sp).from") }),
          let through = sm["through"].flatMap({ monthDay($0, "\(sp).through") }),
          let w = readWeekly(sm, sp)
        else { continue }
        schedule.seasons.append(
          .init(fromMonth: from.0, fromDay: from.1, throughMonth: through.0, throughDay: through.1, hours: w))
      }
    }
    return schedule
  }

  func monthDay(_ node: YNode, _ path: String) -> (Int, Int)? {
    if let s = node.scalarText {
      let parts = s.split(separator: "-")
      if parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m), (1...31).contains(d) {
        return (m, d)
      }
    }
    r.issue(node, path, "expected a month and day MM-DD, found \(node.found)")
    return nil
  }

  func readWeekly(_ m: [String: YNode], _ path: String) -> WeeklyHours? {
    let weekdays = m["weekdays"].flatMap { readDay($0, "\(path).weekdays") } ?? .standardOffice
    var days = Array(repeating: weekdays, count: 5) + [DailyHours.closed, .closed]
    for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
      if let n = m[name], let d = readDay(n, "\(path).\(name)") { days[i] = d }
    }
    return WeeklyHours(days: days)
  }

  /// `["07:00-11:30", "13:30-17:00"]`, or `closed` / `[]`.
  func readDay(_ node: YNode, _ path: String) -> DailyHours? {
    if node.scalarText == "closed" { return .closed }
    guard let items = r.list(node, path) else { return nil }
    var intervals: [OpenInterval] = []
    for (k, item) in items.enumerated() {
      let p = "\(path)[\(k)]"
      guard let s = item.scalarText else {
        r.issue(item, p, "expected an interval HH:MM-HH:MM, found \(item.found)"); continue
      }
      let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let a = TimeOfDay(parts[0]), let b = TimeOfDay(parts[1]) else {
        r.issue(item, p, "expected an interval HH:MM-HH:MM with times between 00:00 and 24:00, found '\(s)'")
        continue
      }
      intervals.append(OpenInterval(open: a, close: b))
    }
    let day = DailyHours(intervals: intervals)
    for problem in day.problems() { r.issue(node, path, problem) }
    return day.problems().isEmpty ? day : nil
  }
}
