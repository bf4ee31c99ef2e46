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
  /// Digitisation of paper dossiers at intake is mandatory from this date (R24).
  public var digitisationFrom: CivilDate?

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

/// What happens to people still waiting for a desk when the unit closes for the day.
public enum ClosingRule: String, Sendable, CaseIterable {
  /// Desks stay open until everyone holding a ticket is served (overtime is recorded).
  case serveAll = "serve-all"
  /// Waiting people are sent home and may come back on a later working day.
  case sendHome = "send-home"
}
