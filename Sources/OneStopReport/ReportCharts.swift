import Foundation

/// Charts drawn as inline SVG: no script, no font or image from outside, readable by a
/// screen reader (`role="img"`, a title and a description) and each followed in the report
/// by a table of its numbers.
enum ReportCharts {
  /// Horizontal bars, one per item, with an optional 95 % interval whisker; `wideLabels`
  /// widens the label column (up to 360 units) to fit the longest label.
  static func bars(
    title: String, items: [(label: String, value: Double, low: Double?, high: Double?)],
    format: (Double) -> String, unit: String, wideLabels: Bool = false
  ) -> String {
    let longest = Double(items.map(\.label.count).max() ?? 0)
    // A label longer than the usual column (a centre's full name) widens it rather than
    // being cut at the chart's left edge.
    let labelWidth = wideLabels || 7 * longest + 14 > 190 ? min(max(190, 7 * longest + 14), 360) : 190.0
    let rowHeight = 26.0, plotWidth = 430.0, top = 10.0
    let height = top + Double(items.count) * rowHeight + 30
    let maxValue = max(items.map { max($0.value, $0.high ?? 0) }.max() ?? 0, 1e-9)
    func x(_ v: Double) -> Double { labelWidth + max(0, v) / maxValue * plotWidth }
    var svg = """
      <svg class="chart" role="img" viewBox="0 0 \(Int(labelWidth + plotWidth + 90)) \(Int(height))" \
      aria-labelledby="t-\(id(title))">
      <title id="t-\(id(title))">\(esc(title))</title>
      <desc>\(esc(title + ": " + items.map { "\($0.label) \(format($0.value))" }.joined(separator: "; ")))</desc>

      """
    for (i, item) in items.enumerated() {
      let y = top + Double(i) * rowHeight
      svg +=
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"label\">\(esc(item.label))</text>\n"
      svg +=
        """
        <rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(fmt(x(item.value) - labelWidth))\" \
        height=\"\(rowHeight - 10)\"><title>\(esc(item.label)): \(format(item.value))</title></rect>\n
        """
      if let lo = item.low, let hi = item.high, hi > lo {
        let cy = y + rowHeight / 2
        svg +=
          """
          <path class=\"whisker\" d=\"M\(fmt(x(lo))) \(fmt(cy))H\(fmt(x(hi)))M\(fmt(x(lo))) \
          \(fmt(cy - 5))V\(fmt(cy + 5))M\(fmt(x(hi))) \(fmt(cy - 5))V\(fmt(cy + 5))\"/>\n
          """
      }
      svg +=
        """
        <text x=\"\(fmt(x(max(item.value, item.high ?? 0)) + 6))\" y=\"\(y + 17)\" \
        class=\"value\">\(esc(format(item.value)))</text>\n
        """
    }
    let axisY = top + Double(items.count) * rowHeight + 4
    svg +=
      "<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(axisY)\" x2=\"\(labelWidth + plotWidth)\" y2=\"\(axisY)\"/>\n"
    svg += "<text x=\"\(labelWidth)\" y=\"\(axisY + 18)\" class=\"tick\">0</text>"
    svg +=
      """
      <text x=\"\(labelWidth + plotWidth)\" y=\"\(axisY + 18)\" text-anchor=\"end\" \
      class=\"tick\">\(esc(format(maxValue))) \(esc(unit))</text>\n
      """
    return svg + "</svg>"
  }

