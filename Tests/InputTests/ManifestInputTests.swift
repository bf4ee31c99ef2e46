import Foundation
import OneStopIO
import OneStopScenario
import OneStopSweep
import Testing

/// Forged manifests (a field edited and the hash recomputed, as anyone can) are refused
/// with the file and the field named, never run into a trap or merged into zeros.
@Suite struct ManifestInputTests {
  /// A planned two-point sweep of mmc.yaml in a new directory.
  static func planned(_ name: String) throws -> URL {
    let dir = try InputFiles.directory("manifest-\(name)")
    let text = InputFiles.sweep(
      "  - {key: end, values: [\"2022-01-10\"]}\n  - {key: 'units[desk-hall].desks[desks].count', values: [8, 9]}")
    let sweep = try SweepFile.load(path: try InputFiles.write(text, "sweep.yaml", in: dir))
    let manifest = try Manifest(plan: sweep, threads: 1)
    try writeAtomically(manifest.json(), to: dir.appendingPathComponent("manifest.json").path)
    return dir
  }

  /// Sets `field` to `value` in DIR/manifest.json and recomputes its hash (FNV-1a over the
  /// fields `Manifest.hash` covers).
  static func forge(_ dir: URL, _ field: String, _ value: Any) throws {
    let url = dir.appendingPathComponent("manifest.json")
    var m = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    m[field] = value
    let kpis = (m["kpis"] as? [String] ?? []).joined(separator: ","),
      parameters = (m["parameters"] as? [String] ?? []).joined(separator: ",")
    func part(_ o: [String: Any], _ key: String) -> String { o[key].map { "\($0)" } ?? "" }
    var text = "\(part(m, "format"))|\(part(m, "base_hash"))|\(part(m, "replications"))|\(kpis)|\(parameters)"
    for case let r as [String: Any] in m["rows"] as? [Any] ?? [] {
      text += "\n\(part(r, "id"))|\(part(r, "seed"))|\((r["values"] as? [String] ?? []).joined(separator: "\u{1f}"))"
    }
    m["manifest_hash"] = JournalChecksum.fnv1a(text)
    try JSONSerialization.data(withJSONObject: m).write(to: url)
  }

  static func refusal(_ dir: URL) -> String {
    do {
      _ = try Manifest(directory: dir.path)
      return "read"
    } catch { return error.description }
  }

  @Test func aForgedManifestIsRefusedByField() throws {
    let dir = try Self.planned("forged")
    #expect(Self.refusal(dir) == "read")
    let path = dir.appendingPathComponent("manifest.json").path
    try Self.forge(dir, "replications", -1)
    #expect(Self.refusal(dir) == "\(path): replications: -1; a sweep runs 1 to 10000 replications per point")
    try Self.forge(dir, "replications", 0)
    #expect(Self.refusal(dir) == "\(path): replications: 0; a sweep runs 1 to 10000 replications per point")
    try Self.forge(dir, "replications", Int.max)
    #expect(Self.refusal(dir) == "\(path): replications: \(Int.max); a sweep runs 1 to 10000 replications per point")
    try Self.forge(dir, "replications", 1)
    try Self.forge(dir, "kpis", ["no_such_kpi"])
    #expect(Self.refusal(dir) == "\(path): kpis[0]: unknown KPI \"no_such_kpi\" (see docs/results.md)")
  }

  @Test func aManifestOrPointFileLinkedOutOfItsDirectoryIsRefused() throws {
    let dir = try Self.planned("linked")
    let elsewhere = try InputFiles.directory("manifest-linked-elsewhere")
    let path = dir.appendingPathComponent("manifest.json").path
    try FileManager.default.moveItem(atPath: path, toPath: elsewhere.appendingPathComponent("manifest.json").path)
    try FileManager.default.createSymbolicLink(
      atPath: path, withDestinationPath: elsewhere.appendingPathComponent("manifest.json").path)
    #expect(
      Self.refusal(dir)
        == "\(path): a link to a file outside \(dir.path); sweep manifests are read only from inside their directory")
  }
}
