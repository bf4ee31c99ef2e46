"""Opens onestop reports in headless Chromium (through chromedriver) and checks what a reader sees.

Usage: check_in_browser.py REPORT.html SUMMARY.json LANG SCREENSHOT_DIR [SENSITIVITY.json [COMPARE.json]]

Fails (exit 1) when the page logs a console error, makes any network request, has a chart
without marks, shows a headline number that differs from summary.json, lacks a font for the
Vietnamese diacritics, or cannot be printed to PDF; with SENSITIVITY.json, when a KPI's
tornado chart has no bar per parameter or its sentence does not name the three it depends on
most (largest mu* first) in LANG; when summary.json has `uncertainty` (run --uncertainty),
when a headline card lacks the interval of noise and parameters or a headline KPI's sentence
does not name what it depends on most; with COMPARE.json of compare --uncertainty, when a
headline KPI lacks "B is better than A in N %". Writes a screenshot of every screenful and
the PDF into SCREENSHOT_DIR.
"""
import base64
import json
import re
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def number(x, decimals, lang):
    """The report's number format (ReportLanguage.number): halves round away from zero, as
    Swift's `rounded()` does (Python's format rounds 30576.5 to the even 30576)."""
    import math
    scaled = abs(x) * 10**decimals  # the same double Swift scales
    whole = math.floor(scaled)
    whole += 1 if scaled - whole >= 0.5 else 0
    text = f"{whole // 10**decimals:,}" + (f".{whole % 10**decimals:0{decimals}d}" if decimals else "")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("\u2212" if x < 0 and round(abs(x), decimals) > 0 else "") + text


DEPENDS_MOST = {"en": "depends most on: ", "vi": "phụ thuộc nhiều nhất vào: "}


def check_sensitivity(driver, study, lang):
    """Per KPI of sensitivity.json: a section with a tornado chart of one bar per parameter, and
    the sentence naming the (up to) three parameters with the largest mu* (above 0), in order."""
    problems = []
    sections = driver.execute_script("""
        return Array.from(document.querySelectorAll('section.sensitivity')).map(s => ({
          kpi: s.dataset.kpi, sentence: (s.querySelector('p.rests') || {}).textContent || '',
          params: ((s.querySelector('p.rests') || {dataset: {}}).dataset.params || ''),
          bars: Array.from(s.querySelectorAll('svg.chart')).map(c => c.querySelectorAll('rect.bar').length),
          width: (s.querySelector('svg.chart') || {getBoundingClientRect: () => ({width: 0})})
                 .getBoundingClientRect().width}))""")
    found = {s["kpi"]: s for s in sections}
    for kpi in study["kpis"]:
        rows = [r for r in study["rows"] if r["kpi"] == kpi]
        s = found.get(kpi)
        if s is None:
            problems.append(f"sensitivity: no section for {kpi}")
            continue
        if not s["bars"] or s["bars"][0] != len(rows) or s["width"] < 100:
            problems.append(f"sensitivity {kpi}: tornado bars {s['bars']}, {len(rows)} parameters")
        ranked = sorted(rows, key=lambda r: -(r.get("mu_star") or 0))
        top = [r["param"] for r in ranked if (r.get("mu_star") or 0) > 0][:3]
        # The sentence names the parameters by their labels; data-params holds their keys.
        if s["params"] != ",".join(top) or DEPENDS_MOST[lang] not in s["sentence"]:
            problems.append(f"sensitivity {kpi}: sentence {s['sentence']!r} ({s['params']}) does not name {top}")
        else:
            print(f"  {s['sentence']}")
    return problems


SHARE_LEAD = {"en": "with parameter uncertainty: ", "vi": "kể cả độ bất định của tham số: "}
BETTER = {"en": "B is better than A in {} of the plausible parameter sets.",
          "vi": "B tốt hơn A trong {} số bộ tham số hợp lý."}


