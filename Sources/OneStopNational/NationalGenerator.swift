import Foundation
import OneStopScenario

/// Writes one two-level scenario per province from the national tables and defaults:
/// `scenarios/national/<id>.yaml` and its unit table `scenarios/national/units/<id>.csv`.
/// The output depends only on the inputs (no dates, no hash order), so a second run
/// writes the same bytes; `check` says which files differ from what is on disk.
public struct NationalGenerator: Sendable {
  public let tables: NationalTables
  public let defaults: NationalDefaults
  /// Paths as written in the generated files' headers (relative to the repository).
  public let inputs: [String]

  public init(tables: NationalTables, defaults: NationalDefaults, inputs: [String]) {
    self.tables = tables
    self.defaults = defaults
    self.inputs = inputs
  }

  /// What one province gets: its volumes, channel shares and staff.
  public struct Plan: Sendable, Equatable {
    public let province: ProvinceRow
    public let annualVolume: Int, provincialVolume: Int, communeVolume: Int
    /// The communes' land dossiers (split by area); the rest of `communeVolume` is split by
    /// population and kind.
    public let landVolume: Int
    public let onlineShare: Double
    public let communeOfficers: Int, communeLandOfficers: Int
    /// Commune leaders who sign (at least 2 a unit), shared like the people dossiers.
    public let signingOfficers: Int
    public let landOfficers: Int, transportOfficers: Int, otherOfficers: Int
    public let pascDesks: Int, pascOnlineOfficers: Int
    /// Unit id -> desks and online intake officers, for communes that need more than the
    /// defaults (`commune_desks`, one online intake officer).
    public let desks: [(String, Int, Int)]

    public static func == (a: Plan, b: Plan) -> Bool {
      a.province == b.province && a.annualVolume == b.annualVolume && a.desks.map(\.0) == b.desks.map(\.0)
        && a.desks.map(\.1) == b.desks.map(\.1)
    }
  }

  /// Every province's plan, in table order.
  public func plans() -> [Plan] {
    let d = defaults
    let annual = d.nationalDossiers / d.nationalWorkingDays * d.yearWorkingDays / d.receivedShare
    let weights = tables.provinces.map { pow(Double($0.population), d.provinceExponent) }
    let total = weights.reduce(0, +)
    let others = NationalGenerator.onlineShareOfOthers(d, tables.provinces, weights)
    var unitsOf: [String: [UnitRow]] = [:]
    for u in tables.units { unitsOf[u.province, default: []].append(u) }
    return zip(tables.provinces, weights).map { p, w in
      let volume = (annual * w / total).rounded()
      let provincial = (volume * d.provincialShare).rounded()
      let communes = volume - provincial
      let online = d.onlineShareOverrides[p.id] ?? others
      let units = unitsOf[p.id] ?? []
      func staff(_ perDay: Double, _ hours: Double, floor: Int) -> Int {
        max(floor, Int((perDay * hours / (d.hoursPerDay * d.utilisation)).rounded(.up)))
      }
      let communeDay = communes / d.yearWorkingDays, provincialDay = provincial / d.yearWorkingDays
      let minutesOpen = d.hoursPerDay * 60
      func desksFor(_ perDay: Double) -> Int {
        max(1, Int((perDay * (1 - online) * d.intakeMinutes / (minutesOpen * d.utilisation)).rounded(.up)))
      }
      func checkersFor(_ perDay: Double) -> Int {
        max(1, Int((perDay * online * d.onlineCheckMinutes / (minutesOpen * d.utilisation)).rounded(.up)))
      }
      let land = (communes * d.landShare).rounded(), landDay = land / d.yearWorkingDays
      let shares = NationalGenerator.unitShares(d, units, landShare: communes > 0 ? land / communes : 0)
      let desks = zip(units, shares).compactMap { u, share -> (String, Int, Int)? in
        let day = communeDay * share
        let n = max(d.communeDesks, desksFor(day)), c = checkersFor(day)
        return n > d.communeDesks || c > 1 ? (u.id, n, c) : nil
      }
      return Plan(
        province: p, annualVolume: Int(volume), provincialVolume: Int(provincial), communeVolume: Int(communes),
        landVolume: Int(land), onlineShare: online,
        communeOfficers: staff(communeDay - landDay, d.communeHours, floor: d.minOfficers * units.count),
        communeLandOfficers: staff(landDay, d.communeLandHours, floor: units.count),
        signingOfficers: max(
          2 * units.count,
          Int(((communeDay - landDay) * Self.signingMinutes / (Self.signingHours * 60 * d.utilisation)).rounded(.up))),
        landOfficers: staff(communeDay, d.landHours, floor: d.minOfficers),
        transportOfficers: staff(provincialDay, d.transportHours, floor: d.minOfficers),
        otherOfficers: staff(provincialDay, d.otherHours, floor: d.minOfficers),
        pascDesks: max(2, desksFor(provincialDay)), pascOnlineOfficers: checkersFor(provincialDay), desks: desks)
    }
  }

