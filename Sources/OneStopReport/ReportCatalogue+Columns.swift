import Foundation

extension ReportCatalogue {
  /// Column names of the result tables that are not KPI names, in Vietnamese and English.
  static let columns: [(String, String, String)] = [
    ("unit", "Mã đơn vị", "Unit"),
    ("measure_unit", "Đơn vị đo", "Unit of measure"), ("name", "Tên", "Name"), ("level", "Cấp", "Level"),
    ("parent", "Đơn vị cấp trên", "Parent unit"), ("month", "Tháng", "Month"), ("hour", "Giờ", "Hour"),
    ("station", "Mã bộ phận", "Station"), ("kind", "Loại", "Kind"), ("officers", "Số cán bộ", "Officers"),
    ("pool", "Mã nhóm cán bộ", "Pool"),
    ("replication", "Lần lặp", "Replication"),
    ("kpi", "Chỉ tiêu", "KPI"),
    ("value", "Giá trị", "Value"),
    ("tickets", "Số phiếu", "Tickets"),
    ("busy_hours", "Giờ bận", "Busy hours"),
    ("busy_desks_mean", "Số quầy bận, trung bình", "Busy desks, mean"),
    ("busy_officers_mean", "Số cán bộ bận, trung bình", "Busy officers, mean"),
    ("queue_length_mean", "Số người chờ, trung bình", "Queue length, mean"),
    ("utilisation", "Mức sử dụng", "Utilisation"),
    ("utilisation_present", "Mức sử dụng cán bộ có mặt", "Utilisation of those present"),
    ("overtime", "Làm thêm", "Overtime"),
    ("present", "Có mặt", "Present"),
    ("planned_leave", "Nghỉ phép theo kế hoạch", "Planned leave"),
    ("surge", "Ngày cao điểm", "Surge days"), ("wait_mean", "Chờ trung bình", "Mean wait"),
    ("wait_p50", "Chờ, trung vị", "Wait, median"), ("wait_p90", "Chờ, phân vị 90", "Wait, 90th percentile"),
    ("wait_p99", "Chờ, phân vị 99", "Wait, 99th percentile"),
    ("online_share", "Tỷ lệ trực tuyến", "Online share"),
    ("id", "Mã", "Id"),
    ("seed", "Hạt giống ngẫu nhiên", "Seed"),
    ("replications", "Số lần lặp", "Replications"),
    ("a", "A", "A"), ("b", "B", "B"), ("difference", "B - A", "B - A"),
    ("half_width", "Nửa khoảng tin cậy 95 %", "95 % half-width"),
    ("unpaired_half_width", "Nửa khoảng không ghép cặp", "Unpaired half-width"),
    ("significant", "Có ý nghĩa", "Significant"),
    ("label", "Tên chỉ tiêu", "Label"),
    ("mean", "Trung bình", "Mean"),
    ("key", "Khóa", "Key"), ("current", "Hiện tại", "Current"), ("plan", "Phương án", "Plan"),
    ("persons", "Số người", "Persons"), ("target", "Mục tiêu", "Target"), ("met", "Đạt", "Met"),
    ("limit", "Ngưỡng", "Limit"), ("scope", "Phạm vi", "Scope"), ("point", "Điểm", "Point"),
    ("side", "Phương án", "Side"), ("title", "Tên kịch bản", "Title"),
    ("scenario", "Mã kịch bản", "Scenario"),
    ("file", "Tệp", "File"), ("overrides", "Thay đổi (--set)", "Overrides"),
  ]
}

extension ReportLanguage {
  /// A column name of a result table (`desk_wait_p90_min_ci95_low`) as a header in this
  /// language: "Thời gian chờ tại quầy, phân vị 90 (phút), KTC 95 % thấp"; English keeps
  /// the column name scripts use. An unknown column stays as it is.
  public func column(_ header: String) -> String {
    guard self == .vi else { return header }
    var base = header, bound = ""
    let bounds = [("_ci95_low", ", KTC 95 % thấp"), ("_ci95_high", ", KTC 95 % cao")]
    for (suffix, text) in bounds where base.hasSuffix(suffix) {
      base.removeLast(suffix.count)
      bound = text
    }
    var unit = ""
    for (suffix, text) in [("_pct", " (%)"), ("_min", " (phút)"), ("_days", " (ngày)"), ("_hours", " (giờ)")]
    where base.hasSuffix(suffix) && ReportCatalogue.lookup(ReportCatalogue.columns, base, self) == nil {
      base.removeLast(suffix.count)
      unit = text
    }
    let name =
      ReportCatalogue.lookup(ReportCatalogue.columns, base, self)
      ?? ReportCatalogue.lookup(ReportCatalogue.kpis, base, self) ?? header
    return name == header ? header : name + unit + bound
  }
}
