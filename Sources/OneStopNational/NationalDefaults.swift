import Foundation
import OneStopScenario

/// `scenarios/national/defaults.yaml`: the few national numbers the generator scales to
/// every province (volume, channel shares, staffing rule). Every key is required, so a
/// generated scenario never rests on a number nobody wrote down.
public struct NationalDefaults: Sendable {
  public var start = "", end = ""
  public var seed = 0, replications = 0
  /// Dossiers received nationally in `nationalWorkingDays` (4.4 million, 1/7-19/8/2025).
  public var nationalDossiers = 0.0, nationalWorkingDays = 0.0
  /// Share of first contacts the model turns into received dossiers within the period
  /// (the rest are incomplete, abandoned or still at intake): the national figure counts
  /// received dossiers, the scenarios' `annual_volume` first contacts.
  public var receivedShare = 0.0
  /// Working days a year the daily national rate is scaled to.
  public var yearWorkingDays = 0.0
  /// A province's share of the national volume is proportional to population^exponent.
  public var provinceExponent = 0.0
  /// Share of a province's dossiers filed at the provincial centre (the rest at communes).
  public var provincialShare = 0.0
  /// The driver of a unit's share of its province's commune dossiers: land dossiers
  /// (`landShare` of them) by area^`areaExponent`; the others by population^`populationExponent`
  /// times the kind's factor (communes 1).
  public var landShare = 0.0, areaExponent = 0.0, populationExponent = 0.0
  public var wardFactor = 0.0, specialZoneFactor = 0.0
  public var onlineShare = 0.0, postalShare = 0.0
  /// Province id -> online share where the province published its own.
  public var onlineShareOverrides: [String: Double] = [:]
  /// Staffing rule: officers = ceil(dossiers a working day x hours per dossier /
  /// (hours a day x utilisation)), at least `minOfficers` (per unit for communes).
  public var utilisation = 0.0, hoursPerDay = 0.0, minOfficers = 0
  public var communeHours = 0.0, landHours = 0.0, transportHours = 0.0, otherHours = 0.0
  /// Hours of a commune land officer per land dossier of the commune (split like the land dossiers).
  public var communeLandHours = 0.0
  /// Desks: ceil(walk-ins a day x intake minutes / (minutes open x utilisation)), at least 1.
  public var intakeMinutes = 0.0, communeDesks = 0
  /// Online intake officers: ceil(online dossiers a day x minutes / (minutes open x utilisation)).
  public var onlineCheckMinutes = 0.0

  /// Reads and checks the file; every problem is reported with its line.
  public init(path: String) throws(ScenarioErrors) {
    guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: 0, column: 0, path: "", message: "cannot read")])
    }
    let root = try ScenarioLoader.parse(source, file: path)
    var issues: [ScenarioIssue] = []
    func node(_ key: String) -> YNode? {
      let parts = key.split(separator: ".").map(String.init)
      var n: YNode? = root
      for p in parts { n = n?[p] }
      if n == nil { issues.append(ScenarioIssue(file: path, line: 1, column: 1, path: key, message: "missing key")) }
      return n
    }
    func number(_ key: String, min: Double, max: Double = .infinity, above: Bool = false) -> Double {
      guard let n = node(key) else { return 0 }
      guard let v = n.scalarText.flatMap(Double.init), v.isFinite, above ? v > min : v >= min, v <= max else {
        let bound = above ? "> \(min)" : ">= \(min)"
        issues.append(
          ScenarioIssue(
            file: path, line: n.line, column: n.column, path: key,
            message: "expected a number \(bound)\(max.isFinite ? " and <= \(max)" : ""), found \(n.found)"))
        return 0
      }
      return v
    }
    func text(_ key: String) -> String { node(key)?.scalarText ?? "" }
    start = text("start")
    end = text("end")
    seed = Int(number("seed", min: 0, max: 9_007_199_254_740_991))
    replications = Int(number("replications", min: 1, max: 10_000))
    nationalDossiers = number("volume.national_dossiers", min: 0)
    nationalWorkingDays = number("volume.working_days", min: 0, above: true)
    yearWorkingDays = number("volume.year_working_days", min: 0, above: true)
    receivedShare = number("volume.received_share", min: 0, max: 1, above: true)
    provinceExponent = number("volume.province_exponent", min: 0, max: 3)
    provincialShare = number("volume.provincial_share", min: 0, max: 1)
    landShare = number("volume.unit_split.land_share", min: 0, max: 1)
    areaExponent = number("volume.unit_split.area_exponent", min: 0, max: 3)
    populationExponent = number("volume.unit_split.population_exponent", min: 0, max: 3)
    wardFactor = number("volume.unit_split.ward_factor", min: 0, max: 100, above: true)
    specialZoneFactor = number("volume.unit_split.special_zone_factor", min: 0, max: 100, above: true)
    onlineShare = number("channels.online_share", min: 0, max: 1)
    postalShare = number("channels.postal_share", min: 0, max: 1)
    if case .mapping(let pairs)? = node("channels.online_share_overrides")?.kind {
      for p in pairs {
        onlineShareOverrides[p.key] = number("channels.online_share_overrides.\(p.key)", min: 0, max: 1)
      }
    }
    utilisation = number("staffing.utilisation", min: 0, max: 1, above: true)
    hoursPerDay = number("staffing.hours_per_day", min: 0, max: 24, above: true)
    minOfficers = Int(number("staffing.min_officers", min: 1, max: 1000))
    communeHours = number("staffing.commune_hours_per_dossier", min: 0)
    communeLandHours = number("staffing.commune_land_hours_per_dossier", min: 0)
    landHours = number("staffing.land_hours_per_commune_dossier", min: 0)
    transportHours = number("staffing.transport_hours_per_provincial_dossier", min: 0)
    otherHours = number("staffing.other_hours_per_provincial_dossier", min: 0)
    intakeMinutes = number("staffing.intake_minutes", min: 0, above: true)
    communeDesks = Int(number("staffing.commune_desks", min: 1, max: 100))
    onlineCheckMinutes = number("staffing.online_check_minutes", min: 0, above: true)
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
  }
}
