#!/usr/bin/env python3
"""Checks the unit table of a province (scenarios/data/*-units.csv) before a scenario reads it.

    scripts/check-units-data.py [UNITS_CSV] [--expect DISTRICT=N ...] [--facts FACTS_CSV]

With no argument it checks scenarios/data/tuyen-quang-2022-units.csv against the counts that
docs/sources.md gives for Tuyên Quang in 2022 (138 commune-level units: 10 wards, 6 towns,
122 communes; by district 15, 10, 12, 24, 18, 28, 31) and the district facts file beside it.

What it checks, each failure printed as FILE:LINE: message:
- the header is exactly the documented one and every row has as many fields;
- ids are lowercase ASCII slugs (a-z, 0-9, single hyphens), unique across the file;
- level is district or commune; kind is city/district for a district, ward/commune/town for a
  commune; a district's parent is pasc, a commune's parent is a district id of the file;
- the name starts with the Vietnamese prefix of its kind (Phường, Xã, Thị trấn, Huyện,
  Thành phố);
- population is a positive integer, area_km2 a positive number, population_year a year between
  1999 and 2022, source not empty;
- each district's population and area equal the sums of its communes (area within 0.01 km2
  per commune, for rounding);
- the counts by district (those given with --expect, or all seven by default) and by kind
  (default only) equal the expected ones.
It prints the counts and totals by district and kind, and exits 1 when anything failed.
"""
import csv
import re
import sys

