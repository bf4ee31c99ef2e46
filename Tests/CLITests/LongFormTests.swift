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
}
