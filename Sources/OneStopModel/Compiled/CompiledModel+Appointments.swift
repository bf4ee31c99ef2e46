import DESKernel

extension CompiledModel {
  /// The desk groups that keep appointments (`AppointmentConfiguration` with someone
  /// booking), as plain rows the run reads by index: empty in a model without them, and
  /// then nothing of the run changes.
  public struct Appointments: Sendable {
    /// One desk group's appointments, resolved: whole numbers of desks, slots and days.
    public struct Plan: Sendable {
      public let group: Int
      public let reserved: Int
      public let slotLength: Double
      /// Slots per reserved desk a day from the first opening (`Int.max`: as many as fit),
      /// unless `slotTimes` (seconds after midnight) is not empty.
      public let slotsPerDesk: Int
      public let slotTimes: [Int]
      public let horizonDays: Int
      public let release: Double
      public let overbooking: Double
      public let noShow: Double
      public let arriveBefore: Double
      public let lateness: Distribution
      public let grace: Double
      public let walkIns: AppointmentConfiguration.WalkInPolicy
      /// Appointments called for each walk-in (0: appointments first).
      public let k: Int
      public let bookShare: Double
      public let maxWaitDays: Int
      /// Shares who walk in and who wait for a slot beyond `maxWaitDays`; the rest give up.
      public let pWalkIn: Double
      public let pWait: Double
    }

    public let plans: [Plan]
    /// Per desk group: its plan, or -1.
    public let planOf: [Int32]
    /// Per unit × field (`unit * fieldCount + field`): the plan that books the field's
    /// citizens at the unit (the first group serving it that keeps appointments), or -1.
    public let planFor: [Int32]

    /// `true` when some desk group keeps appointments that someone books.
    public var isUsed: Bool { !plans.isEmpty }

    init(_ configs: [AppointmentConfiguration?], groups: [DeskGroup], units: Int, fields: Int) {
      var plans: [Plan] = []
      var planOf = [Int32](repeating: -1, count: groups.count)
      var planFor = [Int32](repeating: -1, count: units * fields)
      for (g, config) in configs.enumerated() {
        guard let a = config, a.bookShare > 0, g < groups.count, groups[g].count > 0 else { continue }
        planOf[g] = Int32(plans.count)
        for f in 0..<fields where groups[g].fieldMask & (UInt64(1) << UInt64(f)) != 0 {
          let q = groups[g].unit * fields + f
          if planFor[q] < 0 { planFor[q] = Int32(plans.count) }
        }
        plans.append(
          Plan(
            group: g, reserved: a.reserved(of: groups[g].count), slotLength: Swift.max(60, a.slotLength),
            slotsPerDesk: a.slotsPerDesk.map { Int($0.rounded(.down)) } ?? Int.max, slotTimes: a.slotTimes.sorted(),
            horizonDays: Int(a.horizonDays.rounded(.down)), release: a.releaseBefore, overbooking: a.overbooking,
            noShow: a.noShow, arriveBefore: a.arriveBefore, lateness: a.lateness, grace: a.grace,
            walkIns: a.walkIns, k: a.kPerWalkIn ?? 0, bookShare: a.bookShare,
            maxWaitDays: Int(a.maxWaitDays.rounded(.down)), pWalkIn: a.ifLaterWalkIn, pWait: a.ifLaterWait))
      }
      self.plans = plans
      self.planOf = planOf
      self.planFor = planFor
    }
  }
}
