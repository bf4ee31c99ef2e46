import DESKernel

/// One administrative unit and its one-stop front office.
public struct UnitConfiguration: Sendable {
  public var id: String
  public var name: String
  /// Index into `ModelConfiguration.levels`, by name.
  public var level: String
  /// Parent unit id (nil for the top unit).
  public var parent: String?
  /// Office hours of the unit (front office and, by default, its agencies).
  public var hours: OpeningSchedule
  /// Paper accepted after this time reaches the back office the next working day (R5).
  public var transferCutoff: TimeOfDay
  /// No tickets are issued after this time; later arrivals are turned away.
  public var ticketCutoff: TimeOfDay?
  public var closingRule: ClosingRule
  public var desks: [DeskGroupConfiguration]
  /// Officers checking online submissions (working hours of the unit).
  public var onlineIntakeOfficers: Int
  /// Digitisation of paper dossiers at intake is mandatory from this date (R24): the
  /// shorthand for one period with share 1 (every paper dossier).
  public var digitisationFrom: CivilDate?
  /// The share of paper dossiers digitised at intake by period, each from its date until
  /// the next one's (none before the first); exclusive with `digitisationFrom`. The
  /// Tuyên Quang centre digitised 53 % of its walk-in dossiers in 2022 (report 004).
  public var digitisation: [DigitisationPeriod] = []
  /// How citizens reach the desks (`DeskAccess`): queues before opening, remote tickets,
  /// several dossiers per visit. The default changes nothing.
  public var access = DeskAccess()

  public init(
    id: String, name: String? = nil, level: String, parent: String? = nil,
    hours: OpeningSchedule = .standardOffice, transferCutoff: TimeOfDay = TimeOfDay(hours: 15)!,
    ticketCutoff: TimeOfDay? = nil, closingRule: ClosingRule = .serveAll,
    desks: [DeskGroupConfiguration], onlineIntakeOfficers: Int = 1, digitisationFrom: CivilDate? = nil
  ) {
    self.id = id
    self.name = name ?? id
    self.level = level
    self.parent = parent
    self.hours = hours
    self.transferCutoff = transferCutoff
    self.ticketCutoff = ticketCutoff
    self.closingRule = closingRule
    self.desks = desks
    self.onlineIntakeOfficers = onlineIntakeOfficers
    self.digitisationFrom = digitisationFrom
  }
}

/// From `from` on (until the next period of the list), a share `share` of a unit's paper
/// dossiers (walk-in and postal) is digitised at intake and takes the digitisation time.
public struct DigitisationPeriod: Sendable, Equatable {
  public var from: CivilDate
  /// 0 ... 1.
  public var share: Double

  public init(from: CivilDate, share: Double) {
    self.from = from
    self.share = share
  }
}

extension UnitConfiguration: CustomReflectable {
  /// The unit as `String(describing:)` (and so a scenario's hash) sees it: every field,
  /// except that `digitisation` appears only when given. A scenario without it keeps the
  /// hash it had before the key existed, so its baselines and sweep manifests still match.
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("id", id), ("name", name), ("level", level), ("parent", parent as Any), ("hours", hours),
      ("transferCutoff", transferCutoff), ("ticketCutoff", ticketCutoff as Any), ("closingRule", closingRule),
      ("desks", desks), ("onlineIntakeOfficers", onlineIntakeOfficers), ("digitisationFrom", digitisationFrom as Any),
    ]
    if !digitisation.isEmpty { children.append(("digitisation", digitisation)) }
    if access.isUsed { children.append(("access", access)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}

/// What happens to people still waiting for a desk when the unit closes for the day.
public enum ClosingRule: String, Sendable, CaseIterable {
  /// Desks stay open until everyone holding a ticket is served (overtime is recorded).
  case serveAll = "serve-all"
  /// Waiting people are sent home and may come back on a later working day.
  case sendHome = "send-home"
}