def check_uncertainty(driver, summary, lang):
    """summary.json's `uncertainty`: every headline card shows its ci95_total, and each headline
    KPI's sentence names the parameters of its depends_most, with their shares, in order."""
    problems = []
    u = summary["uncertainty"]["kpis"]
    totals = driver.execute_script("""
        const out = {};
        document.querySelectorAll('.card').forEach(c => out[c.dataset.kpi] = (c.querySelector('.ci.total') || {}).textContent);
        return out""")
    decimals = {"on_time_rate_of_received": 2, "overdue_rate_of_received": 2}
    for kpi, text in totals.items():
        if kpi not in u:
            continue  # the busiest centre's desk wait: a unit's figure, no parameter interval
        low, high = u[kpi]["ci95_total"]
        d = decimals.get(kpi, 0)
        unit = " %" if kpi in decimals else ""
        want = SHARE_LEAD[lang] + number(low, d, lang) + unit + " – " + number(high, d, lang) + unit
        if text != want:
            problems.append(f"card {kpi}: total interval {text!r}, expected {want!r}")
    sentences = driver.execute_script("""
        const out = {};
        document.querySelectorAll('#uncertainty p.rests').forEach(
          p => out[p.dataset.kpi] = [p.textContent, p.dataset.params || '']);
        return out""")
    for kpi in ["on_time_rate_of_received", "overdue_rate_of_received", "in_progress_end"]:
        # Named by label in the text (with their shares), by key in data-params.
        named = [m["param"] for m in u[kpi]["depends_most"]]
        shares = [f" ({number(100 * m['share'], 0, lang)} %)" for m in u[kpi]["depends_most"]]
        text, params = sentences.get(kpi, ["", ""])
        if named and (params != ",".join(named) or not all(x in text for x in shares)):
            problems.append(f"uncertainty {kpi}: sentence {text!r} does not name {named} in {lang}")
        elif not text:
            problems.append(f"uncertainty {kpi}: no sentence")
        else:
            print(f"  {text}")
    return problems


def check_better(driver, comparison, lang):
    """compare.json of compare --uncertainty: a sentence "B is better than A in N %" per
    headline KPI with a direction whose difference is not 0 in every set."""
    problems = []
    found = driver.execute_script("""
        const out = {};
        document.querySelectorAll('p.better').forEach(p => out[p.dataset.kpi] = p.textContent);
        return out""")
    for d in comparison["differences"]:
        if d["kpi"] not in ("desk_wait_mean", "desk_wait_p90") or "share_b_better" not in d:
            continue
        want = BETTER[lang].format(number(100 * d["share_b_better"], 0, lang) + " %")
        if not found.get(d["kpi"], "").endswith(want):
            problems.append(f"compare {d['kpi']}: {found.get(d['kpi'])!r} does not end with {want!r}")
        else:
            print(f"  {found[d['kpi']]}")
    return problems


def check_no_raw_keys(text, summary):
    """Raw KPI keys (with or without a scope), unit ids and agency ids that show as text. A KPI
    key that is a plain English word (`received`) is left to the unit test's catalogue check:
    the source report's notes quote English words."""
    ids = {k for k in summary["kpis"] if "_" in k} | {w["unit"] for w in summary.get("desk_waits_by_unit", [])}
    ids |= {r["key"] for r in summary.get("by_agency", []) if r["key"] != "desk"}
    found = sorted(i for i in ids if re.search(r"(?<![\w@.-])" + re.escape(i) + r"(?![\w-])", text))
    return [f"raw key or id on the Vietnamese page: {i}" for i in found]


