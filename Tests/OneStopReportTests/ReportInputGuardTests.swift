import Foundation
import OneStopReport
import Testing

/// `onestop report` reads result files as untrusted data (issue 29): a link out of the
/// result directory is refused by name, never drawn; a file too large is refused before
/// it is read; a summary or a table that lacks what the report draws names what is missing.
@Suite struct ReportInputGuardTests {
  static func directory(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-report-guard-\(getpid())-\(name)")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func message(_ path: String) -> String {
    do {
      _ = try ReportInput.read(path)
      return "read"
    } catch { return error.description }
  }

  /// A merged sweep whose results.csv is a link to a secret: refused, the secret never read.
  @Test func aResultLinkedOutOfItsDirectoryIsRefused() throws {
    let dir = try Self.directory("leak")
    let secret = try Self.directory("leak-secret").appendingPathComponent("results.csv")
    try "id,seed,replications\nCANARY_SECRET=not-for-the-report,1,1\n".write(
      to: secret, atomically: true, encoding: .utf8)
    try "{}".write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: dir.appendingPathComponent("results.csv"), withDestinationURL: secret)
    #expect(
      Self.message(dir.path)
        == """
          \(dir.path)/results.csv: a link to a file outside \(dir.path); result files are read only from inside their \
          directory
          """
    )
    // The same for a run's summary.json linked to /etc/passwd (not .json: refused on its name).
    let run = try Self.directory("leak-run")
    try FileManager.default.createSymbolicLink(
      at: run.appendingPathComponent("summary.json"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
    #expect(Self.message(run.path) == "\(run.path)/summary.json: a link to a file that is not a .json or .csv file")
  }

  @Test func aResultFileTooLargeIsRefusedBeforeItIsRead() throws {
    let dir = try Self.directory("large")
    _ = try ReportTests.summary(dir: dir)
    let path = dir.appendingPathComponent("agencies.csv").path
    FileManager.default.createFile(atPath: path, contents: nil)
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.truncate(atOffset: UInt64(32 << 20) + 1)
    try h.close()
    #expect(Self.message(dir.path) == "\(path): the file has 33554433 bytes; result files are at most 32 MiB")
  }

  @Test func aSummaryWithoutKPIsOrWithNegativeReplicationsIsRefused() throws {
    let dir = try Self.directory("schema")
    let url = try ReportTests.summary(dir: dir)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    json["kpis"] = [String: Any]()
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    #expect(
      Self.message(dir.path)
        == "\(url.path): 'kpis' is empty; a run summary has every KPI: write it again with `onestop run --out DIR`")
    json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: try ReportTests.summary(dir: dir))) as? [String: Any])
    json["replications"] = -1
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    #expect(Self.message(dir.path) == "\(url.path): 'replications' is -1; a run has at least 1 replication")
  }

  @Test func aTableWithoutItsColumnsNamesThem() throws {
    let dir = try Self.directory("columns")
    _ = try ReportTests.summary(dir: dir)
    let hours = dir.appendingPathComponent("hours.csv")
    try "hour,count\n8,3\n".write(to: hours, atomically: true, encoding: .utf8)
    #expect(
      Self.message(dir.path)
        == "\(hours.path): missing columns 'tickets', 'wait_mean_min'; the file is broken or not written by onestop")
    try FileManager.default.removeItem(at: hours)
    #expect(Self.message(dir.path) == "read")
    // A merged sweep's results.csv without its fixed columns.
    let sweep = try Self.directory("columns-sweep")
    try "{}".write(to: sweep.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try "a,b\n1,2\n".write(to: sweep.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
    #expect(
      Self.message(sweep.path)
        == """
          \(sweep.path)/results.csv: missing columns 'id', 'seed', 'replications'; the file is broken or not written \
          by onestop
          """
    )
  }
}