  /// Lines over months, one per series, with a legend.
  static func lines(
    title: String, months: [String], series: [(name: String, values: [Double])],
    format: (Double) -> String, unit: String
  ) -> String {
    // The legend: one line per series above the plot (long names never overlap).
    let left = 70.0, width = 560.0, top = 18.0 * Double(series.count) + 16, plotHeight = 220.0
    let height = top + plotHeight + 50
    let maxValue = max(series.flatMap(\.values).filter(\.isFinite).max() ?? 0, 1e-9)
    let n = max(months.count - 1, 1)
    func x(_ i: Int) -> Double { left + Double(i) / Double(n) * width }
    func y(_ v: Double) -> Double { top + plotHeight - max(0, v) / maxValue * plotHeight }
    var svg = """
      <svg class="chart" role="img" viewBox="0 0 \(Int(left + width + 30)) \(Int(height))" \
      aria-labelledby="t-\(id(title))">
      <title id="t-\(id(title))">\(esc(title))</title>
      <desc>\(esc(title + "; " + series.map(\.name).joined(separator: ", ")))</desc>

      """
    for k in 0...4 {
      let v = maxValue * Double(k) / 4
      svg += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(fmt(y(v)))\" x2=\"\(left + width)\" y2=\"\(fmt(y(v)))\"/>"
      svg +=
        "<text x=\"\(left - 6)\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\" class=\"tick\">\(esc(format(v)))</text>\n"
    }
    for (i, m) in months.enumerated() {
      svg +=
        """
        <text x=\"\(fmt(x(i)))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\" \
        class=\"tick\">\(esc(m))</text>\n
        """
    }
    for (k, s) in series.enumerated() {
      let points = s.values.enumerated().filter { $0.element.isFinite }.map {
        "\(fmt(x($0.offset))),\(fmt(y($0.element)))"
      }.joined(separator: " ")
      svg += "<polyline class=\"series s\(k)\" points=\"\(points)\"><title>\(esc(s.name))</title></polyline>\n"
      let ly = 4 + 18 * Double(k)
      svg +=
        """
        <rect class=\"key s\(k)\" x=\"\(fmt(left))\" y=\"\(fmt(ly))\" width=\"12\" height=\"12\"/><text \
        x=\"\(fmt(left + 16))\" y=\"\(fmt(ly + 10))\" class=\"label\">\(esc(s.name))</text>\n
        """
    }
    svg += "<text x=\"\(left)\" y=\"\(top + plotHeight + 36)\" class=\"tick\">\(esc(unit))</text>\n"
    return svg + "</svg>"
  }

  static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }

  static func id(_ s: String) -> String {
    String(
      s.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }.prefix(
        24
      ).map(Character.init))
  }
}

/// HTML and XML text escaping.
func esc(_ s: String) -> String {
  var out = ""
  for ch in s {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(ch)
    }
  }
  return out
}

extension ReportCharts {
  /// Differences around zero (a comparison), each with its 95 % interval, on one scale per
  /// unit of measure (every % row shares the widest % row's scale, every minute row the
  /// widest minute row's), so bars of the same unit compare.
  static func differences(
    title: String, items: [(label: String, value: Double, halfWidth: Double, unit: String)],
    format: (Double) -> String
  ) -> String {
    let rowHeight = 26.0, labelWidth = 250.0, half = 200.0, top = 10.0
    let height = top + Double(items.count) * rowHeight + 20
    let zero = labelWidth + half
    let description = items.map { "\($0.label) \(format($0.value)) ± \(format($0.halfWidth)) \($0.unit)" }
      .joined(separator: "; ")
    var svg = """
      <svg class="chart" role="img" viewBox="0 0 \(Int(zero + half + 160)) \(Int(height))" \
      aria-labelledby="t-\(id(title))">
      <title id="t-\(id(title))">\(esc(title))</title>
      <desc>\(esc(title + ": " + description))</desc>

      """
    var scales: [String: Double] = [:]
    for item in items {
      let reach = abs(item.value) + (item.halfWidth.isFinite ? item.halfWidth : 0)
      scales[item.unit] = max(scales[item.unit] ?? 1e-12, reach.isFinite ? reach : 0)
    }
    for (i, item) in items.enumerated() {
      let y = top + Double(i) * rowHeight
      let scale = scales[item.unit] ?? 1e-12
      func x(_ v: Double) -> Double { zero + v / scale * half }
      let a = min(x(0), x(item.value)), b = max(x(0), x(item.value))
      svg +=
        "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"label\">\(esc(item.label))</text>\n"
      svg +=
        """
        <rect class=\"bar\" x=\"\(fmt(a))\" y=\"\(y + 5)\" width=\"\(fmt(b - a))\" \
        height=\"\(rowHeight - 10)\"><title>\(esc(item.label)): \(esc(format(item.value))) ± \
        \(esc(format(item.halfWidth))) \(esc(item.unit))</title></rect>\n
        """
      if item.halfWidth.isFinite && item.halfWidth > 0 {
        let cy = y + rowHeight / 2
        svg +=
          """
          <path class=\"whisker\" d=\"M\(fmt(x(item.value - item.halfWidth))) \
          \(fmt(cy))H\(fmt(x(item.value + item.halfWidth)))\"/>\n
          """
      }
      svg +=
        """
        <text x=\"\(fmt(zero + half + 8))\" y=\"\(y + 17)\" class=\"value\">\(esc(format(item.value))) ± \
        \(esc(format(item.halfWidth))) \(esc(item.unit))</text>\n
        """
    }
    svg +=
      """
      <line class=\"axis\" x1=\"\(zero)\" y1=\"\(top)\" x2=\"\(zero)\" \
      y2=\"\(top + Double(items.count) * rowHeight)\"/>\n
      """
    return svg + "</svg>"
  }
}
