import Foundation
import OneStopModel
import OneStopSweep

/// `trace.csv`: every hand-over of every dossier of one replication, the equivalent of
/// the "Form 05" processing control sheet (DOMAIN.md R4), grouped by dossier and in time
/// order within a dossier. Schema in docs/results.md.
enum TraceFile {
  static let header = "replication,dossier,event,time_s,date,clock,unit,procedure,channel_in,step,agency,due_date,detail"

  /// Writes the trace of `result` (replication `replication`) atomically to `path`.
  static func write(_ result: RunResult, replication: Int, model: CompiledModel, to path: String) throws {
    let order = result.trace.indices.sorted {
      let a = result.trace[$0], b = result.trace[$1]
      return a.dossier != b.dossier ? a.dossier < b.dossier : $0 < $1
    }
    let start = model.configuration.start
    let units = model.units.map { ResultFiles.csv($0.id) }
    let procedures = model.procedures.map { ResultFiles.csv($0.id) }
    let stations = model.stations.map { ResultFiles.csv($0.id) }
    let purposes = ["intake", "pickup", "supplement", "postal_intake"]
    let channelsOut = ["pickup", "postal", "online"]
    var out = AtomicFile(path: path)
    try out.open()
    out.write(header + "\n")
    for k in order {
      let r = result.trace[k]
      let day = Int((r.time / 86_400).rounded(.down))
      let second = Int((r.time - Double(day) * 86_400).rounded(.down))
      let detail: String
      switch r.event {
      case .ticket: detail = purposes[Int(r.detail)]
      case .called: detail = "waited_s=\(r.detail)"
      case .resolved: detail = r.detail == 1 ? "on_time" : "overdue"
      case .returned: detail = channelsOut[Int(r.detail)]
      default: detail = ""
      }
      var line = String(replication)
      line += ","; line += String(r.dossier)
      line += ","; line += r.event.name
      line += ","; line += fmt(r.time, 1)
      line += ","; line += start.adding(days: day).description
      line += ","; line += String(format: "%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60)
      line += ","; line += units[Int(r.unit)]
      line += ","; line += procedures[Int(r.procedure)]
      line += ","; line += r.channelIn.description
      line += ","; line += String(r.step)
      line += ","; line += r.station >= 0 ? stations[Int(r.station)] : ""
      line += ","; line += r.dueDay >= 0 ? start.adding(days: Int(r.dueDay)).description : ""
      line += ","; line += detail
      line += "\n"
      out.write(line)
    }
    try out.commit()
  }
}
