import Foundation

/// Every word a report shows for a model key: KPI names, units of measure, levels, the
/// kinds of deciding agency, fields, channels and the priors, in Vietnamese and English.
/// One place, so that a page never falls back to a raw key (a test renders the fixtures'
/// pages and fails on one). Keys stay in attributes (`data-kpi`, `title`) for scripts.
enum ReportCatalogue {
  /// (key, Vietnamese, English) of every KPI of `KPI.all`.
  static let kpis: [(String, String, String)] = [
    ("received", "Hồ sơ tiếp nhận", "Dossiers received"),
    ("received_new", "Tiếp nhận mới trong kỳ", "Received new in the period"),
    ("carried_over", "Kỳ trước chuyển sang", "Carried over from before"),
    ("resolved_on_time", "Giải quyết đúng hạn", "Resolved on time"),
    ("resolved_overdue", "Giải quyết quá hạn", "Resolved overdue"),
    ("in_progress_end", "Đang giải quyết cuối kỳ", "In progress at the end"),
    ("carried_over_overdue", "Hồ sơ chuyển sang đã quá hạn", "Carried over, already overdue"),
    ("withdrawn", "Rút hồ sơ (không bổ sung)", "Withdrawn (never supplemented)"),
    ("refused", "Từ chối tiếp nhận", "Refused at the desk"),
    ("abandoned", "Bỏ về không quay lại", "Left and never came back"),
    ("on_time_rate_of_received", "Tỷ lệ đúng hạn trên số tiếp nhận", "On-time rate of received"),
    ("on_time_rate_of_resolved", "Tỷ lệ đúng hạn trên số đã giải quyết", "On-time rate of resolved"),
    ("overdue_rate_of_received", "Tỷ lệ quá hạn trên số tiếp nhận", "Overdue rate of received"),
    ("apologies", "Thư xin lỗi", "Apology letters"),
    ("supplement_requests", "Yêu cầu bổ sung hồ sơ", "Requests for a supplement"),
    ("desk_wait_mean", "Thời gian chờ tại quầy, trung bình", "Desk wait, mean"),
    ("desk_wait_p50", "Thời gian chờ tại quầy, trung vị", "Desk wait, median"),
    ("desk_wait_p90", "Thời gian chờ tại quầy, phân vị 90", "Desk wait, 90th percentile"),
    ("desk_wait_p99", "Thời gian chờ tại quầy, phân vị 99", "Desk wait, 99th percentile"),
    ("served_same_day", "Được phục vụ trong ngày", "Served the same day"),
    ("visits_per_dossier", "Số lần đến trên một hồ sơ", "Visits per dossier"),
    ("turned_away", "Lượt phải về (hết giờ)", "Visits turned away"),
    ("sent_home", "Lượt về để bổ sung", "Visits sent home to complete"),
    ("wasted_pickup_visits", "Lượt đến nhận kết quả chưa có", "Pick-up visits before the result"),
    ("desk_utilisation", "Mức sử dụng quầy", "Desk utilisation"),
    ("desk_queue_length", "Số người chờ tại quầy, trung bình", "Citizens waiting at the desks, mean"),
    ("busy_desk_staff", "Cán bộ quầy đang bận, trung bình", "Busy desk staff, mean"),
    ("busy_officers", "Cán bộ xử lý đang bận, trung bình", "Busy officers, mean"),
    ("desk_overtime", "Giờ làm thêm tại quầy", "Desk overtime"),
    ("officer_utilisation", "Mức sử dụng cán bộ xử lý", "Officer utilisation"),
    ("postal_in", "Hồ sơ nhận qua bưu chính", "Dossiers in by post"),
    ("postal_out", "Kết quả trả qua bưu chính", "Results out by post"),
    ("online_in", "Hồ sơ nộp trực tuyến", "Dossiers in online"),
    ("online_share_of_received", "Tỷ lệ trực tuyến trên số tiếp nhận", "Online share of received"),
    ("days_to_resolve_walk_in", "Số ngày giải quyết (nộp trực tiếp)", "Days to resolve, walk-in"),
    ("days_to_resolve_postal", "Số ngày giải quyết (bưu chính)", "Days to resolve, postal"),
    ("days_to_resolve_online", "Số ngày giải quyết (trực tuyến)", "Days to resolve, online"),
    ("events", "Sự kiện mô phỏng", "Simulated events"),
  ]

  /// Units of measure (`KPIUnit` symbols).
  static let units: [(String, String, String)] = [
    ("dossiers", "hồ sơ", "dossiers"), ("letters", "thư", "letters"), ("results", "kết quả", "results"),
    ("%", "%", "%"), ("min", "phút", "min"), ("hours", "giờ", "hours"), ("days", "ngày", "days"),
    ("visits", "lượt", "visits"), ("citizens", "người", "citizens"), ("staff", "cán bộ quầy", "staff"),
    ("officers", "cán bộ", "officers"), ("events", "sự kiện", "events"), ("points", "điểm", "points"),
  ]

