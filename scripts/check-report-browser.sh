#!/usr/bin/env bash
# check-report-browser.sh -- onestop's reports in a real browser (headless Chromium driven
# by chromedriver through Selenium): no console error, no network request, every chart
# drawn, the headline numbers equal summary.json, Vietnamese text with a font, a PDF; for a
# sensitivity study, each KPI's tornado chart drawn and its sentence naming the top three.
# Screenshots and PDFs land in .build/report-screenshots/ (look at them).
#
#   scripts/check-report-browser.sh          # uses .build/debug/onestop (ONESTOP= to change)
#
# Needs Debian's chromium, chromium-driver and fonts-noto-core (CI installs them) and
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
"$bin" run scenarios/tuyen-quang-2022.yaml --replications 2 --set end=2022-03-01 --out "$tmp/run" --quiet >/dev/null
printf 'extends: %s\nscenario: mmc-short\nend: 2022-01-06\n' "$PWD/scenarios/mmc.yaml" > "$tmp/a.yaml"
printf 'extends: a.yaml\nscenario: mmc-nine-desks\nunits: [{id: desk-hall, desks: [{id: desks, count: 9}]}]\n' > "$tmp/b.yaml"
"$bin" compare "$tmp/a.yaml" "$tmp/b.yaml" --replications 2 --out "$tmp/cmp" >/dev/null
"$bin" staff scenarios/mmc.yaml --set end=2022-01-06 --target 'desk_wait_mean<=1m' \
  --vary 'units[desk-hall].desks[desks].count=1..12' --replications 2 --out "$tmp/staff" >/dev/null 2>&1
# A sensitivity study of the M/M/c queue's waits: three parameters (one the waits never read),
# 3 Morris walks and 8 Sobol rows for the top two, 2 replications (a few seconds).
"$bin" sensitivity scenarios/mmc.yaml --kpi desk_wait_mean --kpi desk_wait_p90 --set end=2022-01-06 \
  --param 'demand[0].annual_volume=3400000..3800000' --param 'procedures[any].intake_time.exponential=0.9..1' \
  --param behaviour.guidance_time --trajectories 3 --sobol 8 --top 2 --replications 2 --resamples 200 \
  --out "$tmp/sens" >/dev/null 2>&1
status=0
for lang in vi en; do
  "$bin" report "$tmp/run" "$tmp/cmp" "$tmp/staff" "$tmp/sens" --lang "$lang" --out "$tmp/report-$lang.html" >/dev/null
  "$venv/bin/python" scripts/report/check_in_browser.py "$tmp/report-$lang.html" "$tmp/run/summary.json" "$lang" "$shots" \
    "$tmp/sens/sensitivity.json" || status=1
done
exit $status
