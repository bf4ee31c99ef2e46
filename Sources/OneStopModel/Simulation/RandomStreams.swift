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
  /// Keeps the streams behind the `StreamRef`s alive.
  let owners: [[RandomStream]]

  init(_ model: CompiledModel, seed: UInt64, replication: UInt64) {
    func rng(_ name: String) -> RandomStream { RandomStream(masterSeed: seed, replication: replication, source: name) }
    let names = Sources(model)
    let arrivals = names.arrival.map(rng)
    let unitStreams = names.unit.map(rng)
    let stationStreams = names.station.map(rng)
    let patienceStreams = names.patience.map(rng)
    owners = [arrivals, unitStreams, stationStreams, patienceStreams]
    patience = patienceStreams.map(StreamRef.init)
    arrival = arrivals.map(StreamRef.init)
    unit = unitStreams.map(StreamRef.init)
    station = stationStreams.map(StreamRef.init)
    absence = names.absence.map { $0.map(rng) }
  }

  /// The source names of the streams, in the order of the stream arrays: one name, one
  /// stream seed per (seed, replication).
  struct Sources {
    let arrival: [String]
    let unit: [String]
    let station: [String]
    let patience: [String]
    let absence: [String?]

    init(_ model: CompiledModel) {
      let names = model.names
      arrival = model.streams.map { s in
        let procedures = model.streamProcedures[s.procedures].map { names.procedures[Int($0)].id }
        return "arrivals/unit:\(names.units[s.unit].id)/\(s.channel)/\(procedures.joined(separator: ","))"
      }
      unit = names.units.map { "unit:\($0.id)" }
      station = names.stations.map { "station:\($0.id)" }
      patience = model.behaviour.hasImpatience ? names.units.map { "patience:unit:\($0.id)" } : []
      absence = model.stations.enumerated().map { k, s in
        s.absenceShare > 0 || s.saturdayCompensation == .timeOff ? "absence:\(names.stations[k].id)" : nil
      }
    }
  }
}

extension CompiledModel {
  /// The names of the random sources a replication draws from, one stream each, seeded
  /// from (seed, replication, name) (`StreamKey`): what a check that two runs share no
  /// stream compares.
  public var randomSources: [String] {
    let s = RandomStreams.Sources(self)
    return s.arrival + s.unit + s.station + s.patience + s.absence.compactMap { $0 }
  }
}
