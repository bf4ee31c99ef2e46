import Foundation

/// The language of a report: labels as the provincial reports write them, and their
/// number and date formats (Vietnamese: decimal comma, thousands point, dd/mm/yyyy).
public enum ReportLanguage: String, Sendable, CaseIterable {
  case vi, en

  /// `12345.678` with `decimals` digits: "12.345,68" in Vietnamese, "12,345.68" in English.
  public func number(_ x: Double, decimals: Int = 0) -> String {
    guard x.isFinite else { return "–" }
    let negative = x < 0
    let scaled = (abs(x) * pow(10, Double(decimals))).rounded()
    let digits = String(format: "%.0f", scaled)
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let intPart = String(padded.dropLast(decimals)), fracPart = String(padded.suffix(decimals))
    var grouped = ""
    for (i, ch) in intPart.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { grouped.append(self == .vi ? "." : ",") }
      grouped.append(ch)
    }
    var out = String(grouped.reversed())
    if decimals > 0 { out += (self == .vi ? "," : ".") + fracPart }
    return (negative && scaled > 0 ? "−" : "") + out
  }

  /// A percentage: "93,32 %" / "93.32 %".
  public func percent(_ x: Double, decimals: Int = 2) -> String { number(x, decimals: decimals) + " %" }

  /// An ISO date (yyyy-mm-dd) as the reports write it: "01/01/2022" in Vietnamese,
  /// "2022-01-01" in English; a month (yyyy-mm) as "01/2022" or "2022-01".
  public func date(_ iso: String) -> String {
    let p = iso.split(separator: "-").map(String.init)
    guard self == .vi else { return iso }
    if p.count == 3 { return "\(p[2])/\(p[1])/\(p[0])" }
    if p.count == 2 { return "\(p[1])/\(p[0])" }
    return iso
  }

  /// The label of `key` in this language (the key itself when there is none).
  public func label(_ key: String) -> String {
    (self == .vi ? Self.viLabels : Self.enLabels)[key] ?? (self == .vi ? Self.viMoreLabels : Self.enMoreLabels)[key]
      ?? key
  }

  static let enLabels: [String: String] = [
    "sensitivity": "What the answer rests on (sensitivity)", "depends_most": "depends most on",
    "depends_none": "moved with none of the parameters studied",
    "tornado_mu": "Influence of each parameter (Morris mu*, with 95 % intervals)",
    "tornado_total": "Share of the variance (total Sobol index, with 95 % intervals)",
    "param": "Parameter", "range": "Range", "first_order": "First-order index", "total_index": "Total index",
    "subject.overdue_rate_of_received": "The overdue rate of received dossiers",
    "subject.on_time_rate_of_received": "The on-time rate of received dossiers",
    "subject.desk_wait_mean": "The mean desk wait", "subject.desk_wait_p90": "The 90th percentile of the desk wait",
    "subject.in_progress_end": "The number of dossiers in progress at the end",
    "subject.apologies": "The number of apology letters",
    "by_procedure": "By procedure (most overdue first)", "procedure": "Procedure",
    "hours_by_level": "Mean desk wait by hour of the ticket, by level (minutes)",
    "report_figure": "Report", "simulated": "Simulated", "tolerance": "Tolerance", "within": "Within",
    "against_report": "Against the source report's figures (calibration targets)",
    "role": "Role", "role.input": "input", "role.fitted": "fitted", "role.independent": "independent",
    "calibrated_a": "Calibrated against the source report: ",
    "calibrated_b":
      """
     independent figures are the evidence; inputs (set by the scenario) and fitted figures are shown, not \
    counted. The table holds this run's replications; the fit is judged on held-out seeds (onestop calibrate, \
    docs/calibration.md).
    """,
    "what_if_note": "A what-if example, not a calibrated province: ",
    "desk_use": "Desk utilisation by unit (the 15 busiest, % of open desk time)",
    "by_field_t": "By field (most overdue first)",
    "utilisation": "Utilisation of back offices (the 15 busiest, % of officer time)", "officers": "Officers",
    "utilisation_pct": "Utilisation %",
    "pools_months": "Utilisation of the officers present, by pool and month (%)", "pool": "Pool",
    "pools_months_note":
      "Busy officer time over the officer time at work: present in the pool's own hours, plus overtime. Cells at "
      + "or above 90 % are marked; +N h is the overtime worked that month. The pools with a marked month, then the "
      + "busiest, at most 30.",
    "hours": "Desk waits by hour of the ticket (all units)", "hour": "Hour", "tickets": "Tickets",
    "wait_mean": "Mean wait (min)",
    "compare": "Comparison: B against A (paired, common random numbers)",
    "compare_chart": "Change B - A of the headline indicators, with 95 % intervals",
    "centre_waits": "Desk waits at the busiest centre and its desk groups (B - A, paired)",
    "overrides": "with",
    "indicator": "Indicator", "difference": "B - A", "unpaired": "unpaired ±", "significant": "Significant",
    "yes": "yes", "no": "no", "staff": "Staffing plan", "changes": "What changes where", "today": "Today",
    "plan": "Plan",
    "persons": "Persons", "target": "Target", "met": "Met", "tradeoff": "Trade-off: persons added against",
    "sweep": "Parameter sweep",
    "points": "points", "sweep_chart": "over", "limit": "Limit", "point": "Point", "sweep_id": "sweep",
    "base_file": "base scenario", "point_ids": "points",
    "title": "Simulated one-stop results", "subtitle": "What the model says for this scenario",
    "period": "Period", "replications": "replications", "seed": "seed", "version": "onestop", "hash": "scenario hash",
    "run_title": "Simulation of", "scenario_id": "scenario",
    "on_time_rate_of_received": "Resolved on time, of received", "overdue_rate_of_received": "Overdue, of received",
    "in_progress_end": "In progress at the end", "apologies": "Apology letters", "received": "Received",
    "resolved_overdue": "Resolved overdue", "resolved_on_time": "Resolved on time",
    "desk_wait": "Desk wait (minutes)", "ci": "95 % interval", "by_level": "By level",
    "by_agency": "By deciding agency (most overdue first)",
    "by_field": "By field", "level": "Level", "agency": "Agency", "field": "Field", "unit": "Unit",
    "unit_name": "Name",
    "on_time_pct": "On time %", "overdue_pct": "Overdue %", "in_progress": "In progress",
    "desk_waits": "Desk waits by unit (up to 15 with a mean wait of half a minute or more; mean and 90th percentile)",
    "mean": "Mean", "p90": "90th percentile",
    "months": "Month by month", "month": "Month", "received_new": "Received (new)", "online_share": "Online share %",
    "assumptions": "Assumptions the answer rests on (priors)", "key": "Key", "value": "Value", "note": "Source or note",
    "table": "Numbers of this chart", "overdue_chart": "Overdue dossiers by deciding agency",
    "months_chart": "Dossiers per month: received, resolved on time, overdue, in progress",
    "waits_chart": "Mean desk wait by unit, with 95 % intervals (minutes)", "dossiers": "dossiers",
    "minutes": "minutes",
    "centre_wait": "Mean desk wait at", "common_scale": "bars of the same unit share one scale",
    "for_all": "over all units", "lead_no_change": "B changes none of the headline indicators significantly",
    "same_scenario": "the same scenario", "side": "Option", "compared": "Compared",
    "footer": "Means over the replications with 95 % confidence intervals (Student t). Produced by onestop from",
  ]

  static let viLabels: [String: String] = [
    "sensitivity": "Kết quả dựa vào đâu (độ nhạy)", "depends_most": "phụ thuộc nhiều nhất vào",
    "depends_none": "không thay đổi theo tham số nào đã xét",
    "tornado_mu": "Mức ảnh hưởng của từng tham số (Morris μ*, khoảng tin cậy 95 %)",
    "tornado_total": "Tỷ phần phương sai (chỉ số Sobol toàn phần, khoảng tin cậy 95 %)",
    "param": "Tham số", "range": "Khoảng", "first_order": "Chỉ số bậc nhất",
    "total_index": "Chỉ số toàn phần",
    "subject.overdue_rate_of_received": "Tỷ lệ hồ sơ trễ hạn",
    "subject.on_time_rate_of_received": "Tỷ lệ hồ sơ đúng hạn",
    "subject.desk_wait_mean": "Thời gian chờ trung bình tại quầy",
    "subject.desk_wait_p90": "Phân vị 90 của thời gian chờ tại quầy",
    "subject.in_progress_end": "Số hồ sơ đang giải quyết cuối kỳ",
    "subject.apologies": "Số thư xin lỗi",
    "province": "Tỉnh", "district": "Huyện", "commune": "Xã",
    "by_procedure": "Theo thủ tục (quá hạn nhiều nhất trước)", "procedure": "Thủ tục",
    "hours_by_level": "Thời gian chờ trung bình tại quầy theo giờ lấy số, theo cấp (phút)",
    "report_figure": "Báo cáo", "simulated": "Mô phỏng", "tolerance": "Sai số cho phép", "within": "Đạt",
    "against_report": "So với số liệu báo cáo (mục tiêu hiệu chỉnh)",
    "role": "Vai trò", "role.input": "đầu vào", "role.fitted": "đã khớp", "role.independent": "độc lập",
    "calibrated_a": "Đã hiệu chỉnh theo báo cáo nguồn: ",
    "calibrated_b":
      """
     số liệu độc lập là bằng chứng; số liệu đầu vào (kịch bản đặt sẵn) \
    và số liệu đã khớp chỉ để đối chiếu, không tính. \
    Bảng dưới dùng các lần lặp của lần chạy này; \
    việc hiệu chỉnh được đánh giá trên các hạt giống độc lập \
    (onestop calibrate, docs/calibration.md).
    """,
    "what_if_note": "Kịch bản giả định, không phải một tỉnh đã hiệu chỉnh: ",
    "desk_use": "Mức sử dụng quầy theo đơn vị (15 đơn vị bận nhất, % thời gian mở quầy)",
    "by_field_t": "Theo lĩnh vực (quá hạn nhiều nhất trước)",
    "utilisation": "Mức sử dụng cán bộ các cơ quan (15 cơ quan bận nhất, % thời gian)",
    "officers": "Số cán bộ",
    "utilisation_pct": "Mức sử dụng %",
    "pools_months": "Mức sử dụng cán bộ có mặt, theo bộ phận và tháng (%)", "pool": "Bộ phận",
    "pools_months_note":
      "Thời gian cán bộ bận trên thời gian cán bộ làm việc: có mặt trong giờ làm việc "
      + "của bộ phận, cộng giờ làm thêm. Ô từ 90 % trở lên được đánh dấu; "
      + "+N h là số giờ làm thêm trong tháng. Các bộ phận có tháng được đánh dấu, "
      + "rồi các bộ phận bận nhất, tối đa 30.",
    "hours": "Thời gian chờ tại quầy theo giờ lấy số (tất cả đơn vị)", "hour": "Giờ",
    "tickets": "Số phiếu",
    "wait_mean": "Chờ trung bình (phút)",
    "compare": "So sánh: phương án B với A (ghép cặp, cùng số ngẫu nhiên)",
    "compare_chart": "Thay đổi B - A của các chỉ tiêu chính, khoảng tin cậy 95 %",
    "centre_waits": "Thời gian chờ tại trung tâm đông nhất và từng nhóm quầy (B - A, ghép cặp)",
    "overrides": "với",
    "indicator": "Chỉ tiêu", "difference": "B - A", "unpaired": "không ghép cặp ±",
    "significant": "Có ý nghĩa",
    "yes": "có", "no": "không", "staff": "Phương án bố trí nhân lực", "changes": "Thay đổi ở đâu",
    "today": "Hiện tại",
    "plan": "Phương án",
    "persons": "Số người", "target": "Mục tiêu", "met": "Đạt",
    "tradeoff": "Đánh đổi: số người bổ sung và",
    "sweep": "Quét tham số",
    "points": "điểm", "sweep_chart": "theo", "limit": "Ngưỡng", "point": "Điểm",
    "sweep_id": "mã quét tham số",
    "base_file": "kịch bản gốc", "point_ids": "mã các điểm",
    "title": "Kết quả mô phỏng bộ phận một cửa",
    "subtitle": "Mô hình cho biết gì với kịch bản này",
    "period": "Kỳ", "replications": "lần chạy lặp", "seed": "hạt giống ngẫu nhiên", "version": "onestop",
    "hash": "mã kịch bản", "run_title": "Mô phỏng năm", "scenario_id": "kịch bản",
    "on_time_rate_of_received": "Giải quyết đúng hạn, trên số tiếp nhận",
    "overdue_rate_of_received": "Quá hạn, trên số tiếp nhận",
    "in_progress_end": "Đang giải quyết cuối kỳ", "apologies": "Thư xin lỗi", "received": "Tiếp nhận",
    "resolved_overdue": "Giải quyết quá hạn", "resolved_on_time": "Giải quyết đúng hạn",
    "desk_wait": "Thời gian chờ tại quầy (phút)", "ci": "khoảng tin cậy 95 %", "by_level": "Theo cấp",
    "by_agency": "Theo cơ quan giải quyết (quá hạn nhiều nhất trước)",
    "by_field": "Theo lĩnh vực", "level": "Cấp", "agency": "Cơ quan", "field": "Lĩnh vực",
    "unit": "Đơn vị", "unit_name": "Tên đơn vị",
    "on_time_pct": "Đúng hạn %", "overdue_pct": "Quá hạn %", "in_progress": "Đang giải quyết",
    "desk_waits":
      "Thời gian chờ tại quầy theo đơn vị (tối đa 15 đơn vị chờ trung bình từ nửa phút; "
      + "trung bình và phân vị 90)",
    "mean": "Trung bình", "p90": "Phân vị 90",
    "months": "Theo tháng", "month": "Tháng", "received_new": "Tiếp nhận mới",
    "online_share": "Tỷ lệ trực tuyến %",
    "assumptions": "Các giả định của kết quả (tham số tiên nghiệm)", "key": "Khóa",
    "value": "Giá trị",
    "note": "Nguồn hoặc ghi chú",
    "table": "Số liệu của biểu đồ", "overdue_chart": "Hồ sơ quá hạn theo cơ quan giải quyết",
    "months_chart": "Hồ sơ theo tháng: tiếp nhận, đúng hạn, quá hạn, đang giải quyết",
    "waits_chart": "Thời gian chờ trung bình tại quầy theo đơn vị, khoảng tin cậy 95 % (phút)",
    "dossiers": "hồ sơ",
    "minutes": "phút",
    "centre_wait": "Thời gian chờ trung bình tại quầy,",
    "common_scale": "các thanh cùng đơn vị đo dùng chung thang",
    "for_all": "trên toàn bộ các đơn vị",
    "lead_no_change": "Phương án B không làm thay đổi có ý nghĩa chỉ tiêu chính nào",
    "same_scenario": "cùng kịch bản", "side": "Phương án", "compared": "So sánh",
    "footer":
      "Giá trị trung bình qua các lần chạy lặp, khoảng tin cậy 95 % (Student t). "
      + "Tạo bởi onestop từ",
  ]
}
