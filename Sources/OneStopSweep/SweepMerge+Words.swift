import OneStopModel
import OneStopResults
import OneStopScenario

extension SweepMerge {
  /// The study in words for the merged `summary.json`: the sweep's description and, read
  /// from the base file, its titles, its period (a `start` or `end` that every point sets
  /// to one value replaces the base's) and the names of its units, agencies and desk groups.
  /// The base's fields are left out when the file cannot be read or its hash is no longer
  /// the plan's `base_hash` (edited since planning): the report then falls back to the
  /// catalogue's words.
  public static func words(_ manifest: Manifest) -> SweepSummaryFile.Words {
    var words = SweepSummaryFile.Words()
    words.description = manifest.description.isEmpty ? nil : manifest.description
    words.descriptionVi = manifest.descriptionVi.isEmpty ? nil : manifest.descriptionVi
    guard let root = try? ScenarioLoader.load(path: manifest.base),
      let (scenario, model) = try? Scenario.build(root, file: manifest.base), scenario.hash == manifest.baseHash
    else { return words }
    let c = scenario.configuration
    words.title = c.names.en[ScenarioNames.Kind.title.rawValue]
    words.titleVi = c.names.vi[ScenarioNames.Kind.title.rawValue]
    func fixed(_ key: String) -> String? {
      guard let p = manifest.parameters.firstIndex(of: key) else { return nil }
      let values = Set(manifest.rows.map { $0.values[p] })
      return values.count == 1 ? values.first : nil
    }
    words.start = fixed("start") ?? c.start.description
    words.end = fixed("end") ?? c.end.description
    let names = c.names
    words.units = c.units.map {
      let name = names.name("unit:" + $0.id, own: $0.name == $0.id ? nil : $0.name, id: $0.id, in: names.language)
      return .init(id: $0.id, name: name, level: $0.level, parent: $0.parent ?? "")
    }
    words.names = ["en", "vi"].compactMap { l in
      let all = model.names.given(in: l)
      return all.isEmpty ? nil : (l, all)
    }
    return words
  }
}
