extension CompiledModel {
  /// `true` when desk hours moved by a lunch stagger are valid and lie within the
  /// unit's hours on every day of the week (and of each season the unit shares);
  /// otherwise reports why through `problem`.
  static func staggerFits(_ late: OpeningSchedule, within unit: OpeningSchedule, problem: (ProblemText) -> Void) -> Bool
  {
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    var weeks = [(late.base, unit.base, "")]
    for s in late.seasons {
      let match = unit.seasons.first {
        $0.fromMonth == s.fromMonth && $0.fromDay == s.fromDay && $0.throughMonth == s.throughMonth
          && $0.throughDay == s.throughDay
      }
      weeks.append((s.hours, match?.hours ?? unit.base, " (season from \(s.fromMonth)-\(s.fromDay))"))
    }
    for (desk, open, season) in weeks {
      for d in 0..<7 {
        if let p = desk.days[d].problems().first {
          problem(
            """
              the later half's hours on \(names[d])\(season) are invalid (\(p)): the stagger is longer than the \
              afternoon
              """
          )
          return false
        }
        if !open.days[d].contains(desk.days[d]) {
          problem(
            """
              the later half's hours \(desk.days[d]) on \(names[d])\(season) lie outside the unit's opening hours \
              \(open.days[d]); open the unit through lunch (e.g. \(key: .hours) 07:00-17:00) and give the desks their \
              break in their own hours
              """
          )
          return false
        }
      }
    }
    return true
  }

  /// Why a ticket cutoff lies outside the unit's weekly opening hours (at or before
  /// the first opening, after the last closing), or nil when it lies within them.
  static func cutoffProblem(_ cut: TimeOfDay, within hours: OpeningSchedule) -> String? {
    let intervals = ([hours.base] + hours.seasons.map(\.hours)).flatMap { $0.days.flatMap(\.intervals) }
    guard let first = intervals.map(\.open).min(), let last = intervals.map(\.close).max() else { return nil }
    if cut.seconds > first && cut.seconds <= last { return nil }
    func hhmm(_ s: Int) -> String { TimeOfDay(hours: s / 3600, minutes: (s % 3600) / 60)?.description ?? "\(s) s" }
    return
      "expected a time after the unit opens (\(hhmm(first))) and at most when it closes (\(hhmm(last))), found \(cut)"
  }

  /// The kind of an agency id: the part before "@" ("TNMT@province" -> "TNMT").
  static func kind(of id: String) -> String {
    if let at = id.firstIndex(of: "@") { return String(id[..<at]) }
    return id
  }
}
