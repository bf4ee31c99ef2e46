import Foundation
import Testing

extension CLITests {
  /// `onestop compare A --set-b KEY=V`: B is A with the override, which the header,
  /// compare.json and the list of changes name; every KPI at every scope gets a paired
  /// difference (the desk group's among them); A against itself differs nowhere.
  @Test func compareAtEveryScopeWithOverrides() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-compare-\(getpid())").path
    let (status, out, err) = try onestop([
      "compare", "scenarios/mmc.yaml", "--set", "end=2022-01-06", "--set-b", "units[desk-hall].desks[desks].count=9",
      "--replications", "3", "--out", dir,
    ])
    #expect(status == 0, "\(err)")
    #expect(out.contains("B: mmc (scenarios/mmc.yaml) with --set end=2022-01-06 --set units[desk-hall]"))
    #expect(out.contains("What B changes (1 keys):\n  units[desk-hall].desks[desks].count: 8 -> 9"), "\(out)")
    #expect(out.contains("Desk waits at the busiest centre (desk-hall)"))
    #expect(out.contains("desk_wait_p90@desk:desk-hall/desks"))
    let data = try Data(contentsOf: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("compare.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let b = try #require(json["b"] as? [String: Any]), a = try #require(json["a"] as? [String: Any])
    #expect(b["overrides"] as? [String] == ["end=2022-01-06", "units[desk-hall].desks[desks].count=9"])
    #expect(a["overrides"] as? [String] == ["end=2022-01-06"])
    // Each side's title and period, for a report that names it in words (issue 25).
    for side in [a, b] {
      #expect(side["title"] as? String == "M/M/8 reference queue")
      #expect(side["title_vi"] as? String == "Hàng đợi tham chiếu M/M/8")
      #expect(side["start"] as? String == "2022-01-03" && side["end"] as? String == "2022-01-06")
    }
    let changes = try #require(json["changes"] as? [[String: String]])
    #expect(changes == [["key": "units[desk-hall].desks[desks].count", "a": "8", "b": "9"]])
    let scoped = try #require(json["scoped_differences"] as? [[String: Any]])
    let desk = try #require(scoped.first { $0["kpi"] as? String == "desk_wait_mean@desk:desk-hall/desks" })
    #expect(desk["scope"] as? String == "desk")
    // A ninth desk at rho = 0.9 shortens the wait in every replication (same citizens).
    #expect((desk["difference"] as? Double ?? 0) < 0 && (desk["significance"] as? Double ?? 0) > 1, "\(desk)")
    let scopes = Set(scoped.compactMap { $0["scope"] as? String })
    #expect(scopes == ["total", "level", "unit", "desk", "agency", "field"])
    let csv = try String(contentsOfFile: (dir as NSString).appendingPathComponent("compare.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == scoped.count + 1)
    let names = scoped.compactMap { $0["kpi"] as? String }
    #expect(Set(names).count == names.count)

    let (same, sameOut, _) = try onestop([
      "compare", "scenarios/mmc.yaml", "--set", "end=2022-01-06", "--replications", "2",
    ])
    #expect(same == 0)
    #expect(sameOut.contains("A and B simulate the same configuration."))
    #expect(sameOut.contains("(none: A and B agree at every scope)"), "\(sameOut)")
  }

  /// A whole-run measure the scenario uses (queue_at_opening, in the pooled table) is
  /// compared once, not again among the scoped differences.
  @Test func aUsedDeskMeasureIsComparedOnce() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-compare1-\(getpid())").path
    let (status, out, err) = try onestop([
      "compare", "scenarios/mmc.yaml", "--set", "end=2022-01-06", "--set", "units[desk-hall].before_opening_share=0.3",
      "--set-b", "units[desk-hall].desks[desks].count=9", "--replications", "2", "--out", dir,
    ])
    #expect(status == 0, "\(err)")
    #expect(out.contains("queue_at_opening"))
    let data = try Data(contentsOf: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("compare.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let scoped = try #require(json["scoped_differences"] as? [[String: Any]])
    let names = scoped.compactMap { $0["kpi"] as? String }
    #expect(names.filter { $0 == "queue_at_opening" }.count == 1, "\(names.filter { $0.hasPrefix("queue_at") })")
    #expect(Set(names).count == names.count)
  }
}
