import ArgumentParser
import OneStopIO
import OneStopReport
import OneStopWorkbook

/// `--xlsx FILE` and `--lang` of run, compare, staff and sweep merge: an Excel workbook of
/// the command's tables (one sheet per table, typed numbers), with headers in the report's
/// language: `--lang`, else the scenario's `report_language`, else Vietnamese (as `report`).
struct WorkbookOptions: ParsableArguments {
  @Option(help: "Also write the tables as an Excel workbook (.xlsx): one sheet per table, numbers as numbers.")
  var xlsx: String?

  @Option(help: "Language of the workbook's headers: vi or en (default: the scenario's report_language, else vi).")
  var lang: String?

  func validate() throws {
    if let lang, ReportLanguage(rawValue: lang) == nil {
      throw ValidationError("--lang must be vi or en, got '\(lang)'.")
    }
  }

  /// Writes the tables when `--xlsx` was given; `scenarioLanguage` is the scenario's
  /// `report_language`.
  func write(scenarioLanguage: String?, _ tables: (ReportLanguage) -> [Workbook.Table]) throws {
    guard let xlsx else { return }
    let language = ReportLanguage(rawValue: lang ?? scenarioLanguage ?? "vi") ?? .vi
    try Workbook.write(tables(language), to: xlsx, language: language)
  }

  /// A CSV table of KPIs: key, name in `l`, unit, then `values` per row.
  static func kpiTable(
    _ rows: [(kpi: String, unit: String, values: [Double])], columns: [String], _ l: ReportLanguage
  ) -> String {
    var text = (["kpi", "label", "measure_unit"] + columns).joined(separator: ",") + "\n"
    for r in rows {
      let cells = [r.kpi, l.kpi(r.kpi), l.unit(r.unit)].map(JSONText.csvField) + r.values.map(JSONText.csvNumber)
      text += cells.joined(separator: ",") + "\n"
    }
    return text
  }
}
