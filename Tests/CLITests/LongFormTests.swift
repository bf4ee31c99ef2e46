import Foundation
import Testing

/// The long form for researchers (issue 25): `run --long` has every replication's value at
/// every scope, and a (kpi, scope)'s mean is the mean the other files give; `months.csv`
/// says each row's scope, so a sum over one scope counts each month once.
@Suite struct LongFormTests {
  let cli = CLITests()

  static func table(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
      // The ids and names of mmc have no comma.
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
  }

  @Test func theLongFormAgreesWithTheTablesAndMonthsSayTheirScope() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-long-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let long = (dir as NSString).appendingPathComponent("long.csv")
    let (status, _, err) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--set", "end=2022-01-08", "--replications", "3", "--quiet", "--out", dir,
      "--long", long,
    ])
    #expect(status == 0, "\(err)")
    let rows = try Self.table(long)
    #expect(Set(rows.map { $0["replication"] ?? "" }) == ["0", "1", "2"])
    var values: [String: [Double]] = [:]
    for r in rows { values["\(r["kpi"]!) \(r["scope"]!)", default: []].append(Double(r["value"]!)!) }
    // Every unit's received: the mean of its three values is units.csv's.
    let units = try Self.table((dir as NSString).appendingPathComponent("units.csv"))
    #expect(!units.isEmpty)
    for u in units {
      let v = try #require(values["received unit:\(u["unit"]!)"])
      #expect(v.count == 3)
      #expect(abs(v.reduce(0, +) / 3 - Double(u["received"]!)!) <= 0.05, "\(u["unit"]!)")
    }
    // Pooled KPIs and levels are there too, three values each.
    #expect(values["received all"]?.count == 3 && values["received level:\(units[0]["level"]!)"]?.count == 3)
    // months.csv: the level rows and the total rows of a scope sum to the same total.
    let months = try Self.table((dir as NSString).appendingPathComponent("months.csv"))
    func sum(_ scope: String) -> Double {
      months.filter { $0["scope"] == scope }.map { Double($0["received_new"]!)! }.reduce(0, +)
    }
    #expect(sum("level") > 0 && abs(sum("level") - sum("all")) < 1e-6)
    #expect(months.allSatisfy { ($0["level"] == "all") == ($0["scope"] == "all") })
  }

  /// `--trace FILE.gz --trace-replications 0,2`: gzip, both replications, the wait in its own
  /// numeric column; replication 0's rows are those of a plain `--trace` of the same run.
  @Test func chosenReplicationsAreTracedCompressedWithTypedWaits() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-trace-gz-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let gz = (dir as NSString).appendingPathComponent("t.csv.gz")
    let plain = (dir as NSString).appendingPathComponent("t.csv")
    let run = ["run", "scenarios/mmc.yaml", "--set", "end=2022-01-06", "--replications", "3", "--quiet"]
    #expect(try cli.onestop(run + ["--trace", gz, "--trace-replications", "0,2"]).0 == 0)
    #expect(try cli.onestop(run + ["--trace", plain]).0 == 0)
    #expect(try cli.onestop(run + ["--trace", plain + "x", "--trace-replications", "3"]).0 == 2)
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    unzip.arguments = ["-dc", gz]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    unzip.waitUntilExit()
    #expect(data.starts(with: [0x72, 0x65, 0x70]))  // "rep": decompressed text
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(Set(rows.map { $0[0] }) == ["0", "2"])
    for f in rows {
      #expect(f.count == 14)
      if f[2] == "called" { #expect(Double(f[13]) != nil && f[12].isEmpty, "\(f)") } else { #expect(f[13].isEmpty) }
    }
    let zero = try String(contentsOfFile: plain, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(zero.count)) == zero)
  }
}
