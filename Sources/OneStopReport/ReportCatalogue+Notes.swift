import Foundation

extension ReportCatalogue {
  /// The heads of a prior's note (`ConfigurationSchema`'s `prior:`, before the colon), in
  /// Vietnamese; a rule's number (`R14`) is kept as it is.
  static let noteHeads: [(String, String)] = [
    ("prior, no source", "giả định, không có nguồn"), ("no source", "không có nguồn"),
  ]

  /// What a prior's note says after its head, in Vietnamese (every note a run prints).
  static let noteDetails: [(String, String)] = [
    ("all synchronised", "tất cả đã đồng bộ"), ("none", "không có"),
    ("unverified", "chưa kiểm chứng"),
    ("10 % never return", "10 % không bao giờ quay lại"), ("mean 5 wd", "trung bình 5 ngày làm việc"),
    ("60 %", "60 %"), ("mean 3 wd later", "trung bình muộn hơn 3 ngày làm việc"),
    ("5 % come before ready", "5 % đến trước khi có kết quả"), ("mean 6 min", "trung bình 6 phút"),
    ("mean 4 min", "trung bình 4 phút"), ("mean 30 min", "trung bình 30 phút"),
    ("3-8 min (R24)", "3-8 phút (R24)"), ("mean 10 min", "trung bình 10 phút"),
    ("the postal worker checks the list (R14)", "nhân viên bưu chính kiểm tra danh mục (R14)"),
    ("local rules vary (0-1 day)", "quy định địa phương khác nhau (0-1 ngày)"),
    ("transit times unverified", "thời gian vận chuyển chưa kiểm chứng"),
    ("general rule unverified", "quy tắc chung chưa kiểm chứng"),
    ("Decree 61 Art. 20 text not read", "chưa đọc văn bản Điều 20 Nghị định 61"),
    ("morning peak, ~60 % before 11:30", "cao điểm buổi sáng, ~60 % trước 11:30"),
    ("Mon +15 %, Fri -10 %", "thứ Hai +15 %, thứ Sáu -10 %"),
  ]

  /// Units of a parameter's value as a sweep file writes it (`55s`, `3wd`), longest first,
  /// in Vietnamese.
  static let valueUnits: [(String, String)] = [
    ("wd", "ngày làm việc"), ("s", "giây"), ("m", "phút"), ("h", "giờ"), ("d", "ngày"), ("%", "%"),
  ]
}

extension ReportLanguage {
  /// A prior's note in this language: English as the schema writes it; in Vietnamese its
  /// head ("prior, no source"), its detail and its count ("; 3 of 5 entries") from the
  /// catalogue. A detail the catalogue lacks is left out in Vietnamese (the head stays),
  /// never shown in English.
  public func priorNote(_ note: String) -> String {
    guard self == .vi else { return note }
    var text = Substring(note), count = ""
    if let m = note.firstMatch(of: #/; (\d+) of (\d+) (entries|units)$/#) {
      let what = m.output.3 == "units" ? "đơn vị" : "mục nhu cầu"
      count = "; \(m.output.1) trên \(m.output.2) \(what)"
      text = note[..<m.range.lowerBound]
    }
    let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    let head = parts.first ?? ""
    let viHead = ReportCatalogue.noteHeads.first { $0.0 == head }?.1 ?? (head.first == "R" ? head : "giả định")
    guard parts.count == 2 else { return viHead + count }
    guard let detail = ReportCatalogue.noteDetails.first(where: { $0.0 == parts[1] })?.1 else { return viHead + count }
    return "\(viHead): \(detail)\(count)"
  }

  /// A parameter's value as a sweep file writes it, in this language: a number in the
  /// language's format ("1,5"), a duration or share with its unit in words in Vietnamese
  /// ("55 giây", "3 ngày làm việc"; English keeps `55s`), a date as the reports write it
  /// ("05/01/2022"); anything else (a time of day, a mapping) as written.
  public func value(_ text: String) -> String {
    let t = text.trimmingCharacters(in: .whitespaces)
    func plain(_ s: String) -> String? {
      guard let x = Double(s), x.isFinite, !s.lowercased().contains("n") else { return nil }
      let decimals = s.split(separator: ".").dropFirst().first.map(\.count) ?? 0
      return number(x, decimals: decimals)
    }
    if let n = plain(t) { return n }
    for (u, vi) in ReportCatalogue.valueUnits where t.hasSuffix(u) {
      let head = String(t.dropLast(u.count)).trimmingCharacters(in: .whitespaces)
      // English keeps the file's short form (`55s`, `3wd`): no plural to get wrong.
      if let n = plain(head) { return u == "%" ? n + " %" : self == .vi ? "\(n) \(vi)" : t }
    }
    if t.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil { return date(t) }
    return t
  }

  /// The number a value starts with, for ordering a chart's axis (nil for none).
  static func leadingNumber(_ text: String) -> Double? {
    Double(String(text.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "." || $0 == "-" }))
  }
}
