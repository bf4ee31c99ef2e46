import Foundation
import OneStopModel
import OneStopResults

/// How `onestop report` reads the JSON result files: `summary.json` of `run --out`,
/// `compare.json` of `compare --out`, a merged sweep's `summary.json` and `sensitivity.json`
/// of `sensitivity --out`. The schemas are
/// the writers' own, in `OneStopResults`: the keys come from their `Key` enums
/// (`SummaryFile.Key`, `CompareFile.Key`, `SweepSummaryFile.Key`), the rows are their row
/// types (`BreakdownRow`, `MonthRow`, `UnitWaitsRow`, `CompareDifference`), decoded with
/// the report's estimate and number.
///
/// Only the keys a report draws are read, so a file written by a newer onestop with more
/// keys still reads; a key it needs that is missing or of the wrong type (a broken file, or
/// one from an older onestop) is a `ReportError` naming the file and the key path.
/// `ReportTests` and the CLI tests read real output through them.
enum ReportSchema {
  /// A number that the writers print as `null` when it is not finite (NaN, infinity).
  struct Number: Decodable, Sendable {
    let value: Double
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      value = c.decodeNil() ? .nan : try c.decode(Double.self)
    }
  }

  /// `{"mean": m, "ci95": [low, high]}`.
  typealias Estimate = ReportData.Estimate

  /// A run's `summary.json`: the keys a report draws, named by the writer's `SummaryFile.Key`.
  struct Summary: Decodable {
    let scenario, file, scenario_hash, onestop_version, start, end: String
    let report_language: String?
    let overrides: [String]?
    let seed: UInt64
    let replications: Int
    let kpis: [String: Estimate]
    let units_of_kpis: [String: String]
    let by_level, by_agency, by_field, by_procedure: [BreakdownRow<Estimate>]
    let months: [MonthRow<Estimate>]
    let desk_waits_by_unit: [UnitWaitsRow<Estimate>]
    let priors: [SummaryPrior]
    /// The scenario's description and its procedures' names (newer summaries only).
    let description: String?
    let procedures: [ProcedureName]?
    /// Per language, names by scoped key (`unit:pasc`), when the scenario gives `name_vi`.
    let names: [String: [String: String]]?
    /// Both intervals under parameter uncertainty (`run --uncertainty`), when written.
    let uncertainty: Uncertainty?

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: SummaryFile.Key.self)
      uncertainty = try c.decodeIfPresent(Uncertainty.self, forKey: .uncertainty)
      scenario = try c.decode(String.self, forKey: .scenario)
      file = try c.decode(String.self, forKey: .file)
      scenario_hash = try c.decode(String.self, forKey: .scenario_hash)
      onestop_version = try c.decode(String.self, forKey: .onestop_version)
      start = try c.decode(String.self, forKey: .start)
      end = try c.decode(String.self, forKey: .end)
      report_language = try c.decodeIfPresent(String.self, forKey: .report_language)
      overrides = try c.decodeIfPresent([String].self, forKey: .overrides)
      seed = try c.decode(UInt64.self, forKey: .seed)
      replications = try c.decode(Int.self, forKey: .replications)
      kpis = try c.decode([String: Estimate].self, forKey: .kpis)
      units_of_kpis = try c.decode([String: String].self, forKey: .units_of_kpis)
      by_level = try c.decode([BreakdownRow<Estimate>].self, forKey: .by_level)
      by_agency = try c.decode([BreakdownRow<Estimate>].self, forKey: .by_agency)
      by_field = try c.decode([BreakdownRow<Estimate>].self, forKey: .by_field)
      by_procedure = try c.decode([BreakdownRow<Estimate>].self, forKey: .by_procedure)
      months = try c.decode([MonthRow<Estimate>].self, forKey: .months)
      desk_waits_by_unit = try c.decode([UnitWaitsRow<Estimate>].self, forKey: .desk_waits_by_unit)
      priors = try c.decode([SummaryPrior].self, forKey: .priors)
      description = try c.decodeIfPresent(String.self, forKey: .description)
      procedures = try c.decodeIfPresent([ProcedureName].self, forKey: .procedures)
      names = try c.decodeIfPresent([String: [String: String]].self, forKey: .names)
    }
  }

  /// `compare.json`: the keys a report draws, named by the writer's `CompareFile.Key`.
  struct Compare: Decodable {
    let a, b: CompareFile.Side
    let seed: UInt64
    let replications: Int
    let onestop_version: String
    let differences: [CompareDifference<Number>]
    let uncertainty: UncertaintySummary.Propagation?
    /// Every KPI at every scope (`scoped_differences`; absent in files of older versions).
    let scoped: [CompareDifference<Number>]
    /// A's units with their names (absent in files of older versions).
    let units: [CompareFile.UnitName]

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CompareFile.Key.self)
      scoped = try c.decodeIfPresent([CompareDifference<Number>].self, forKey: .scoped_differences) ?? []
      units = try c.decodeIfPresent([CompareFile.UnitName].self, forKey: .units) ?? []
      uncertainty = try c.decodeIfPresent(UncertaintySummary.Propagation.self, forKey: .uncertainty)
      a = try c.decode(CompareFile.Side.self, forKey: .a)
      b = try c.decode(CompareFile.Side.self, forKey: .b)
      seed = try c.decode(UInt64.self, forKey: .seed)
      replications = try c.decode(Int.self, forKey: .replications)
      onestop_version = try c.decode(String.self, forKey: .onestop_version)
      differences = try c.decode([CompareDifference<Number>].self, forKey: .differences)
    }
  }

  /// A merged sweep's `summary.json`: its name, the columns of the swept parameters and
  /// KPIs, each KPI's unit, the points' values as written, and (newer files only) the study
  /// in words: the description, the base scenario's titles, period, units and names.
  struct SweepSummary: Decodable {
    /// A point's id and its parameters' values as the sweep file writes them.
    struct Point: Decodable {
      let id: String
      let values: [String: String]
    }
    let sweep: String
    let base, description, descriptionVi, title, titleVi, start, end: String?
    let replications: Int?
    let parameters: [String]
    let kpis: [String: String]
    let columns: [String: String]
    let points: [Point]
    let units: [CompareFile.UnitName]
    let names: [String: [String: String]]

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: SweepSummaryFile.Key.self)
      sweep = try c.decode(String.self, forKey: .sweep)
      base = try c.decodeIfPresent(String.self, forKey: .base)
      replications = try c.decodeIfPresent(Int.self, forKey: .replications)
      parameters = try c.decode([String].self, forKey: .parameters)
      kpis = try c.decodeIfPresent([String: String].self, forKey: .kpis) ?? [:]
      columns = try c.decode([String: String].self, forKey: .columns)
      points = try c.decodeIfPresent([Point].self, forKey: .points) ?? []
      description = try c.decodeIfPresent(String.self, forKey: .description)
      descriptionVi = try c.decodeIfPresent(String.self, forKey: .description_vi)
      title = try c.decodeIfPresent(String.self, forKey: .title)
      titleVi = try c.decodeIfPresent(String.self, forKey: .title_vi)
      start = try c.decodeIfPresent(String.self, forKey: .start)
      end = try c.decodeIfPresent(String.self, forKey: .end)
      units = try c.decodeIfPresent([CompareFile.UnitName].self, forKey: .units) ?? []
      names = try c.decodeIfPresent([String: [String: String]].self, forKey: .names) ?? [:]
    }
  }

  /// `sensitivity.json`: the keys a report draws, named by the writer's `SensitivityFile.Key`.
  struct Sensitivity: Decodable {
    let scenario: String
    /// The scenario's titles and period (absent in files of older versions).
    let title, titleVi, start, end: String?
    let seed: UInt64
    let replications: Int
    let kpis: [String]
    let rows: [SensitivityRow<Number>]

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: SensitivityFile.Key.self)
      scenario = try c.decode(String.self, forKey: .scenario)
      title = try c.decodeIfPresent(String.self, forKey: .title)
      titleVi = try c.decodeIfPresent(String.self, forKey: .title_vi)
      start = try c.decodeIfPresent(String.self, forKey: .start)
      end = try c.decodeIfPresent(String.self, forKey: .end)
      seed = try c.decode(UInt64.self, forKey: .seed)
      replications = try c.decode(Int.self, forKey: .replications)
      kpis = try c.decode([String].self, forKey: .kpis)
      rows = try c.decode([SensitivityRow<Number>].self, forKey: .rows)
    }
  }

  /// `data` decoded as `T`, or a `ReportError` naming `file`, the key path and what is wrong.
  static func decode<T: Decodable>(_: T.Type, from data: Data, file: String, writer: String) throws(ReportError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
      throw ReportError(
        """
        \(file): \(describe(error)); the file is broken or was written by an older onestop: write it again with \
        `\(writer)`
        """
      )
    } catch {
      throw ReportError("\(file): \(error.localizedDescription)")
    }
  }

  /// `by_level[2].received.mean`: the key path of a decoding problem as the file writes it.
  static func path(_ keys: [any CodingKey]) -> String {
    var out = ""
    for k in keys {
      if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
    }
    return out
  }

  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "missing key '\(path(context.codingPath + [key]))'"
    case .typeMismatch(let type, let context):
      return "'\(path(context.codingPath))' is not \(what(type))"
    case .valueNotFound(let type, let context):
      return "'\(path(context.codingPath))' is null, expected \(what(type))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "not valid JSON" : "'\(path(context.codingPath))': \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  private static func what(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Double.Type, is Int.Type, is UInt64.Type: return "a number"
    case is [Any].Type: return "a list"
    case is [String: Any].Type: return "an object"
    default: return "a \(type)"
    }
  }
}

extension ReportSchema {
  /// A key of an object whose keys are data.
  private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// The top-level keys of a JSON object, to tell which writer a file is from.
  private struct Keys: Decodable {
    let names: Set<String>
    init(from decoder: any Decoder) throws {
      names = Set(try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue))
    }
  }

  /// The top-level keys of `data`, or an error when it is not a JSON object.
  static func keys(of data: Data, file: String) throws(ReportError) -> Set<String> {
    do { return try JSONDecoder().decode(Keys.self, from: data).names } catch {
      throw ReportError("\(file): not a JSON object")
    }
  }
}
