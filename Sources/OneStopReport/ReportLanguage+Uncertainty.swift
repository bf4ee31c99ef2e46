extension ReportLanguage {
  /// Labels of parameter uncertainty: where a range comes from, the interval of noise and
  /// parameters, what the answer depends on most, and how often B beats A.
  static let enMoreLabels: [String: String] = [
    "origin.scenario": "scenario", "origin.fitted": "fitted", "origin.default": "default ±25 %",
    "origin.param": "given", "origin": "Range from",
    "ci_total": "with parameter uncertainty", "uncertainty": "What the answer rests on (parameter uncertainty)",
    "parameter_sets": "parameter sets", "ranges": "Ranges of the parameters",
    "variance_share": "Share of the variance across the parameter sets (%)",
    "better_share": "is better than A in", "higher_share": "is higher than A in",
    "of_sets": "of the plausible parameter sets", "ci_noise": "noise only",
    "subject.received": "The number of dossiers received", "subject.served_same_day": "The share served the same day",
    "subject.resolved_overdue": "The number of dossiers resolved overdue",
    "subject.turned_away": "The number of citizens turned away",
    "depends_unclear": "depends on no parameter clearly (no share of its variance significant at 5 %)",
  ]

  static let viMoreLabels: [String: String] = [
    "origin.scenario": "kịch bản", "origin.fitted": "hiệu chỉnh", "origin.default": "mặc định ±25 %",
    "origin.param": "nhập vào", "origin": "Nguồn của khoảng",
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
  ]
}
