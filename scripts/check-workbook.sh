#!/usr/bin/env bash
# check-workbook.sh -- the Excel workbook of `onestop run --xlsx` read by another program:
# LibreOffice Calc (headless) converts it to CSV (first sheet, the KPIs) and to flat ODS.
# Fails unless the KPI means read back equal summary.json's (numbers, not text), every
# value cell of the units sheet is a number cell, and the Vietnamese headers and names
# come through intact.
#
#   scripts/check-workbook.sh          # uses .build/debug/onestop (ONESTOP= to change)
#
# Needs Debian's libreoffice-calc-nogui (CI installs it; it is large, so only CI does).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ONESTOP:-.build/debug/onestop}
[ -x "$bin" ] || swift build --product onestop >/dev/null
command -v soffice >/dev/null || { echo "soffice is missing: apt-get install -y libreoffice-calc-nogui" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" run scenarios/tuyen-quang-2022.yaml --set end=2022-01-15 --replications 2 --quiet --lang vi \
  --out "$tmp/run" --xlsx "$tmp/run.xlsx" >/dev/null
# A private LibreOffice profile, so a desktop session's never interferes.
lo=(soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to)
# CSV in UTF-8 (76), cells' full values rather than as shown (the 9th token, false).
"${lo[@]}" 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false' --outdir "$tmp" "$tmp/run.xlsx" >/dev/null 2>&1
"${lo[@]}" fods --outdir "$tmp" "$tmp/run.xlsx" >/dev/null 2>&1
python3 - "$tmp" <<'PY'
import csv, json, re, sys
tmp = sys.argv[1]
problems = []
summary = json.load(open(f"{tmp}/run/summary.json", encoding="utf-8"))
rows = list(csv.reader(open(f"{tmp}/run.csv", encoding="utf-8")))
header = rows[0]
if header[:4] != ["Chỉ tiêu", "Tên chỉ tiêu", "Đơn vị đo", "Trung bình"]:
    problems.append(f"KPI sheet header {header[:4]}")
read = {r[0]: r for r in rows[1:]}
for kpi, e in summary["kpis"].items():
    r = read.get(kpi)
    if r is None:
        problems.append(f"{kpi}: not in the workbook")
        continue
    try:
        value = float(r[3])
    except ValueError:
        problems.append(f"{kpi}: mean {r[3]!r} did not read back as a number")
        continue
    if e["mean"] is not None and abs(value - e["mean"]) > 1e-9 * max(1, abs(e["mean"])):
        problems.append(f"{kpi}: workbook {value}, summary.json {e['mean']}")
if read.get("desk_wait_p90", ["", "", ""])[1] != "Thời gian chờ tại quầy, phân vị 90":
    problems.append(f"Vietnamese KPI name lost: {read.get('desk_wait_p90')}")
ods = open(f"{tmp}/run.fods", encoding="utf-8").read()
floats = len(re.findall(r'office:value-type="float"', ods))
strings_as_numbers = len(re.findall(r'office:value-type="string"[^>]*>\s*<text:p>-?\d+(\.\d+)?</text:p>', ods))
if floats < 1000:
    problems.append(f"only {floats} number cells in the workbook")
if strings_as_numbers:
    problems.append(f"{strings_as_numbers} numbers stored as text")
for text in ["Thời gian chờ tại quầy, trung bình (phút)", "Đơn vị cấp trên", "Huyện Lâm Bình"]:
    if text not in ods:
        problems.append(f"missing text {text!r}")
for p in problems:
    print("  problem:", p)
print(f"workbook: {len(read)} KPIs read back, {floats} number cells, {strings_as_numbers} numbers as text")
sys.exit(1 if problems else 0)
PY
