import ArgumentParser
import Dispatch
import Foundation
import OneStopIO
import OneStopModel
import OneStopNational
import OneStopScenario

struct NationalRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a study's tasks that have no result yet (all, or one with --task).",
    discussion: "A task whose result is complete is skipped, so a rerun runs only what is missing.")

  @Argument(help: "Study directory.") var directory: String
  @Option(help: "Run only this task (0-based; a Slurm array index).") var task: Int?
  @Option(help: "Threads for one task's replications (default: the CPUs this process may use).") var threads: Int?

  func run() throws {
    let study: NationalStudy
    do { study = try NationalStudy(directory: directory) } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let runner = NationalRunner(study: study, directory: directory)
    let todo: [Int]
    if let task {
      guard study.tasks.indices.contains(task) else {
        printError("--task \(task): the study has tasks 0 to \(study.tasks.count - 1)")
        throw ExitCode(2)
      }
      todo = [task]
    } else {
      todo = Array(study.tasks.indices)
    }
    var ran = 0, skipped = 0
    for k in todo {
      do {
        if try runner.run(task: k, threads: threads ?? Replications.defaultThreads) { ran += 1 } else { skipped += 1 }
      } catch {
        printError("task \(study.tasks[k].id): \(error)")
        throw ExitCode(1)
      }
    }
    print("\(ran) tasks run, \(skipped) already done")
  }
}

struct NationalMissing: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "missing", abstract: "Print the tasks without a result, as 3,17 (empty when done).")

  @Argument(help: "Study directory.") var directory: String

  func run() throws {
    do {
      let study = try NationalStudy(directory: directory)
      print(NationalRunner(study: study, directory: directory).missing().map(String.init).joined(separator: ","))
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
  }
}

struct NationalMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge a finished study: DIR/national.csv, DIR/ranking.csv and DIR/report.html.")

  @Argument(help: "Study directory.") var directory: String
  @Option(help: "KPI the provinces are ranked by.") var rankBy = Measure.onTimeRateOfReceived.name
  @Flag(help: "Rank the lowest value first (for overdue rates, waits).") var lowestFirst = false

  func run() throws {
    let merge: NationalMerge
    do { merge = try NationalMerge(directory: directory) } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    func at(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    try writeAtomically(merge.csv(), to: at("national.csv"))
    if let r = merge.rankingCSV(by: rankBy, higherIsBetter: !lowestFirst) {
      try writeAtomically(r, to: at("ranking.csv"))
    }
    try writeAtomically(
      NationalReport.html(merge, rankBy: rankBy, higherIsBetter: !lowestFirst), to: at("report.html"))
    print("\(at("national.csv")), \(at("ranking.csv")), \(at("report.html"))")
  }
}

struct NationalCompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "A national what-if: paired differences of two merged-ready studies (B - A).")

  @Argument(help: "Study A (the baseline).") var a: String
  @Argument(help: "Study B (the what-if).") var b: String
  @Option(help: "Where to write compare.csv.") var out: String

  func run() throws {
    let c: NationalCompare
    do { c = try NationalCompare(try NationalMerge(directory: a), try NationalMerge(directory: b)) } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let path = (out as NSString).appendingPathComponent("compare.csv")
    try writeAtomically(c.csv(), to: path)
    print(path)
  }
}
