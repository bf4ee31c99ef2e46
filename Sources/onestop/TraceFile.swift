import Foundation
import OneStopModel
import OneStopResults
import OneStopIO

/// `trace.csv`: every hand-over of every dossier of one replication, the equivalent of
/// the "Form 05" processing control sheet (Circular 01/2018/TT-VPCP), grouped by dossier and in time
/// order within a dossier. Schema in docs/results.md.
enum TraceFile {
  static let header =
    "replication,dossier,event,time_s,date,clock,unit,procedure,channel_in,step,agency,due_date,detail"

  /// Writes the trace of `result` (replication `replication`) atomically to `path`.
  static func write(
    _ result: RunResult, replication: Int, model: CompiledModel, to path: String, bom: Bool = false
  ) throws {
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
    var out = AtomicFile(path: path)
    try out.open()
    out.write((bom ? "\u{FEFF}" : "") + header + "\n")
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
      case .called: line += "waited_s="; line += String(r.detail)
      case .resolved: line += r.detail == 1 ? "on_time" : "overdue"
      case .returned: line += channelsOut[Int(r.detail)]
      case .apology: if timed { line += r.detail == ApologyTiming.onTime.rawValue ? "on_time" : "late" }
      default: break
      }
      line += "\n"
      out.write(line)
    }
    try out.commit()
  }
}
