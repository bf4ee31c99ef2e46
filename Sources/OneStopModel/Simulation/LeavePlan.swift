import DESKernel

/// The planned annual leave of one station's officers in one replication: each
/// officer's days, placed before the run in spells of consecutive working days, and the
/// officers on leave on each day.
///
/// Why planned: offices plan leave; they keep it out of the months they know to be their
/// peaks (`leaveOutsideMonths`) and do not send everyone away in the same week. Random
/// spells drawn over the whole year (the random absences) put leave into the peaks too.
///
/// The rule: officer by officer, each spell starts on a working day drawn at random among
/// the allowed days (the run's working days on which the station works, outside the
/// excluded months) where the whole spell fits on consecutive working days, the officer
/// is not already away, and fewer than `cap` officers are on leave on each of its days.
/// When no such start exists the cap gives way first, then the spell splits into single
/// days: every officer gets exactly their days (the run's share of the entitlement).
struct LeavePlan {
  /// Officers on planned leave on each day index of the run.
  private(set) var onLeave: [UInt16]
  /// Each officer's spells of leave, each its day indices in order.
  private(set) var spells: [[[Int]]]
  /// At most this many officers on planned leave on one day (`cap(officers:days:allowed:)`).
  let cap: Int

  /// The share of a station's officers that may be on planned leave together: one in
  /// five (rounded up, so a single officer can take leave), or more when the leave would
  /// otherwise fill more than two thirds of the allowed days' places (a prior: no source
  /// gives the rule; it keeps four fifths of an office at work).
  static let share = 0.2

  /// The daily cap: `share` of the officers, rounded up, or 1.5 times the mean number on
  /// leave per allowed day when that is more.
  static func cap(officers: Int, days: Int, allowed: Int) -> Int {
    let byShare = (Double(officers) * share).rounded(.up)
    let byLoad = (1.5 * Double(officers * days) / Double(Swift.max(allowed, 1))).rounded(.up)
    return Swift.max(1, Int(Swift.max(byShare, byLoad)))
  }

  /// Places `perOfficer` days for each of `officers` officers: the whole part, and one
  /// more day with the probability of the fraction (so the mean is exact). `allowed`
  /// lists the allowed day indices in order with `ordinal`, each one's number among the
  /// run's working days (two allowed days are consecutive working days when their
  /// ordinals differ by one).
  init(
    officers: Int, perOfficer: Double, spell: Int, allowed: [Int], ordinal: [Int], horizon: Int,
    rng: RandomGenerator
  ) {
    onLeave = [UInt16](repeating: 0, count: horizon)
    spells = []
    let whole = Int(perOfficer)
    cap = Self.cap(officers: officers, days: whole + (perOfficer > Double(whole) ? 1 : 0), allowed: allowed.count)
    var taken = [Bool](repeating: false, count: allowed.count)
    for _ in 0..<officers {
      var n = whole
      if perOfficer > Double(whole) && rng.bernoulli(perOfficer - Double(whole)) { n += 1 }
      n = Swift.min(n, allowed.count)
      for k in taken.indices { taken[k] = false }
      var lengths = Array(repeating: spell, count: n / spell)
      if n % spell > 0 { lengths.append(n % spell) }
      var mine: [[Int]] = []
      for length in lengths {
        let positions = place(length, allowed: allowed, ordinal: ordinal, taken: taken, rng: rng)
        for i in positions {
          taken[i] = true
          onLeave[allowed[i]] += 1
        }
        mine.append(positions.map { allowed[$0] }.sorted())
      }
      spells.append(mine)
    }
  }

  /// Allowed positions for a spell of `length`: at random where it fits under the cap,
  /// else where it fits, else single days wherever the officer is free.
  private func place(_ length: Int, allowed: [Int], ordinal: [Int], taken: [Bool], rng: RandomGenerator) -> [Int] {
    let starts = allowed.count - length + 1
    func fits(_ i: Int, capped: Bool) -> Bool {
      guard ordinal[i + length - 1] - ordinal[i] == length - 1 else { return false }
      for k in i..<(i + length) where taken[k] || (capped && Int(onLeave[allowed[k]]) >= cap) { return false }
      return true
    }
    if starts > 0 {
      for _ in 0..<64 {
        let i = rng.uniformInt(below: starts)
        if fits(i, capped: true) { return Array(i..<(i + length)) }
      }
      for capped in [true, false] {
        let all = (0..<starts).filter { fits($0, capped: capped) }
        if !all.isEmpty {
          let i = all[rng.uniformInt(below: all.count)]
          return Array(i..<(i + length))
        }
      }
    }
    // No run of free working days is long enough: single days, the least loaded first.
    let free = allowed.indices.filter { !taken[$0] }.sorted { onLeave[allowed[$0]] < onLeave[allowed[$1]] }
    return Array(free.prefix(length))
  }
}
