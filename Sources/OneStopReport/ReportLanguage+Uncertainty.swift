extension ReportLanguage {
  /// Labels of parameter uncertainty: where a range comes from, the interval of noise and
  /// parameters, what the answer depends on most, and how often B beats A.
  static let enMoreLabels: [String: String] = [
    "origin.scenario": "scenario", "origin.fitted": "fitted", "origin.default": "default ±25 %",
    "origin.param": "given", "origin": "Range from",
    "default_range_note": "no source: the printed prior's value ±25 % (±1 h for a time of day)",
    "ci_total": "with parameter uncertainty", "uncertainty": "What the answer rests on (parameter uncertainty)",
    "parameter_sets": "parameter sets", "ranges": "Ranges of the parameters",
    "variance_share": "Share of the variance across the parameter sets (%)",
    "better_share": "is better than A in", "higher_share": "is higher than A in",
    "of_sets": "of the plausible parameter sets", "ci_noise": "noise only",
    "subject.received": "The number of dossiers received", "subject.served_same_day": "The share served the same day",
    "subject.resolved_overdue": "The number of dossiers resolved overdue",
    "subject.turned_away": "The number of citizens turned away",
    "depends_unclear": "depends on no parameter clearly (no share of its variance significant at 5 %)",
    "index766": "Service index (Decision 766/QĐ-TTg)",
    "index766_note": "Points per group as the national portal scores them; timeliness (TDGQ) counts open overdue "
      + "dossiers late in every month. Groups partly from the scenario's inputs (docs/results.md).",
    "index_total": "Total (100)", "CKMB": "Transparency (18)", "TDGQ": "Timeliness (20)", "DVCTT": "Online (12)",
    "TTTT": "Payment (10)", "MDSH": "Digitisation (22)", "MDHL": "Satisfaction (18)",
    "index_on_time": "On time (index)", "true_on_time": "On time (as reported)", "index_period": "Whole period",
    "index_rank": "Rank. unit (whole period)",
  ]

  static let viMoreLabels: [String: String] = [
    "origin.scenario": "kịch bản", "origin.fitted": "hiệu chỉnh", "origin.default": "mặc định ±25 %",
    "origin.param": "nhập vào", "origin": "Nguồn của khoảng",
    "default_range_note": "không có nguồn: giá trị giả định ±25 % (±1 giờ với giờ trong ngày)",
    "ci_total": "kể cả độ bất định của tham số",
    "uncertainty": "Kết quả dựa vào đâu (độ bất định của tham số)",
    "parameter_sets": "bộ tham số", "ranges": "Khoảng của các tham số",
    "variance_share": "Tỷ phần phương sai giữa các bộ tham số (%)",
    "better_share": "tốt hơn A trong", "higher_share": "cao hơn A trong",
    "of_sets": "số bộ tham số hợp lý", "ci_noise": "chỉ do ngẫu nhiên",
    "subject.received": "Số hồ sơ tiếp nhận",
    "subject.served_same_day": "Tỷ lệ được phục vụ trong ngày",
    "subject.resolved_overdue": "Số hồ sơ giải quyết quá hạn",
    "subject.turned_away": "Số lượt công dân không được nhận số",
    "depends_unclear":
      "không phụ thuộc rõ rệt vào tham số nào "
      + "(không tỷ phần phương sai nào có ý nghĩa ở mức 5 %)",
    "index766": "Bộ chỉ số phục vụ (Quyết định 766/QĐ-TTg)",
    "index766_note":
      "Điểm từng nhóm theo cách Cổng Dịch vụ công quốc gia chấm; "
      + "tiến độ (TDGQ) tính hồ sơ quá hạn chưa giải quyết là trễ hạn trong mọi tháng. "
      + "Một phần điểm lấy từ số liệu nhập của kịch bản.",
    "index_total": "Tổng (100)", "CKMB": "Công khai, minh bạch (18)",
    "TDGQ": "Tiến độ giải quyết (20)", "DVCTT": "Dịch vụ công trực tuyến (12)",
    "TTTT": "Thanh toán trực tuyến (10)", "MDSH": "Số hóa hồ sơ (22)",
    "MDHL": "Mức độ hài lòng (18)", "index_on_time": "Đúng hạn (theo chỉ số)",
    "true_on_time": "Đúng hạn (theo báo cáo)", "index_period": "Cả kỳ",
    "index_rank": "Hạng. đơn vị (cả kỳ)",
  ]
}
