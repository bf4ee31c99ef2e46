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
  /// Citizens' patience and balking, per unit, when the behaviour has any (empty
  /// otherwise): streams of their own, so that turning patience on changes no other draw.
  let patience: [StreamRef]
  /// Whether a paper dossier is digitised at intake, per unit, when some unit digitises a
  /// share strictly between 0 and 1 (empty otherwise: a share of 0 or 1 draws nothing).
  let digitise: [StreamRef]
  /// Whether the agency sends a timely apology (R11), per receiving unit, when
  /// `apologyCompliance` lies strictly between 0 and 1 (empty otherwise).
  let apology: [StreamRef]
  /// Keeps the streams behind the `StreamRef`s alive.
  let owners: [[RandomStream]]

  init(_ model: CompiledModel, seed: UInt64, replication: UInt64) {
    func rng(_ name: String) -> RandomStream { RandomStream(masterSeed: seed, replication: replication, source: name) }
    let names = model.names
    let arrivals = model.streams.map { s in
      let procedures = model.streamProcedures[s.procedures].map { names.procedures[Int($0)].id }
      return rng("arrivals/unit:\(names.units[s.unit].id)/\(s.channel)/\(procedures.joined(separator: ","))")
    }
    let unitStreams = names.units.map { rng("unit:\($0.id)") }
    let stationStreams = names.stations.map { rng("station:\($0.id)") }
    let patienceStreams = model.behaviour.hasImpatience ? names.units.map { rng("patience:unit:\($0.id)") } : []
    let partial = model.digitisationPeriods.contains { $0.share > 0 && $0.share < 1 }
    let digitiseStreams = partial ? names.units.map { rng("digitise:unit:\($0.id)") } : []
    let compliance = model.rules.apologyCompliance ?? 1
    let apologyStreams = compliance > 0 && compliance < 1 ? names.units.map { rng("apology:unit:\($0.id)") } : []
    owners = [arrivals, unitStreams, stationStreams, patienceStreams, digitiseStreams, apologyStreams]
    patience = patienceStreams.map(StreamRef.init)
    digitise = digitiseStreams.map(StreamRef.init)
    apology = apologyStreams.map(StreamRef.init)
    arrival = arrivals.map(StreamRef.init)
    unit = unitStreams.map(StreamRef.init)
    station = stationStreams.map(StreamRef.init)
    absence = model.stations.enumerated().map { k, s in
      s.absenceShare > 0 || s.saturdayCompensation == .timeOff ? rng("absence:\(names.stations[k].id)") : nil
    }
  }
}
