import DESKernel

/// The desks of every unit and the citizens and postal dossiers waiting for them: the
/// front-office resource of one replication.
///
/// Desks come in groups (`CompiledModel.deskGroups`) that serve some fields of one unit
/// on one schedule. A ticket waits in the line of its field at its unit (walk-ins and
/// postal dossiers apart), and a free desk calls the oldest ticket among the fields its
/// group serves, so the lines are per unit × field rather than per group, with a bit per
/// non-empty line to skip the empty ones. A group's hours are read lazily
/// (`OneStopSimulation.refreshGroup`): its open and overtime flags hold until
/// `groupValidUntil`. Handlers in `OneStopSimulation+Desks.swift` mutate this value.
struct Desks {
  typealias Ticket = OneStopSimulation.Ticket

  /// Walk-in (postal) tickets waiting, per unit × field (`unit * fieldCount + field`).
  var walkQueues: [RingBuffer<Ticket>]
  var postalQueues: [RingBuffer<Ticket>]
  /// Per unit: bit f set when the walk-in (postal) line of field f is not empty.
  var walkWaiting: [UInt64]
  var postalWaiting: [UInt64]
  /// Per desk: serving, whom, since when, and its group.
  var busy: [Bool]
  var ticket: [Ticket]
  var start: [Double]
  let groupOf: [Int32]
  /// Per group: open, or in end-of-day overtime, until `groupValidUntil`.
  var groupOpen: [Bool]
  var groupOvertime: [Bool]
  var groupValidUntil: [Double]
  /// Instant of the group's pending `deskGroupWake`, or -1.
  var groupWakeAt: [Double]

  init(_ model: CompiledModel) {
    let queueCount = model.units.count * model.fieldCount
    walkQueues = Array(repeating: RingBuffer(reservingCapacity: 4), count: queueCount)
    postalQueues = Array(repeating: RingBuffer(reservingCapacity: 4), count: queueCount)
    walkWaiting = Array(repeating: 0, count: model.units.count)
    postalWaiting = Array(repeating: 0, count: model.units.count)
    busy = Array(repeating: false, count: model.deskCount)
    ticket = Array(repeating: Ticket(dossier: -1, purpose: .intake, issuedAt: 0), count: model.deskCount)
    start = Array(repeating: 0, count: model.deskCount)
    var groupOf = [Int32](repeating: 0, count: model.deskCount)
    for (g, group) in model.deskGroups.enumerated() {
      for d in group.firstDesk..<(group.firstDesk + group.count) { groupOf[d] = Int32(g) }
    }
    self.groupOf = groupOf
    groupOpen = Array(repeating: false, count: model.deskGroups.count)
    groupOvertime = Array(repeating: false, count: model.deskGroups.count)
    groupValidUntil = Array(repeating: .infinity, count: model.deskGroups.count)
    groupWakeAt = Array(repeating: -1, count: model.deskGroups.count)
  }
}
