#!/usr/bin/env bash
# check-report-browser.sh -- onestop's reports in a real browser (headless Chromium driven
# by chromedriver through Selenium): no console error, no network request, every chart
# drawn, the headline numbers equal summary.json, Vietnamese text with a font, a PDF; for a
# sensitivity study of Tuyên Quang, each KPI's tornado chart drawn and its sentence naming the
# top three; for the Tuyên Quang run under parameter uncertainty, both intervals on every
# headline card and the sentence naming what each depends on most; for the comparison under
# parameter uncertainty, "B is better than A in N % of the plausible parameter sets".
# The Vietnamese page shows no raw KPI key, unit id or agency id; the PDFs are A4 (pdfinfo).
# Screenshots, PDFs and each PDF's page 1 as PNG land in .build/report-screenshots/ (look at them).
#
#   scripts/check-report-browser.sh          # uses .build/debug/onestop (ONESTOP= to change)
#
# Needs Debian's chromium, chromium-driver, fonts-noto-core and poppler-utils (CI installs them) and
# Selenium, which it installs into a virtual environment (.build-report/venv, never the
# system Python). Results are small runs: the check is of the report, not of the model.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ONESTOP:-.build/debug/onestop}
[ -x "$bin" ] || swift build --product onestop >/dev/null
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$tool is missing: apt-get install -y chromium chromium-driver fonts-noto-core" >&2; exit 2; }
done
venv=.build-report/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q selenium
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shots=.build/report-screenshots
rm -rf "$shots"
mkdir -p "$shots"
# Tuyên Quang to 1 March, 2 replications, with 6 parameter sets of a prior at its default range
# and the officers' absences at the scenario's range (both intervals).
tq=(scenarios/tuyen-quang-2022.yaml --set end=2022-03-01 --replications 2)
"$bin" run "${tq[@]}" --out "$tmp/run" --quiet --uncertainty 6 \
  --param behaviour.p_return_after_incomplete --param rules.officer_absence_days >/dev/null
printf 'extends: %s\nscenario: mmc-short\nend: 2022-01-06\n' "$PWD/scenarios/mmc.yaml" > "$tmp/a.yaml"
printf 'extends: a.yaml\nscenario: mmc-nine-desks\nunits: [{id: desk-hall, desks: [{id: desks, count: 9}]}]\n' > "$tmp/b.yaml"
"$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --replications 2 --out "$tmp/cmp" --uncertainty 4 \
  --param 'demand[0].annual_volume=3600000..3960000' >/dev/null 2>&1
"$bin" staff scenarios/mmc.yaml --set end=2022-01-06 --target 'desk_wait_mean<=1m' \
  --vary 'units[desk-hall].desks[desks].count=1..12' --replications 2 --out "$tmp/staff" >/dev/null 2>&1
# A sensitivity study of Tuyên Quang's overdue rate and desk wait: five parameters, two with
# the scenario's own ranges (p_never_supplement fitted, the officers' absences from the Labour
# Code), three at the default ±25 %; 2 Morris walks (12 points) of 2 replications (about 10 s
# in a debug build).
"$bin" sensitivity "${tq[@]}" --kpi overdue_rate_of_received --kpi desk_wait_mean \
  --param behaviour.p_never_supplement --param rules.officer_absence_days --param behaviour.p_return_after_incomplete \
  --param 'units[*].transfer_cutoff' --param behaviour.pickup_time --trajectories 2 --resamples 200 \
  --out "$tmp/sens" >/dev/null 2>&1
status=0
for lang in vi en; do
  "$bin" report "$tmp/run" "$tmp/sens" "$tmp/cmp" "$tmp/staff" --lang "$lang" --out "$tmp/report-$lang.html" >/dev/null
  "$venv/bin/python" scripts/report/check_in_browser.py "$tmp/report-$lang.html" "$tmp/run/summary.json" "$lang" "$shots" \
    "$tmp/sens/sensitivity.json" "$tmp/cmp/compare.json" || status=1
done
# A4 pages: every PDF the check printed (with the page's own @page size) is 595 x 842 pt,
# and page 1 of each is rendered to PNG beside it (look at it). Needs poppler-utils.
if command -v pdfinfo >/dev/null; then
  for pdf in "$shots"/*.pdf; do
    size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
    case "$size" in
      "594.96 x 841.92"* | "595 x 842"* | "595.276 x 841.89"*) echo "$pdf: A4 ($size)" ;;
      *) echo "$pdf: page size $size, expected A4 (595 x 842 pt)" >&2; status=1 ;;
    esac
    pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$pdf" "${pdf%.pdf}-page1"
  done
else
  echo "pdfinfo is missing (apt-get install -y poppler-utils): page size not checked" >&2
  status=1
fi
exit $status