HEADER = ["id", "name", "parent", "level", "kind", "population", "area_km2", "population_year", "source"]
KINDS = {"district": {"city", "district"}, "commune": {"ward", "commune", "town"}}
PREFIX = {
    "city": "Thành phố ", "district": "Huyện ", "ward": "Phường ", "commune": "Xã ", "town": "Thị trấn ",
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULT_UNITS = "scenarios/data/tuyen-quang-2022-units.csv"
DEFAULT_FACTS = "scenarios/data/tuyen-quang-2022-district-facts.csv"
# Tuyên Quang, 2022 (GSO list of 1 October 2022; see docs/sources.md).
DEFAULT_EXPECT = {
    "tp-tuyen-quang": 15, "lam-binh": 10, "na-hang": 12, "chiem-hoa": 24,
    "ham-yen": 18, "yen-son": 28, "son-duong": 31,
}
DEFAULT_KINDS = {"ward": 10, "town": 6, "commune": 122}
FACTS_HEADER = ["unit_id", "fact", "value", "unit", "year", "source", "note"]


class Report:
    """Collects failures as FILE:LINE: message."""

    def __init__(self):
        self.errors = []

    def fail(self, path, line, message):
        self.errors.append(f"{path}:{line}: {message}")


def read_rows(path, header, report):
    """Returns (line number, row dict) pairs, or [] when the header is wrong."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        first = next(reader, None)
        if first != header:
            report.fail(path, 1, f"header is {first}, expected {header}")
            return []
        rows = []
        for fields in reader:
            line = reader.line_num
            if len(fields) != len(header):
                report.fail(path, line, f"{len(fields)} fields, expected {len(header)}")
                continue
            rows.append((line, dict(zip(header, fields))))
        return rows


def check_row(path, line, r, report):
    """Checks one row on its own: id, level, kind, name, numbers, source."""
    if not SLUG.match(r["id"]):
        report.fail(path, line, f"id '{r['id']}' is not a lowercase ASCII slug")
    if r["level"] not in KINDS:
        report.fail(path, line, f"level '{r['level']}', expected district or commune")
        return
    if r["kind"] not in KINDS[r["level"]]:
        report.fail(path, line, f"kind '{r['kind']}' for level {r['level']}, expected {sorted(KINDS[r['level']])}")
    elif not r["name"].startswith(PREFIX[r["kind"]]):
        report.fail(path, line, f"name '{r['name']}' does not start with '{PREFIX[r['kind']]}' (kind {r['kind']})")
    if not re.fullmatch(r"[1-9][0-9]*", r["population"]):
        report.fail(path, line, f"population '{r['population']}' is not a positive integer")
    try:
        if float(r["area_km2"]) <= 0:
            raise ValueError
    except ValueError:
        report.fail(path, line, f"area_km2 '{r['area_km2']}' is not a positive number")
    if not (r["population_year"].isdigit() and 1999 <= int(r["population_year"]) <= 2022):
        report.fail(path, line, f"population_year '{r['population_year']}' is not a year in 1999-2022")
    if not r["source"].strip():
        report.fail(path, line, "source is empty")


def check_units(path, expect, expect_kinds, report, full=False):
    """Checks the unit table and prints its counts; returns the ids it holds."""
    rows = read_rows(path, HEADER, report)
    seen = {}
    for line, r in rows:
        check_row(path, line, r, report)
        if r["id"] in seen:
            report.fail(path, line, f"id '{r['id']}' already used on line {seen[r['id']]}")
        seen.setdefault(r["id"], line)
    districts = {r["id"]: (line, r) for line, r in rows if r["level"] == "district"}
    communes = [(line, r) for line, r in rows if r["level"] == "commune"]
    for line, r in districts.values():
        if r["parent"] != "pasc":
            report.fail(path, line, f"district parent '{r['parent']}', expected pasc")
    for line, r in communes:
        if r["parent"] not in districts:
            report.fail(path, line, f"parent '{r['parent']}' is not a district id of this file")
    print(f"{'district':16} {'units':>5} {'ward':>5} {'town':>5} {'commune':>7} {'population':>10} {'area_km2':>9}")
    totals = {"ward": 0, "town": 0, "commune": 0}
    for did, (line, d) in districts.items():
        own = [r for _, r in communes if r["parent"] == did]
        kinds = {k: sum(1 for r in own if r["kind"] == k) for k in totals}
        for k in totals:
            totals[k] += kinds[k]
        pop = sum(int(r["population"]) for r in own if r["population"].isdigit())
        area = sum(float(r["area_km2"]) for r in own if re.fullmatch(r"[0-9.]+", r["area_km2"]))
        print(f"{did:16} {len(own):5} {kinds['ward']:5} {kinds['town']:5} {kinds['commune']:7} {pop:10} {area:9.2f}")
        if d["population"] != str(pop):
            report.fail(path, line, f"{did} population {d['population']} != sum of its communes {pop}")
        if re.fullmatch(r"[0-9.]+", d["area_km2"]) and abs(float(d["area_km2"]) - area) > 0.01 * max(1, len(own)):
            report.fail(path, line, f"{did} area {d['area_km2']} != sum of its communes {area:.2f}")
        if did in expect and len(own) != expect[did]:
            report.fail(path, line, f"{did} has {len(own)} commune-level units, expected {expect[did]}")
    for did in sorted(set(expect) - set(districts)):
        report.fail(path, 1, f"no district row with id '{did}'")
    if full and set(expect) != set(districts):
        report.fail(path, 1, f"district ids {sorted(districts)}, expected {sorted(expect)}")
    pop = sum(int(r["population"]) for _, r in communes if r["population"].isdigit())
    print(f"{'total':16} {len(communes):5} {totals['ward']:5} {totals['town']:5} {totals['commune']:7} {pop:10}")
    if expect_kinds and totals != expect_kinds:
        report.fail(path, 1, f"units by kind {totals}, expected {expect_kinds}")
    return set(seen)


def check_facts(path, ids, report):
    """Checks the district facts file: header, known unit ids, numeric values, sources."""
    rows = read_rows(path, FACTS_HEADER, report)
    for line, r in rows:
        if r["unit_id"] not in ids and r["unit_id"] != "province":
            report.fail(path, line, f"unit_id '{r['unit_id']}' is neither a unit id nor province")
        try:
            float(r["value"])
        except ValueError:
            report.fail(path, line, f"value '{r['value']}' is not a number")
        if not r["source"].strip():
            report.fail(path, line, "source is empty")
    print(f"{path}: {len(rows)} facts")


def main(argv):
    args = list(argv)
    expect, facts = {}, None
    if "--facts" in args:
        i = args.index("--facts")
        facts = args[i + 1]
        del args[i:i + 2]
    while "--expect" in args:
        i = args.index("--expect")
        key, _, n = args[i + 1].partition("=")
        expect[key] = int(n)
        del args[i:i + 2]
    units = args[0] if args else DEFAULT_UNITS
    expect_kinds = None
    if not args:
        expect, expect_kinds, facts = DEFAULT_EXPECT, DEFAULT_KINDS, facts or DEFAULT_FACTS
    report = Report()
    ids = check_units(units, expect, expect_kinds, report, full=not args)
    if facts:
        check_facts(facts, ids, report)
    for e in report.errors:
        print(e, file=sys.stderr)
    print("ok" if not report.errors else f"{len(report.errors)} problem(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
