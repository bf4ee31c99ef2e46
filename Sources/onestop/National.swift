import ArgumentParser
import Foundation
import OneStopIO
import OneStopModel
import OneStopNational
import OneStopScenario

/// `onestop national`: the whole country, one scenario per province, as one study.
struct National: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The whole country: generate the 34 province scenarios, run them as one study anywhere, merge.",
    discussion: """
      The generator writes one two-level scenario per province from the national tables (docs/national.md). A \
      study cuts the provinces' replications into tasks (province x block of replications) that run here, with GNU \
      parallel or as a Slurm array (scripts/national/), resumable; merge builds the national result: replication r \
      of the nation is replication r of every province.

        onestop national generate                # scenarios/national/*.yaml from the tables
        onestop national plan scenarios/national --replications 10 --out runs/nation
        onestop national run runs/nation         # every missing task here
        onestop national run runs/nation --task 7   # one task (a Slurm array task)
        onestop national missing runs/nation     # e.g. 3,17 (for sbatch --array)
        onestop national merge runs/nation       # national.csv, ranking.csv, report.html
        onestop national plan scenarios/national --replications 10 --out runs/what-if \\
            --set 'behaviour.p_never_supplement=0.05'   # a what-if on the same seeds
        onestop national run runs/what-if
        onestop national compare runs/nation runs/what-if --out runs/compare
      """,
    subcommands: [
      NationalGenerate.self, NationalPlan.self, NationalRun.self, NationalMissing.self, NationalMergeCommand.self,
      NationalCompareCommand.self, NationalCheck.self,
    ]
  )
}

struct NationalGenerate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write one scenario per province (and its unit table) from the national tables and defaults.",
    discussion: """
      Every problem of the tables (a missing or duplicated unit, an unknown province, a population or an area \
      of zero, a negative volume) is reported with its file, line and column, and then nothing is written. \
      --check writes nothing and exits 1 when a checked-in file differs from what would be generated.
      """
  )

  @Option(help: "Province table.") var provinces = "scenarios/data/national/provinces-2025.csv"
  @Option(help: "Unit table.") var units = "scenarios/data/national/units-2025.csv"
  @Option(help: "National defaults.") var defaults = "scenarios/national/defaults.yaml"
  @Option(help: "Output directory.") var out = "scenarios/national"
  @Flag(help: "Write nothing; list the files that differ from what would be generated.") var check = false

  func run() throws {
    let generator: NationalGenerator
    do {
      let tables = try NationalTables(provinces: provinces, units: units)
      generator = NationalGenerator(
        tables: tables, defaults: try NationalDefaults(path: defaults), inputs: [provinces, units, defaults])
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    if check {
      let diff = generator.differences(in: out)
      for d in diff { print("differs: \((out as NSString).appendingPathComponent(d))") }
      if !diff.isEmpty { throw ExitCode(1) }
      print("\(generator.files().count) files identical under \(out)")
      return
    }
    try generator.write(to: out)
    print("\(generator.tables.provinces.count) provinces, \(generator.tables.units.count) units -> \(out)")
  }
}

struct NationalPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Build every province scenario and write DIR/national.json (tasks, seeds).")

  @Argument(help: "Province scenarios, or a directory of them (its defaults.yaml is skipped).")
  var files: [String]
  @Option(help: "Study directory to create.") var out: String
  @Option(help: "Replications per province.") var replications = 10
  @Option(help: "Replications per task.") var block = 10
  @Option(help: "Master seed (0 to 2^53 - 1); the same seed pairs two studies.") var seed: UInt64 = 2025
  @Option(help: "A --set for every province (a national what-if), repeatable.") var set: [String] = []
  @Option(help: "KPIs, comma-separated; `all` (the default) is every KPI a province result has.") var kpis = "all"

  func run() throws {
    var paths: [String] = []
    for f in files {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: f, isDirectory: &isDir), isDir.boolValue {
        let names = (try FileManager.default.contentsOfDirectory(atPath: f)).filter {
          $0.hasSuffix(".yaml") && $0 != "defaults.yaml"
        }
        paths += names.sorted().map { (f as NSString).appendingPathComponent($0) }
      } else {
        paths.append(f)
      }
    }
    let study: NationalStudy
    do {
      study = try NationalStudy(
        files: paths, seed: seed, replications: replications, block: block, sets: set,
        kpis: kpis.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    try FileManager.default.createDirectory(
      atPath: (out as NSString).appendingPathComponent("logs"), withIntermediateDirectories: true)
    try writeAtomically(study.json(), to: (out as NSString).appendingPathComponent("national.json"))
    print(
      """
      \(out)/national.json: \(study.provinces.count) provinces x \(study.replications) replications, \
      \(study.tasks.count) tasks of up to \(study.block) (plan \(study.hash), \(study.kpis.count) KPIs)
      """)
  }
}