def main():
    report, summary_path, lang, shots = sys.argv[1:5]
    os.makedirs(shots, exist_ok=True)
    summary = json.load(open(summary_path, encoding="utf-8"))
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400", "--hide-scrollbars"]:
        options.add_argument(a)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []
    try:
        url = "file://" + os.path.abspath(report)
        driver.get(url)
        # 1. No console errors.
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                problems.append(f"console error: {entry.get('message')}")
        # 2. No network request but the page itself.
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requested = message["params"]["request"]["url"]
                if requested != url:
                    problems.append(f"network request: {requested}")
        # 3. Every chart rendered, with marks, and a table follows it.
        charts = driver.execute_script("""
            return Array.from(document.querySelectorAll('svg.chart')).map(s => ({
              marks: s.querySelectorAll('rect.bar, polyline.series').length,
              width: s.getBoundingClientRect().width,
              title: (s.querySelector('title') || {}).textContent}))""")
        if not charts:
            problems.append("no chart on the page")
        for c in charts:
            if c["marks"] == 0 or c["width"] < 100:
                problems.append(f"chart without marks or not rendered: {c['title']}")
        # 4. The headline numbers equal summary.json.
        cards = driver.execute_script("""
            const out = {};
            document.querySelectorAll('.card').forEach(c => out[c.dataset.kpi] = c.querySelector('.big').textContent);
            return out""")
        expected = {
            "on_time_rate_of_received": number(summary["kpis"]["on_time_rate_of_received"]["mean"], 2, lang) + " %",
            "overdue_rate_of_received": number(summary["kpis"]["overdue_rate_of_received"]["mean"], 2, lang) + " %",
            "in_progress_end": number(summary["kpis"]["in_progress_end"]["mean"], 0, lang),
            "apologies": number(summary["kpis"]["apologies"]["mean"], 0, lang),
            "received": number(summary["kpis"]["received"]["mean"], 0, lang),
        }
        for kpi, text in expected.items():
            if cards.get(kpi) != text:
                problems.append(f"card {kpi}: page shows {cards.get(kpi)!r}, summary.json gives {text!r}")
        # 5. Vietnamese diacritics have a font (no empty boxes).
        if lang == "vi":
            heading = driver.execute_script("return document.querySelector('h1').textContent")
            if "ế" not in heading and "ả" not in heading:
                problems.append(f"the Vietnamese heading has no diacritics: {heading!r}")
            has_font = driver.execute_script("""
                return document.fonts.check('16px "Noto Sans"', 'Kết quả mô phỏng') ||
                       document.fonts.check('16px "DejaVu Sans"', 'Kết quả mô phỏng')""")
            if not has_font:
                problems.append("no installed font renders the Vietnamese text (install fonts-noto-core)")
        # 6. A sensitivity study: each KPI's tornado chart and its sentence.
        if len(sys.argv) > 5:
            problems += check_sensitivity(driver, json.load(open(sys.argv[5], encoding="utf-8")), lang)
        # 7. Both intervals and what the answer rests on (run --uncertainty, compare --uncertainty).
        if "uncertainty" in summary:
            problems += check_uncertainty(driver, summary, lang)
        if len(sys.argv) > 6:
            problems += check_better(driver, json.load(open(sys.argv[6], encoding="utf-8")), lang)
        # 8. On the Vietnamese page, no raw KPI key, unit id or agency id as visible text
        # (ids may stay in attributes).
        if lang == "vi":
            problems += check_no_raw_keys(driver.execute_script("return document.body.innerText"), summary)
        # 9. Screenshots of every screenful, and the PDF (A4, the page's own @page size).
        height = driver.execute_script("return document.body.scrollHeight")
        name = os.path.splitext(os.path.basename(report))[0]
        for i, top in enumerate(range(0, height, 1300)):
            driver.execute_script(f"window.scrollTo(0, {top})")
            driver.save_screenshot(os.path.join(shots, f"{name}-{i + 1}.png"))
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
        data = base64.b64decode(pdf["data"])
        if not data.startswith(b"%PDF") or len(data) < 10_000:
            problems.append("the PDF is missing or empty")
        open(os.path.join(shots, f"{name}.pdf"), "wb").write(data)
        print(f"{report}: {len(charts)} charts, {sum(c['marks'] for c in charts)} marks, {len(cards)} cards, "
              f"{(height + 1299) // 1300} screenshots, PDF {len(data) // 1024} KiB")
    finally:
        driver.quit()
    for p in problems:
        print(f"  problem: {p}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
