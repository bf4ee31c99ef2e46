import DESKernel
import OneStopModel

extension ConfigurationSchema {
  /// `units[].desks[].appointments`: appointments at the desk group beside the walk-ins
  /// (`AppointmentConfiguration`, docs/model-assumptions.md).
  public static var appointments: [ConfigurationKey<AppointmentConfiguration>] {
    [
      ConfigurationKey(
        "book_share", .probability, .number(\.bookShare),
        doc: "Share of new walk-in citizens of the group's fields who book a slot (default 0: the block changes "
          + "nothing)."),
      ConfigurationKey(
        "slot_length", .duration(.seconds), .number(\.slotLength), doc: "Length of a slot (default 15m)."),
      ConfigurationKey(
        "slots_per_desk", .number(min: 1, max: 1000, what: "a number of slots"), .optionalNumber(\.slotsPerDesk),
        doc: "Slots a day per reserved desk, laid from the group's first opening within its hours (default `null`: "
          + "as many as fit)."),
      .custom(
        "slot_times", .other("list of times `\"08:00\"`"),
        doc: "The day's slot start times, a template used instead of `slots_per_desk` (a time when the group is "
          + "closed has no slot)."),
      ConfigurationKey(
        "reserved_desks", .number(min: 1, max: Double(ModelLimits.desksPerGroup), what: "a number of desks"),
        .optionalNumber(\.reservedDesks),
        doc: "Desks reserved for appointments, each taking one holder per slot (default `null`: `reserved_share`)."),
      ConfigurationKey(
        "reserved_share", .probability, .number(\.reservedShare),
        doc: "Share of the group's desks reserved, rounded, at least one (default 0.5)."),
      ConfigurationKey(
        "horizon_days", .number(min: 0, max: 366, what: "a number of days"), .number(\.horizonDays),
        doc: "Days ahead a slot can be booked (default 14; 0: today only)."),
      ConfigurationKey(
        "release_before", .duration(.seconds), .number(\.releaseBefore),
        doc: "Booking closes this long before a slot; unbooked places are then released to walk-ins (default 0)."),
      ConfigurationKey(
        "overbooking", .number(min: 0, max: 1, what: "a share of the reserved desks"), .number(\.overbooking),
        doc: "Extra bookings per slot as a share of the reserved desks, spread over the day (default 0)."),
      ConfigurationKey(
        "no_show", .probability, .number(\.noShow),
        doc: "Share of booked citizens who never come (default 0; 25-48 % at DMVs abroad)."),
      ConfigurationKey(
        "arrive_before", .duration(.seconds), .number(\.arriveBefore),
        doc: "Holders aim to arrive this long before their slot (default 10m)."),
      ConfigurationKey(
        "lateness", .distribution(.seconds), .distribution(\.lateness),
        doc: "Added to that aim: how late they actually are (default uniform 0-15 min, no source)."),
      ConfigurationKey(
        "grace", .duration(.seconds), .number(\.grace),
        doc: "Later than this after the slot the appointment is cancelled and they join the walk-ins (default 10m, "
          + "Đà Nẵng)."),
      .choice(
        "walk_ins", \.walkIns,
        doc: "Walk-ins at any desk in the call order; at the other desks only (reserved ones when no holder is due "
          + "within `release_before`); slots before noon and walk-ins at reserved desks after; or at reserved desks "
          + "only when no holder is due (standby)."),
      .custom(
        "call_order", .other("`appointments_first`, or `{k_per_walk_in: K}`"),
        doc: "Which line a desk that may call both calls (default `appointments_first`)."),
      ConfigurationKey(
        "max_wait_days", .number(min: 0, max: 366, what: "a number of days"), .number(\.maxWaitDays),
        doc: "A citizen whose first free slot is further away does what `if_later` says (default 7)."),
      .custom(
        "if_later", .other("`{walk_in: P, wait: P, give_up: P}` summing to 1"),
        doc: "Shares who then walk in, book the far slot anyway, or give up the dossier (default all walk in)."),
    ]
  }
}
