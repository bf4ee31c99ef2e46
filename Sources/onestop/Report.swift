import ArgumentParser
import Foundation
import OneStopReport
import OneStopScenario
import OneStopIO

/// `onestop report`: a run's results as one self-contained HTML page for a committee.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a run's results as one self-contained HTML page (Vietnamese or English).",
    discussion: """
      Takes result directories (of `run --out`, `compare --out`, `staff --out`, `sweep merge`, `sensitivity \
      --out`) and writes one HTML file with no script and nothing loaded from outside (it opens from a USB \
      stick): headline figures with 95 % intervals, results by level and by deciding agency (most overdue \
      first), the longest desk waits, the month-by-month series, utilisation, the hour-of-day waits and the \
      assumptions the answer rests on; for a comparison, the paired differences with intervals; for a staffing \
      plan, what changes where and the trade-off curve; for a sweep, each KPI over the swept parameters; for a \
      sensitivity study, per KPI a tornado chart of the parameters by influence (Morris mu*, total Sobol \
      index) and the three it depends on most. Every chart is followed by a table of its numbers.

      Examples:
        onestop run scenarios/tuyen-quang-2022.yaml --out runs/tq
        onestop report runs/tq --out runs/tq/report.html
        onestop report runs/tq --lang en --out runs/tq/report-en.html --pdf runs/tq/report-en.pdf
        onestop compare scenarios/tuyen-quang-2022.yaml scenarios/tuyen-quang-2022-no-saturday.yaml --out runs/sat
        onestop report runs/tq runs/sat --out runs/committee.html
      """
  )

  @Argument(
    help:
      """
      Result directories: of `run --out`, `compare --out`, `staff --out`, `sweep merge` or `sensitivity --out` (one \
      page, in this order).
      """)
  var results: [String]

  @Option(help: "Language of the report: vi or en (default: the scenario's report_language, else vi).")
  var lang: String?

  @Option(help: "HTML file to write (default: report.html in the first result directory).")
  var out: String?

  @Option(help: "Also print the page to this PDF file with headless Chromium (Debian's `chromium`).")
  var pdf: String?

  @Option(
    help:
      """
        Calibration target file whose figures the run is held against (default: scenarios/targets/<scenario file \
        name> next to the run's scenario, when it exists).
        """
  )
  var targets: String?

  @Option(help: "html (one self-contained page) or markdown (the same numbers as tables, to paste into a document).")
  var format: String = "html"

  func validate() throws {
    if let lang, ReportLanguage(rawValue: lang) == nil {
      throw ValidationError("--lang must be vi or en, got '\(lang)'.")
    }
    guard format == "html" || format == "markdown" else {
      throw ValidationError("--format must be html or markdown, got '\(format)'.")
    }
    if format == "markdown" && pdf != nil {
      throw ValidationError("--pdf prints the HTML page; leave out --format markdown.")
    }
  }

  func run() throws {
    var inputs: [ReportInput]
    do { inputs = try results.map { (r: String) throws(ReportError) -> ReportInput in try ReportInput.read(r) } } catch
    {
      printError("error: " + error.description)
      throw ExitCode(2)
    }
    // Each run is held against its scenario's target file, when there is one.
    for (k, input) in inputs.enumerated() {
      guard case .run(var d) = input else { continue }
      let scenarioDir = (d.file as NSString).deletingLastPathComponent
      let guess = ((scenarioDir as NSString).appendingPathComponent("targets") as NSString).appendingPathComponent(
        (d.file as NSString).lastPathComponent)
      guard let path = targets ?? (FileManager.default.fileExists(atPath: guess) ? guess : nil) else { continue }
      do {
        let file = try TargetFile.load(path: path)
        d.targets = file.targets.map {
          var t = ReportTarget(
            kpi: $0.kpi, value: $0.value, tolerance: $0.tolerance, source: $0.source, precision: $0.precision,
            role: $0.role.rawValue)
          t.sourceVi = $0.sourceVi
          (t.atLeast, t.atMost, t.toleranceBelow) = ($0.atLeast, $0.atMost, $0.toleranceBelow)
          return t
        }
        let independent = file.targets.filter { $0.role == .independent }.count
          + file.ranks.filter { $0.role == .independent }.count
        if case .whatIf(let reason) = file.evidence {
          d.calibration = ReportCalibration(whatIf: reason, independent: independent)
        } else {
          d.calibration = ReportCalibration(whatIf: nil, independent: independent)
        }
        inputs[k] = .run(d)
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    var isDirectory: ObjCBool = false
    let first = results[0]
    let base =
      FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) && isDirectory.boolValue
      ? first : (first as NSString).deletingLastPathComponent
    // The scenario's report_language (the first run that gives one), unless --lang says.
    let fromScenario = inputs.lazy.compactMap { input -> String? in
      if case .run(let d) = input { return d.language } else { return nil }
    }.first
    let language = ReportLanguage(rawValue: lang ?? fromScenario ?? "vi") ?? .vi
    if format == "markdown" {
      let path = out ?? (base as NSString).appendingPathComponent("report.md")
      try writeAtomically(MarkdownReport.page(inputs, language: language), to: path)
      print("wrote \(path)")
      return
    }
    let path = out ?? (base as NSString).appendingPathComponent("report.html")
    let html = HTMLReport.page(inputs, language: language)
    try writeAtomically(html, to: path)
    print("wrote \(path) (\(html.utf8.count / 1024) KiB)")
    if let pdf { try printPDF(html: path, to: pdf) }
  }

  /// Prints the page with headless Chromium (no network: the page loads nothing).
  func printPDF(html: String, to pdf: String) throws {
    let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      printError("error: --pdf needs headless Chromium: apt-get install -y chromium (the HTML was written)")
      throw ExitCode(2)
    }
    let absolute = html.hasPrefix("/") ? html : FileManager.default.currentDirectoryPath + "/" + html
    let p = Process()
    p.executableURL = URL(fileURLWithPath: browser)
    p.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
      "file://" + absolute,
    ]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) else {
      printError("error: Chromium could not print \(html) to \(pdf) (exit \(p.terminationStatus))")
      throw ExitCode(1)
    }
    print("wrote \(pdf)")
  }
}
