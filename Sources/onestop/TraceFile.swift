import CZlib
import Foundation
import OneStopModel
import OneStopResults
import OneStopIO

/// `trace.csv`: every hand-over of every dossier of one replication, the equivalent of
/// the "Form 05" processing control sheet (Circular 01/2018/TT-VPCP), grouped by dossier and in time
/// order within a dossier. Schema in docs/results.md.
enum TraceFile {
  static let header =
    "replication,dossier,event,time_s,date,clock,unit,procedure,channel_in,step,agency,due_date,detail,wait_s"

  /// Writes the traces of `results` (each with its replication), one after the other,
  /// atomically to `path`; gzip-compressed when `path` ends in `.gz`.
  static func write(
    _ results: [(RunResult, Int)], model: CompiledModel, to path: String, bom: Bool = false
  ) throws {
    guard path.hasSuffix(".gz") else {
      var out = AtomicFile(path: path)
      try out.open()
      out.write((bom ? "\u{FEFF}" : "") + header + "\n")
      for (result, replication) in results { rows(result, replication: replication, model: model, into: &out) }
      try out.commit()
      return
    }
    // Plain text to a hidden file first, then compressed beside it and renamed into place.
    let plain = AtomicFile.temporaryPath(for: path) + ".csv"
    defer { unlink(plain) }
    var out = AtomicFile(path: plain)
    try out.open()
    out.write((bom ? "\u{FEFF}" : "") + header + "\n")
    for (result, replication) in results { rows(result, replication: replication, model: model, into: &out) }
    try out.commit()
    try gzip(plain, to: path)
  }

  /// Compresses `source` into `path` (gzip, atomically).
  static func gzip(_ source: String, to path: String) throws {
    let tmp = AtomicFile.temporaryPath(for: path)
    guard let input = FileHandle(forReadingAtPath: source), let gz = gzopen(tmp, "wb6") else {
      throw TraceWriteError(description: "cannot write \(path)")
    }
    var ok = true
    while ok, let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
      ok = chunk.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) == Int32($0.count) }
    }
    try input.close()
    guard gzclose(gz) == Z_OK, ok, rename(tmp, path) == 0 else {
      unlink(tmp)
      throw TraceWriteError(description: "cannot write \(path)")
    }
  }

  /// The rows of one replication's trace.
  static func rows(_ result: RunResult, replication: Int, model: CompiledModel, into out: inout AtomicFile) {
    let order = result.trace.indices.sorted {
      let a = result.trace[$0], b = result.trace[$1]
      return a.dossier != b.dossier ? a.dossier < b.dossier : $0 < $1
    }
    let start = CivilDate(dayNumber: model.epochDay)
    let units = model.names.units.map { ResultFiles.csv($0.id) }
    let procedures = model.names.procedures.map { ResultFiles.csv($0.id) }
    let stations = model.names.stations.map { ResultFiles.csv($0.id) }
    let purposes = ["intake", "pickup", "supplement", "postal_intake"]
    let channelsOut = ["pickup", "postal", "online"]
    let channelsIn = ChannelIn.allCases.map(\.description)
    let events = TraceEvent.allCases.map(\.name)
    // Whether a letter came in time, when the scenario times apologies (R11).
    let timed = model.rules.timesApologies
    // Dates by day index, cached: two million rows cannot afford a calendar computation each.
    var dates: [String] = []
    func date(_ day: Int) -> String {
      guard day >= 0 else { return start.adding(days: day).description }
      while dates.count <= day { dates.append(start.adding(days: dates.count).description) }
      return dates[day]
    }
    func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    let prefix = String(replication) + ","
    for k in order {
      let r = result.trace[k]
      let day = Int((r.time / 86_400).rounded(.down))
      let second = Int((r.time - Double(day) * 86_400).rounded(.down))
      let tenths = Int((r.time * 10).rounded())
      var line = prefix
      line += String(r.dossier)
      line += ","; line += events[Int(r.event.rawValue)]
      line += ","; line += String(tenths / 10); line += "."; line += String(tenths % 10)
      line += ","; line += date(day)
      line += ","; line += two(second / 3600); line += ":"; line += two(second / 60 % 60); line += ":";
      line += two(second % 60)
      line += ","; line += units[Int(r.unit)]
      line += ","; line += procedures[Int(r.procedure)]
      line += ","; line += channelsIn[r.channelIn.rawValue]
      line += ","; line += String(r.step)
      line += ","; if r.station >= 0 { line += stations[Int(r.station)] }
      line += ","; if r.dueDay >= 0 { line += date(Int(r.dueDay)) }
      line += ","
      switch r.event {
      case .ticket: line += purposes[Int(r.detail)]
      case .called: line += ","; line += String(r.detail)
      case .resolved: line += r.detail == 1 ? "on_time" : "overdue"
      case .returned: line += channelsOut[Int(r.detail)]
      case .apology: if timed { line += r.detail == ApologyTiming.onTime.rawValue ? "on_time" : "late" }
      default: break
      }
      if r.event != .called { line += "," }
      line += "\n"
      out.write(line)
    }
  }
}

/// A trace that could not be written or compressed.
struct TraceWriteError: Error, CustomStringConvertible {
  let description: String
}
