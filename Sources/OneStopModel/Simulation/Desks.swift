import DESKernel

/// The desks of every unit and the citizens and postal dossiers waiting for them: the
/// front-office resource of one replication.
///
/// Desks come in groups (`CompiledModel.deskGroups`) that serve some fields of one unit
/// on one schedule. A ticket waits in the line of its field at its unit (walk-ins and
/// postal dossiers apart), and a free desk calls the oldest ticket among the fields its
/// group serves, so the lines are per unit × field rather than per group, with a bit per
/// non-empty line to skip the empty ones. Each group's desks are a kernel `ServerSet`
/// that starts the services the model picks (`start(_:on:at:)`), not from lines of its own. A group's hours are read lazily
/// (`OneStopSimulation.refreshGroup`): its open and overtime flags hold until
/// `groupValidUntil`. Handlers in `OneStopSimulation+Desks.swift` mutate this value.
struct Desks {
  typealias Ticket = OneStopSimulation.Ticket

  /// Walk-in (postal) tickets waiting, per unit × field (`unit * fieldCount + field`).
  var walkQueues: StateArray<RingBuffer<Ticket>>
  var postalQueues: StateArray<RingBuffer<Ticket>>
  /// Per unit: bit f set when the walk-in (postal) line of field f is not empty.
  var walkWaiting: StateArray<UInt64>
  var postalWaiting: StateArray<UInt64>
  /// Per group: its desks as a kernel `ServerSet` (desk `firstDesk + k` is server k):
  /// who is served, by which desk, and the busy bookkeeping. The group's capacity is all
  /// its desks; whether it may call someone now (open, or in overtime for walk-ins) is
  /// the model's, from the group's hours.
  var servers: StateArray<ServerSet<Ticket>>
  /// Per desk: when its current service started, and its group.
  var start: StateArray<Double>
  let groupOf: [Int32]
  /// Per group: open, or in end-of-day overtime, until `groupValidUntil`.
  var groupOpen: StateArray<Bool>
  var groupOvertime: StateArray<Bool>
  var groupValidUntil: StateArray<Double>
  /// Instant of the group's pending `deskGroupWake`, or -1.
  var groupWakeAt: StateArray<Double>

  init(_ model: CompiledModel) {
    let queueCount = model.units.count * model.fieldCount
    walkQueues = StateArray(repeating: RingBuffer(reservingCapacity: 4), count: queueCount)
    postalQueues = StateArray(repeating: RingBuffer(reservingCapacity: 4), count: queueCount)
    walkWaiting = StateArray(repeating: 0, count: model.units.count)
    postalWaiting = StateArray(repeating: 0, count: model.units.count)
    servers = StateArray(model.deskGroups.map { ServerSet<Ticket>(servers: $0.count) })
    start = StateArray(repeating: 0, count: model.deskCount)
    var groupOf = [Int32](repeating: 0, count: model.deskCount)
    for (g, group) in model.deskGroups.enumerated() {
      for d in group.firstDesk..<(group.firstDesk + group.count) { groupOf[d] = Int32(g) }
    }
    self.groupOf = groupOf
    groupOpen = StateArray(repeating: false, count: model.deskGroups.count)
    groupOvertime = StateArray(repeating: false, count: model.deskGroups.count)
    groupValidUntil = StateArray(repeating: .infinity, count: model.deskGroups.count)
    groupWakeAt = StateArray(repeating: -1, count: model.deskGroups.count)
  }

  /// `true` when `desk` of group `g` (first desk `first`) is serving.
  @inline(__always)
  func isBusy(desk: Int, group g: Int, first: Int) -> Bool { servers[g].isBusy(desk - first) }
}
