import DESKernel

/// The random streams of one replication, one per source of randomness: each arrival
/// stream, each unit (citizens' choices at its desks), each station (work content,
/// supplements, lead times) and each station with absences. Each is seeded from
/// (seed, replication, source name), so adding a desk or a station does not shift
/// another's numbers and two variants of a scenario share random numbers.
struct RandomStreams {
  let arrival: [StreamRef]
  let unit: [StreamRef]
  let station: [StreamRef]
  /// Officer absences, per station that has any (nil otherwise).
  let absence: [RandomStream?]
  /// Planned leave, per station that plans any (nil otherwise): drawn once, before the
  /// run, from streams of their own, so that planning leave changes no other draw.
  let leave: [RandomStream?]
  /// Citizens' patience and balking, per unit, when the behaviour has any (empty
  /// otherwise): streams of their own, so that turning patience on changes no other draw.
  let patience: [StreamRef]
  /// Whether a paper dossier is digitised at intake, per unit, when some unit digitises a
  /// share strictly between 0 and 1 (empty otherwise: a share of 0 or 1 draws nothing).
  let digitise: [StreamRef]
  /// Whether the agency sends a timely apology (R11), per receiving unit, when
  /// `apologyCompliance` lies strictly between 0 and 1 (empty otherwise).
  let apology: [StreamRef]
  /// How citizens reach the desks (before opening, remote tickets, dossiers per visit,
  /// silent leaving and its absent calls), per unit, when any is used (empty otherwise).
  let desk: [StreamRef]
  /// Appointments (who books, no-shows, lateness, what those facing a far slot do), per
  /// unit, when the model has appointments (empty otherwise).
  let appointment: [StreamRef]
  /// Boundary-free filing, per home unit, when a demand entry files away (empty otherwise).
  let away: [StreamRef]
  /// Keeps the streams behind the `StreamRef`s alive.
  let owners: [[RandomStream]]

  init(_ model: CompiledModel, seed: UInt64, replication: UInt64) {
    func rng(_ name: String) -> RandomStream { RandomStream(masterSeed: seed, replication: replication, source: name) }
    let names = Sources(model)
    let arrivals = names.arrival.map(rng)
    let unitStreams = names.unit.map(rng)
    let stationStreams = names.station.map(rng)
    let patienceStreams = names.patience.map(rng)
    let digitiseStreams = names.digitise.map(rng)
    let apologyStreams = names.apology.map(rng)
    let deskStreams = names.desk.map(rng)
    let appointmentStreams = names.appointment.map(rng)
    let awayStreams = names.away.map(rng)
    owners = [
      arrivals, unitStreams, stationStreams, patienceStreams, digitiseStreams, apologyStreams, deskStreams,
      appointmentStreams, awayStreams,
    ]
    appointment = appointmentStreams.map(StreamRef.init)
    desk = deskStreams.map(StreamRef.init)
    away = awayStreams.map(StreamRef.init)
    patience = patienceStreams.map(StreamRef.init)
    digitise = digitiseStreams.map(StreamRef.init)
    apology = apologyStreams.map(StreamRef.init)
    arrival = arrivals.map(StreamRef.init)
    unit = unitStreams.map(StreamRef.init)
    station = stationStreams.map(StreamRef.init)
    absence = names.absence.map { $0.map(rng) }
    leave = names.leave.map { $0.map(rng) }
  }

  /// The source names of the streams, in the order of the stream arrays: one name, one
  /// stream seed per (seed, replication).
  struct Sources {
    let arrival: [String]
    let unit: [String]
    let station: [String]
    let patience: [String]
    let digitise: [String]
    let apology: [String]
    let desk: [String]
    let appointment: [String]
    let away: [String]
    let absence: [String?]
    let leave: [String?]

    init(_ model: CompiledModel) {
      let names = model.names
      arrival = model.streams.map { s in
        let procedures = model.streamProcedures[s.procedures].map { names.procedures[Int($0)].id }
        return "arrivals/unit:\(names.units[s.unit].id)/\(s.channel)/\(procedures.joined(separator: ","))"
      }
      unit = names.units.map { "unit:\($0.id)" }
      station = names.stations.map { "station:\($0.id)" }
      patience = model.behaviour.hasImpatience ? names.units.map { "patience:unit:\($0.id)" } : []
      let partial = model.digitisationPeriods.contains { $0.share > 0 && $0.share < 1 }
      digitise = partial ? names.units.map { "digitise:unit:\($0.id)" } : []
      let compliance = model.rules.apologyCompliance ?? 1
      apology = compliance > 0 && compliance < 1 ? names.units.map { "apology:unit:\($0.id)" } : []
      let desk = model.access.isUsed || model.behaviour.pSilentLeave > 0
      self.desk = desk ? names.units.map { "desk:unit:\($0.id)" } : []
      appointment = model.appointments.isUsed ? names.units.map { "appointment:unit:\($0.id)" } : []
      away = model.awayPool.units.isEmpty ? [] : names.units.map { "away:unit:\($0.id)" }
      absence = model.stations.enumerated().map { k, s in
        s.absenceShare > 0 || s.saturdayCompensation == .timeOff ? "absence:\(names.stations[k].id)" : nil
      }
      leave = model.stations.enumerated().map { k, s in s.plansLeave ? "leave:station:\(names.stations[k].id)" : nil }
    }
  }
}

extension CompiledModel {
  /// The names of the random sources a replication draws from, one stream each, seeded
  /// from (seed, replication, name) (`StreamKey`): what a check that two runs share no
  /// stream compares.
  public var randomSources: [String] {
    let s = RandomStreams.Sources(self)
    return s.arrival + s.unit + s.station + s.patience + s.digitise + s.apology + s.desk + s.appointment + s.away
      + s.absence.compactMap { $0 } + s.leave.compactMap { $0 }
  }
}
