import ArgumentParser
import Foundation
import OneStopReport
import OneStopSweep

/// `onestop report`: a run's results as one self-contained HTML page for a committee.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a run's results as one self-contained HTML page (Vietnamese or English).",
    discussion: """
      Takes the directory written by `onestop run --out DIR` and writes one HTML file with no script and nothing loaded from outside (it opens from a USB stick): headline figures with 95 % intervals, results by level and by deciding agency (most overdue first), the longest desk waits, the month-by-month series, and the assumptions the answer rests on. Every chart is followed by a table of its numbers.

      Examples:
        onestop run scenarios/tuyen-quang-2022.yaml --out runs/tq
        onestop report runs/tq --out runs/tq/report.html
        onestop report runs/tq --lang en --out runs/tq/report-en.html
      """
  )

  @Argument(help: "Result directory of `onestop run --out DIR` (or its summary.json).")
  var result: String

  @Option(help: "Language of the report: vi or en.")
  var lang: String = "vi"

  @Option(help: "HTML file to write (default: RESULT/report.html).")
  var out: String?

  func validate() throws {
    guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang must be vi or en, got '\(lang)'.") }
  }

  func run() throws {
    let data: ReportData
    do { data = try ReportData(path: result) } catch {
      printError("error: " + error.description)
      throw ExitCode(2)
    }
    var isDirectory: ObjCBool = false
    let base = FileManager.default.fileExists(atPath: result, isDirectory: &isDirectory) && isDirectory.boolValue ? result : (result as NSString).deletingLastPathComponent
    let path = out ?? (base as NSString).appendingPathComponent("report.html")
    let html = HTMLReport.html(data, language: ReportLanguage(rawValue: lang)!)
    try writeAtomically(html, to: path)
    print("wrote \(path) (\(html.utf8.count / 1024) KiB)")
  }
}
