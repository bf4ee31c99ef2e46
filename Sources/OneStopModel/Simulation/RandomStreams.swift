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
  /// Keeps the streams behind the `StreamRef`s alive.
  let owners: [[RandomStream]]

  init(_ model: CompiledModel, seed: UInt64, replication: UInt64) {
    func rng(_ name: String) -> RandomStream { RandomStream(masterSeed: seed, replication: replication, source: name) }
    let arrivals = model.streams.map {
      rng("arrivals/unit:\(model.units[$0.unit].id)/\($0.channel)/\($0.procedures.map { model.procedures[$0].id }.joined(separator: ","))")
    }
    let unitStreams = model.units.map { rng("unit:\($0.id)") }
    let stationStreams = model.stations.map { rng("station:\($0.id)") }
    owners = [arrivals, unitStreams, stationStreams]
    arrival = arrivals.map(StreamRef.init)
    unit = unitStreams.map(StreamRef.init)
    station = stationStreams.map(StreamRef.init)
    absence = model.hot.stations.enumerated().map { k, s in
      s.absenceShare > 0 || s.timeOff ? rng("absence:\(model.stations[k].id)") : nil
    }
  }
}
