import Foundation
import OneStopIO
import OneStopScenario

/// One province of the 2025 table (`scenarios/data/national/provinces-2025.csv`).
public struct ProvinceRow: Sendable, Equatable {
  /// Slug of the name (`ha-noi`): the scenario's file name and the study's province id.
  public let id: String
  /// Statistics-office code (`01`).
  public let code: String
  /// Name with diacritics (`Hà Nội`).
  public let name: String
  /// Commune-level units on 1/7/2025 (wards, communes, special zones).
  public let units: Int
  public let population: Int
  /// The row's line in the table, for errors.
  public let line: Int
}

/// One commune-level unit of `scenarios/data/national/units-2025.csv`.
public struct UnitRow: Sendable, Equatable {
  public let id: String
  public let code: String
  public let name: String
  /// The province's id (`ProvinceRow.id`).
  public let province: String
  /// `ward`, `commune` or `special-zone`.
  public let kind: String
  public let population: Int
  /// Area in km² (of the old units the unit was formed from): drives its land dossiers.
  public let area: Double
  public let line: Int
}

/// The two national tables, read and checked together: every problem of both files is
/// reported (file, line, column), and nothing is generated from tables with a problem.
public struct NationalTables: Sendable {
  public let provinces: [ProvinceRow]
  /// Units in file order.
  public let units: [UnitRow]

  static let kinds: Set<String> = ["ward", "commune", "special-zone"]

  /// Reads `provinces` and `units`; throws every problem found.
  public init(provinces provincesPath: String, units unitsPath: String) throws(ScenarioErrors) {
    var issues: [ScenarioIssue] = []
    let p = NationalTables.read(provincesPath, required: ["id", "code", "name", "units", "population"], &issues)
    let u = NationalTables.read(
      unitsPath, required: ["id", "code", "name", "province", "kind", "population", "area_km2"], &issues)
    var provinces: [ProvinceRow] = []
    var firstLine: [String: Int] = [:]
    for r in p {
      let id = r.text("id", &issues), population = r.count("population", &issues, positive: true)
      let units = r.count("units", &issues, positive: true)
      if let first = firstLine[id] {
        issues.append(r.issue("id", "duplicated province '\(id)' (first on line \(first))"))
        continue
      }
      firstLine[id] = r.line
      provinces.append(
        ProvinceRow(
          id: id, code: r.text("code", &issues), name: r.text("name", &issues), units: units, population: population,
          line: r.line))
    }
    var units: [UnitRow] = []
    var unitLine: [String: Int] = [:], counts: [String: Int] = [:]
    for r in u {
      let id = r.text("id", &issues), province = r.text("province", &issues), kind = r.text("kind", &issues)
      let population = r.count("population", &issues, positive: true)
      let area = r.positive("area_km2", &issues)
      if firstLine[province] == nil {
        issues.append(r.issue("province", "unknown province '\(province)' (not in \(provincesPath))"))
      }
      if !NationalTables.kinds.contains(kind) {
        issues.append(r.issue("kind", "expected ward, commune or special-zone, found '\(kind)'"))
      }
      let key = province + "/" + id
      if let first = unitLine[key] {
        issues.append(r.issue("id", "duplicated unit '\(id)' in province '\(province)' (first on line \(first))"))
        continue
      }
      unitLine[key] = r.line
      counts[province, default: 0] += 1
      units.append(
        UnitRow(
          id: id, code: r.text("code", &issues), name: r.text("name", &issues), province: province, kind: kind,
          population: population, area: area, line: r.line))
    }
    for prov in provinces where issues.isEmpty || counts[prov.id] != nil {
      let n = counts[prov.id] ?? 0
      if n != prov.units {
        issues.append(
          ScenarioIssue(
            file: provincesPath, line: prov.line, column: p.first?.column("units") ?? 1, path: "column units",
            message: "\(prov.name) has \(prov.units) units here but \(n) rows in \(unitsPath) (a unit missing or extra)"
          ))
      }
    }
    if issues.count > 20 {
      let more = ScenarioIssue(
        file: unitsPath, line: 0, column: 0, path: "", message: "and \(issues.count - 20) more problems")
      issues = Array(issues.prefix(20)) + [more]
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    self.provinces = provinces
    self.units = units
  }

  /// The data rows of a CSV file with the required columns, or none (with an issue).
  static func read(_ path: String, required: [String], _ issues: inout [ScenarioIssue]) -> [CSVRow] {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
    else {
      issues.append(ScenarioIssue(file: path, line: 0, column: 0, path: "", message: "cannot read the file"))
      return []
    }
    var records = CSVReader.records(text).filter { !$0.isBlank }
    guard !records.isEmpty else {
      issues.append(ScenarioIssue(file: path, line: 1, column: 1, path: "", message: "empty table"))
      return []
    }
    let header = records.removeFirst()
    var index: [String: Int] = [:]
    for (k, h) in header.fields.enumerated() where index[h] == nil { index[h] = k }
    let missing = required.filter { index[$0] == nil }
    if !missing.isEmpty {
      issues.append(
        ScenarioIssue(
          file: path, line: header.line, column: 1, path: "header",
          message: "missing column(s) \(missing.joined(separator: ", "))"))
      return []
    }
    return records.map { CSVRow(file: path, record: $0, index: index) }
  }
}

/// A data row with its columns by name, and located problems.
struct CSVRow {
  let file: String
  let record: CSVReader.Record
  let index: [String: Int]

  var line: Int { record.line }

  func column(_ name: String) -> Int {
    guard let k = index[name], k < record.columns.count else { return record.columns.last ?? 1 }
    return record.columns[k]
  }

  func issue(_ name: String, _ message: String) -> ScenarioIssue {
    ScenarioIssue(file: file, line: line, column: column(name), path: "column \(name)", message: message)
  }

  /// The cell, required non-empty.
  func text(_ name: String, _ issues: inout [ScenarioIssue]) -> String {
    guard let k = index[name], k < record.fields.count else {
      issues.append(issue(name, "missing cell (the row has \(record.fields.count) fields)"))
      return ""
    }
    let v = record.fields[k].trimmingCharacters(in: .whitespaces)
    if v.isEmpty { issues.append(issue(name, "expected a value, found an empty cell")) }
    return v
  }

  /// The cell as a whole number, > 0 when `positive`.
  func count(_ name: String, _ issues: inout [ScenarioIssue], positive: Bool) -> Int {
    let v = text(name, &issues)
    if v.isEmpty { return 0 }
    guard let n = Int(v), n >= 0 else {
      issues.append(issue(name, "expected a whole number >= \(positive ? 1 : 0), found '\(v)'"))
      return 0
    }
    if positive && n == 0 { issues.append(issue(name, "expected a whole number >= 1, found '0'")) }
    return n
  }

  /// The cell as a finite number > 0.
  func positive(_ name: String, _ issues: inout [ScenarioIssue]) -> Double {
    let v = text(name, &issues)
    if v.isEmpty { return 0 }
    guard let x = Double(v), x.isFinite, x > 0 else {
      issues.append(issue(name, "expected a number > 0, found '\(v)'"))
      return 0
    }
    return x
  }
}