  /// The template's signing step (5 minutes a social or civil-status dossier) and its hours
  /// (13:30-17:00): 2 leaders sign at most about 60 dossiers a day at utilisation 0.6, fewer
  /// than a busy ward receives, so the leaders are sized like the other officers.
  static let signingMinutes = 5.0, signingHours = 3.5

  /// Each unit's share of its province's commune dossiers (they add up to 1): `landShare` of
  /// them split by area^`area_exponent`, the rest by population^`population_exponent` times
  /// the kind's factor, as the scenario's two commune demand entries split them.
  public static func unitShares(_ d: NationalDefaults, _ units: [UnitRow], landShare: Double) -> [Double] {
    func factor(_ kind: String) -> Double {
      kind == "ward" ? d.wardFactor : kind == "special-zone" ? d.specialZoneFactor : 1
    }
    let people = units.map { pow(Double($0.population), d.populationExponent) * factor($0.kind) }
    let land = units.map { pow($0.area, d.areaExponent) }
    let tp = people.reduce(0, +), tl = land.reduce(0, +)
    return zip(people, land).map { p, l in
      (tp > 0 ? (1 - landShare) * p / tp : 0) + (tl > 0 ? landShare * l / tl : 0)
    }
  }

  /// The online share of the provinces without their own figure, such that the national
  /// share (weighted by volume) is the defaults' `online_share`.
  static func onlineShareOfOthers(_ d: NationalDefaults, _ provinces: [ProvinceRow], _ weights: [Double]) -> Double {
    var fixed = 0.0, fixedWeight = 0.0
    for (p, w) in zip(provinces, weights) {
      if let s = d.onlineShareOverrides[p.id] {
        fixed += s * w
        fixedWeight += w
      }
    }
    let total = weights.reduce(0, +)
    guard total > fixedWeight else { return d.onlineShare }
    let share = (d.onlineShare * total - fixed) / (total - fixedWeight)
    return (min(1, max(0, share)) * 1000).rounded() / 1000
  }

  /// The files to write: relative path (under the output directory) -> text.
  public func files() -> [(path: String, text: String)] {
    var unitsOf: [String: [UnitRow]] = [:]
    for u in tables.units { unitsOf[u.province, default: []].append(u) }
    var out: [(String, String)] = []
    for plan in plans() {
      let id = plan.province.id
      out.append(("units/\(id).csv", unitTable(plan.province, unitsOf[id] ?? [])))
      out.append(("\(id).yaml", scenario(plan)))
    }
    return out
  }

  /// The province's unit table: the provincial centre, then its units in table order.
  func unitTable(_ p: ProvinceRow, _ units: [UnitRow]) -> String {
    var text = "id,name,parent,level,kind,population,area_km2,code\n"
    text += "pasc,Trung tâm Phục vụ hành chính công \(p.name),,province,,,,\(p.code)\n"
    for u in units {
      text += "\(u.id),\(csvField(u.name)),pasc,commune,\(u.kind),\(u.population),\(u.area),\(u.code)\n"
    }
    return text
  }

  func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }

  /// Writes every file under `directory` (created if needed), after all are built.
  public func write(to directory: String) throws {
    try FileManager.default.createDirectory(
      atPath: (directory as NSString).appendingPathComponent("units"), withIntermediateDirectories: true)
    for f in files() {
      try f.text.write(
        toFile: (directory as NSString).appendingPathComponent(f.path), atomically: true, encoding: .utf8)
    }
  }

  /// Paths under `directory` whose content differs from what would be generated (empty:
  /// the checked-in files regenerate byte for byte).
  public func differences(in directory: String) -> [String] {
    files().compactMap { f in
      let path = (directory as NSString).appendingPathComponent(f.path)
      let old = FileManager.default.contents(atPath: path)
      return old == Data(f.text.utf8) ? nil : f.path
    }
  }
}
