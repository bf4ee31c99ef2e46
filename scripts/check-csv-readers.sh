#!/usr/bin/env bash
# check-csv-readers.sh -- pandas (and R, when installed) read every CSV onestop writes
# without a warning, and with the types the files promise.
#
#   scripts/check-csv-readers.sh              # uses .build/debug/onestop (ONESTOP= to change)
#
# Writes run results (`run --out`, with and without --csv-bom, a trace) and a merged sweep
# into a temporary directory, then reads each CSV:
#   pandas (in a virtual environment, .build-csv/venv, created and filled with pip on first
#   use; never the system Python) with every warning an error: every column except the
#   named text columns must be numeric (int or float; empty cells are NaN), the header must
#   not carry a BOM into the first column name, and no value may hold a unit;
#   R (Rscript, skipped when not installed) with options(warn = 2) and read.csv: the same.
# Exit status 0 when every file reads cleanly, 1 otherwise. Not part of scripts/test.sh
# (the first run downloads pandas).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bin=${ONESTOP:-.build/debug/onestop}
[ -x "$bin" ] || swift build --product onestop >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" run scenarios/bac-kan-2021.yaml --replications 2 --set end=2021-02-01 --out "$tmp/run" --trace "$tmp/run/trace.csv" --quiet >/dev/null
"$bin" run scenarios/mmc.yaml --replications 2 --set end=2022-01-05 --out "$tmp/bom" --csv-bom --quiet >/dev/null
cat > "$tmp/sweep.yaml" <<YAML
sweep: csv-readers
base: $ROOT/scenarios/mmc.yaml
parameters:
  - key: end
    values: ["2022-01-05"]
  - key: units[desk-hall].desks[desks].count
    name: desks
    from: 8
    to: 9
    step: 1
    integer: true
  - key: procedures[any].intake_time.exponential
    values: [55s, 60s]
replications: 2
seed: 3
kpis: [desk_wait_mean, desk_wait_p90, desk_utilisation, desk_wait_mean@desk-hall, received]
YAML
"$bin" sweep plan "$tmp/sweep.yaml" --out "$tmp/sweep" >/dev/null
"$bin" sweep run "$tmp/sweep" --quiet
"$bin" sweep merge "$tmp/sweep" >/dev/null

# Text columns per file; every other column must be numeric.
cat > "$tmp/text-columns.txt" <<'TXT'
units.csv unit name level parent
agencies.csv station name unit kind
hours.csv
hours_by_level.csv level
levels.csv level
months.csv month level
replications.csv kpi unit
trace.csv event date clock unit procedure channel_in agency due_date detail
results.csv id end
TXT
files=$(cd "$tmp" && ls run/*.csv bom/*.csv sweep/results.csv)

status=0
venv="$ROOT/.build-csv/venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv" || { echo "check-csv-readers: python3 -m venv failed (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
"$venv/bin/python" -c 'import pandas' 2>/dev/null || "$venv/bin/python" -m pip install --quiet pandas
"$venv/bin/python" - "$tmp" $files <<'PY' || status=1
import sys, warnings
warnings.simplefilter("error")
import pandas as pd
from pandas.api.types import is_numeric_dtype
tmp, files = sys.argv[1], sys.argv[2:]
text = {}
with open(f"{tmp}/text-columns.txt") as lines:
    for line in lines:
        parts = line.split()
        text[parts[0]] = set(parts[1:])
bad = 0
for f in files:
    name = f.split("/")[-1]
    try:
        df = pd.read_csv(f"{tmp}/{f}", encoding="utf-8-sig", keep_default_na=True)
    except Exception as e:  # a warning is an error here
        print(f"pandas: {f}: {type(e).__name__}: {e}"); bad += 1; continue
    if any(c.startswith("\ufeff") for c in df.columns):
        print(f"pandas: {f}: BOM in a column name"); bad += 1
    for c in df.columns:
        if c in text.get(name, set()):
            continue
        if not is_numeric_dtype(df[c]) and not df[c].isna().all():
            print(f"pandas: {f}: column {c} is {df[c].dtype}, not numeric: {df[c].head(3).tolist()}"); bad += 1
    if len(df) == 0:
        print(f"pandas: {f}: no rows"); bad += 1
print(f"pandas {pd.__version__}: {len(files)} files, {bad} problems")
sys.exit(1 if bad else 0)
PY

if command -v Rscript >/dev/null; then
    Rscript - "$tmp" $files <<'R' || status=1
options(warn = 2)
args <- commandArgs(trailingOnly = TRUE)
tmp <- args[1]; files <- args[-1]
text <- list()
for (line in readLines(file.path(tmp, "text-columns.txt"))) {
  parts <- strsplit(line, " ")[[1]]
  text[[parts[1]]] <- parts[-1]
}
bad <- 0
for (f in files) {
  name <- basename(f)
  df <- tryCatch(read.csv(file.path(tmp, f), fileEncoding = "UTF-8-BOM", check.names = FALSE, stringsAsFactors = FALSE),
                 error = function(e) { message("R: ", f, ": ", conditionMessage(e)); NULL })
  if (is.null(df)) { bad <- bad + 1; next }
  for (c in names(df)) {
    if (c %in% text[[name]]) next
    if (!is.numeric(df[[c]]) && !all(is.na(df[[c]]))) { message("R: ", f, ": column ", c, " is ", class(df[[c]])); bad <- bad + 1 }
  }
}
message(sprintf("R %s: %d files, %d problems", getRversion(), length(files), bad))
quit(status = if (bad > 0) 1 else 0)
R
else
    echo "R: Rscript not installed, skipped"
fi
exit $status