  /// Levels, fields and channels as the bundled scenarios name them.
  static let words: [(String, String, String)] = [
    ("province", "Tỉnh", "Province"), ("district", "Huyện", "District"), ("commune", "Xã", "Commune"),
    ("all", "Tất cả", "All"),
    ("land", "Đất đai", "Land"),
    ("transport", "Giao thông vận tải", "Transport"),
    ("business", "Đăng ký kinh doanh", "Business"),
    ("justice", "Tư pháp", "Justice"),
    ("health", "Y tế", "Health"),
    ("social", "Lao động - xã hội", "Social"), ("construction", "Xây dựng", "Construction"),
    ("civil-status", "Hộ tịch", "Civil status"), ("other", "Lĩnh vực khác", "Other"),
    ("walk-in", "Nộp trực tiếp", "Walk-in"),
    ("postal", "Bưu chính", "Postal"),
    ("online", "Trực tuyến", "Online"),
    ("general", "Quầy chung", "General desk"), ("desks", "Quầy", "Desks"),
    ("any", "mọi thủ tục", "every procedure"),
  ]

  /// The kinds of deciding agency: the part of an agency id before `@`.
  static let agencies: [(String, String, String)] = [
    ("TNMT", "Tài nguyên và Môi trường", "Natural Resources and Environment"),
    ("GTVT", "Giao thông vận tải", "Transport"),
    ("KHDT", "Kế hoạch và Đầu tư", "Planning and Investment"),
    ("TUPHAP", "Tư pháp", "Justice"),
    ("SYT", "Y tế", "Health"),
    ("OTHER", "Các sở, ngành khác", "Other departments"),
    ("THUE", "Cơ quan thuế", "Tax office"), ("KYDUYET", "Lãnh đạo ký duyệt", "Leaders (signing)"),
    ("KYDUYETX", "Lãnh đạo xã ký duyệt", "Commune leaders (signing)"),
    ("UBNDH", "UBND cấp huyện", "District People's Committee"),
    ("UBNDX", "UBND cấp xã", "Commune People's Committee"), ("UBND", "Ủy ban nhân dân", "People's Committee"),
    ("desk", "Bộ phận một cửa (giải quyết tại quầy)", "One-stop desk (decided on the spot)"),
    ("online-intake", "Tiếp nhận trực tuyến", "Online intake"),
    ("postal-intake", "Tiếp nhận bưu chính", "Postal intake"),
  ]

