import Foundation

/// The result files `onestop report` reads, as `Decodable` structs whose keys are the ones
/// the writers encode (`SummaryFile`, `CompareFile`, `SweepSummaryFile` in the CLI and the
/// sweep module): `summary.json` of `run --out`, `compare.json` of `compare --out`, and a
/// merged sweep's `summary.json`.
///
/// Only the keys a report draws are listed, so a file written by a newer onestop with more
/// keys still reads; a key it needs that is missing or of the wrong type (a broken file, or
/// one from an older onestop) is a `ReportError` naming the file and the key path. The
/// report imports only the input guard of ours, so these mirror the writers rather than share their
/// types; `ReportTests` and the CLI tests read real output through them.
enum ReportSchema {
  /// A number that the writers print as `null` when it is not finite (NaN, infinity).
  struct Number: Decodable {
    let value: Double
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      value = c.decodeNil() ? .nan : try c.decode(Double.self)
    }
  }

  /// `{"mean": m, "ci95": [low, high]}`.
  struct Estimate: Decodable {
    let mean: Number
    let ci95: [Number]

    var value: ReportData.Estimate {
      let m = mean.value
      return ReportData.Estimate(mean: m, low: ci95.count == 2 ? ci95[0].value : m, high: ci95.count == 2 ? ci95[1].value : m)
    }
  }

  /// A row of `by_level`, `by_agency`, `by_field`, `by_procedure`.
  struct Row: Decodable {
    let key: String
    let received, resolved_on_time, resolved_overdue, in_progress_end: Estimate
    let on_time_rate_of_received, overdue_rate_of_received: Estimate
  }

  /// A row of `months`.
  struct Month: Decodable {
    let month, level: String
    let received_new, resolved_on_time, resolved_overdue, in_progress_end, online_share, desk_wait_mean_min: Estimate
  }

  /// A row of `desk_waits_by_unit`.
  struct UnitWaits: Decodable {
    let unit, level: String
    let mean_min, p90_min: Estimate
  }

  /// A row of `priors`.
  struct Prior: Decodable {
    let key, value, note: String
  }

  /// A run's `summary.json`.
  struct Summary: Decodable {
    let scenario, file, scenario_hash, onestop_version, start, end: String
    let report_language: String?
    let seed: UInt64
    let replications: Int
    let kpis: [String: Estimate]
    let units_of_kpis: [String: String]
    let by_level, by_agency, by_field, by_procedure: [Row]
    let months: [Month]
    let desk_waits_by_unit: [UnitWaits]
    let priors: [Prior]
  }

  /// `compare.json`.
  struct Compare: Decodable {
    struct Side: Decodable { let scenario, file: String }
    struct Difference: Decodable {
      let kpi, unit: String
      let a, b, difference, half_width, unpaired_half_width: Number
    }
    let a, b: Side
    let seed: UInt64
    let replications: Int
    let onestop_version: String
    let differences: [Difference]
  }

  /// A merged sweep's `summary.json`: its name and the columns of the swept parameters.
  struct SweepSummary: Decodable {
    let sweep: String
    let parameters: [String]
    let columns: [String: String]
  }

  /// `data` decoded as `T`, or a `ReportError` naming `file`, the key path and what is wrong.
  static func decode<T: Decodable>(_: T.Type, from data: Data, file: String, writer: String) throws(ReportError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
      throw ReportError("\(file): \(describe(error)); the file is broken or was written by an older onestop: write it again with `\(writer)`")
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
      return context.codingPath.isEmpty ? "not valid JSON" : "'\(path(context.codingPath))': \(context.debugDescription)"
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
    do { return try JSONDecoder().decode(Keys.self, from: data).names } catch { throw ReportError("\(file): not a JSON object") }
  }
}
