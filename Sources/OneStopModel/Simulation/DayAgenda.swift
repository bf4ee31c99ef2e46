import DESKernel

/// Things planned for a later day, kept out of the event calendar until that day
/// begins: deadline watches, citizens' planned visits and the ends of lead times.
///
/// A province keeps one watch and often one planned pick-up per open dossier, tens of
/// thousands of events days or weeks ahead. Holding them in per-day buckets (a two-level
/// calendar) keeps the event heap to what can happen today, so every event's
/// O(log n) costs a few levels fewer; at midnight the day's bucket is released into the
/// heap (visits, at their planned time) or acted on (watches, which look at the state at
/// the start of the day).
struct DayAgenda {
  struct Entry {
    /// `watch`: the apology check before the due day, at its start; `dueWatch`: the last
    /// check on the due day, at `time`; `visit`: a citizen's planned visit at `time`;
    /// `leadDone`: the end of a step's lead time or legal wait at `time` (the station in
    /// `generation`); `appointment`, `appointmentDue`: a booked citizen's arrival and the
    /// end of their slot's grace at `time`.
    enum Kind: UInt8 { case watch, dueWatch, visit, leadDone, appointment, appointmentDue }
    var kind: Kind
    var dossier: Int32
    var generation: UInt32
    /// Planned instant (visits, due-day watches).
    var time: Double
  }

  /// One list per day, written in place (no copy-on-write check per entry: a
  /// province-year adds millions). Reference semantics: only one copy of an agenda is used.
  private let buckets: StateArray<PointerList<Entry>>

  init(days: Int) { buckets = StateArray(repeating: PointerList(), count: max(days, 0)) }

  mutating func add(_ entry: Entry, onDay day: Int) {
    buckets[day].append(entry)
  }

  /// Removes and returns the entries of `day`.
  mutating func take(day: Int) -> PointerList<Entry> {
    guard day >= 0 && day < buckets.count else { return PointerList() }
    let entries = buckets[day]
    buckets[day] = PointerList()
    return entries
  }
}