  /// The priors a run prints (`ModelConfiguration.priors()`), `[*]` keys included.
  static let priors: [(String, String, String)] = [
    ("start", "Ngày đầu kỳ", "First day"), ("end", "Ngày sau ngày cuối kỳ", "Day after the last day"),
    (
      "behaviour.p_return_after_incomplete", "Xác suất quay lại sau khi hồ sơ thiếu",
      "Probability of returning after an incomplete visit"
    ),
    ("behaviour.return_delay", "Thời gian đến khi quay lại", "Delay before returning"),
    (
      "behaviour.p_return_after_turned_away", "Xác suất quay lại sau khi phải về",
      "Probability of returning after being turned away"
    ),
    ("behaviour.p_never_supplement", "Xác suất không bao giờ bổ sung", "Probability of never supplementing"),
    ("behaviour.supplement_delay", "Thời gian đến khi bổ sung", "Delay before a supplement"),
    (
      "behaviour.p_pickup_on_due_day",
      "Xác suất nhận kết quả đúng ngày hẹn",
      "Probability of picking up on the due day"
    ),
    ("behaviour.pickup_delay", "Thời gian trễ khi nhận kết quả", "Delay before picking up"),
    ("behaviour.p_pickup_early", "Xác suất đến nhận sớm", "Probability of coming early for the result"),
    ("behaviour.guidance_time", "Thời gian hướng dẫn tại quầy", "Guidance time at the desk"),
    ("behaviour.pickup_time", "Thời gian trả kết quả tại quầy", "Pick-up time at the desk"),
    ("behaviour.on_the_spot_time", "Thời gian giải quyết tại chỗ", "Time of an on-the-spot procedure"),
    ("behaviour.digitisation_time", "Thời gian số hóa hồ sơ", "Digitisation time"),
    ("behaviour.online_check_time", "Thời gian kiểm tra hồ sơ trực tuyến", "Checking an online dossier"),
    ("behaviour.postal_intake_factor", "Hệ số thời gian tiếp nhận bưu chính", "Postal intake time factor"),
    ("behaviour.postal_incomplete_factor", "Hệ số hồ sơ bưu chính thiếu", "Postal incompleteness factor"),
    ("rules.inter_level_handover", "Thời gian chuyển hồ sơ giữa các cấp", "Hand-over time between levels"),
    ("rules.apology_lead", "Thời điểm gửi thư xin lỗi", "Lead time of an apology letter"),
    ("rules.apology_extension", "Thời gian gia hạn sau thư xin lỗi", "Extension after an apology letter"),
    ("rules.postal_in_transit", "Thời gian bưu chính chuyển đến", "Postal transit in"),
    ("rules.postal_out_transit", "Thời gian bưu chính chuyển trả", "Postal transit out"),
    ("rules.postal_collection_time", "Giờ bưu chính thu gom", "Postal collection time"),
    ("rules.online_receipt", "Tiếp nhận hồ sơ trực tuyến", "Receipt of online dossiers"),
    ("rules.lead_time_after_supplement", "Thời hạn sau khi bổ sung", "Lead time after a supplement"),
    ("rules.officer_absence_days", "Số ngày vắng của cán bộ", "Officers' days of absence"),
    ("calendar.saturday_counts_for_deadline", "Thứ Bảy tính vào thời hạn", "Saturdays count for deadlines"),
    ("units[*].transfer_cutoff", "Giờ chốt chuyển hồ sơ của đơn vị", "Transfer cut-off of the units"),
    ("demand[*].walk_in_hour_profile", "Phân bố người đến theo giờ", "Walk-ins by hour of the day"),
    ("demand[*].annual_volume", "Số hồ sơ mỗi năm", "Dossiers a year"),
    ("units[*].desks[*].count", "Số quầy", "Number of desks"),
    ("agencies[*].officers", "Số cán bộ", "Number of officers"),
    ("demand[*].weekday_factors", "Hệ số theo ngày trong tuần", "Weekday factors of demand"),
    // Keys sweeps vary most (docs/sweeps.md).
    ("procedures[*].intake_time", "Thời gian tiếp nhận tại quầy", "Desk intake time"),
    (
      "procedures[*].intake_time.exponential", "Thời gian tiếp nhận tại quầy (trung bình, phân phối mũ)",
      "Desk intake time (mean, exponential)"
    ),
    ("units[*].ticket_cutoff", "Giờ ngừng cấp số thứ tự", "Ticket cut-off"),
    ("procedures[*].deadline", "Thời hạn giải quyết", "Deadline"),
    ("demand[*].online_share", "Tỷ lệ nộp trực tuyến", "Online share"),
  ]

  static func lookup(_ table: [(String, String, String)], _ key: String, _ l: ReportLanguage) -> String? {
    table.first { $0.0 == key }.map { l == .vi ? $0.1 : $0.2 }
  }
}

extension ReportLanguage {
  /// A KPI's name (`desk_wait_p90`), without a scope; the key itself for an unknown one.
  public func kpi(_ key: String) -> String { ReportCatalogue.lookup(ReportCatalogue.kpis, key, self) ?? key }

  /// A unit of measure (`min`, `dossiers`).
  public func unit(_ symbol: String) -> String { ReportCatalogue.lookup(ReportCatalogue.units, symbol, self) ?? symbol }

  /// A level, field, channel or desk group word; the word itself when unknown.
  public func word(_ key: String) -> String { ReportCatalogue.lookup(ReportCatalogue.words, key, self) ?? key }

  /// A kind of agency (`TNMT`); nil when the catalogue has none.
  public func agencyKind(_ kind: String) -> String? { ReportCatalogue.lookup(ReportCatalogue.agencies, kind, self) }

  /// A prior or parameter key, with its index (`demand[0].weekday_factors`) read as `[*]`.
  public func prior(_ key: String) -> String {
    let general = key.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "[*]", options: .regularExpression)
    return ReportCatalogue.lookup(ReportCatalogue.priors, key, self)
      ?? ReportCatalogue.lookup(ReportCatalogue.priors, general, self) ?? key
  }

  /// Decimals a value of `unit` is shown with: whole counts, two for rates and shares, one
  /// for minutes, hours and days, two for the rest (visits per dossier, staff busy).
  public func decimals(unit: String) -> Int {
    switch unit {
    case "dossiers", "letters", "results", "events", "visits": return 0
    case "%": return 2
    case "min", "hours", "days": return 1
    default: return 2
    }
  }

  /// `value` in `unit`, as the report writes it ("12,3 phút", "93,32 %", "180.207 hồ sơ").
  public func measure(_ value: Double, unit: String, decimals d: Int? = nil) -> String {
    let text = number(value, decimals: d ?? decimals(unit: unit))
    return unit == "%" ? text + " %" : text + " " + self.unit(unit)
  }
}
