extension ReportLanguage {
  /// Labels of parameter uncertainty: where a range comes from, the interval of noise and
  /// parameters, what the answer depends on most, and how often B beats A.
  static let enMoreLabels: [String: String] = [
    "origin.scenario": "scenario", "origin.fitted": "fitted", "origin.default": "default ±25 %",
    "origin.param": "given",
  ]

  static let viMoreLabels: [String: String] = [
    "origin.scenario": "kịch bản", "origin.fitted": "hiệu chỉnh", "origin.default": "mặc định ±25 %",
    "origin.param": "nhập vào",
  ]
}
