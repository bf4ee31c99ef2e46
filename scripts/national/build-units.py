#!/usr/bin/env python3
"""Builds scenarios/data/national/units-2025.csv (the 3,321 commune-level units of 1/7/2025)
from the public unit list of thanglequoc/vietnamese-provinces-database (MIT licence), with
the unit kinds of 1/7/2025 checked against khanhk8a/vn-geo, and the province table
scenarios/data/national/provinces-2025.csv (checked in, sourced row by row).

Usage: scripts/national/build-units.py THANGLEQUOC_GIT_DIR VNGEO_GIT_DIR VNDEMOGRAPHIC_GIT_DIR

Each argument is a clone (or bare mirror) of the repository (the third:
hgscarlette/vn-demographic); the files are read with `git show` at the commits pinned here
and in census_driver.py, so the output does not depend on later changes.
No dataset has the population of a 2025 unit; each unit's is the 2019 census population of
the old units it was formed from (census_driver.py), scaled so that a province's units add up
to its population in the province table; see docs/national.md.
"""
import csv, io, json, math, os, subprocess, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import census_driver  # noqa: E402

THANGLEQUOC_COMMIT = "cd58063299585146ded3981f2272946ef19ced54"
THANGLEQUOC_FILE = "json/simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json"
VNGEO_COMMIT = "88ff9ab"
VNGEO_FILE = "csv/wards.csv"
KINDS = ["ward", "commune", "special-zone"]
PREFIX = {"Phường": "ward", "Xã": "commune", "xã": "commune", "Đặc khu": "special-zone"}


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def slug(text):
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").lower()
    out = "".join(c if c.isalnum() else "-" for c in t)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def kind_of(full_name):
    for p, k in PREFIX.items():
        if full_name.startswith(p + " "):
            return k
    raise SystemExit(f"unknown unit type in '{full_name}'")


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    here = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, check=True,
                          text=True).stdout.strip()
    provinces = list(csv.DictReader(open(f"{here}/scenarios/data/national/provinces-2025.csv", encoding="utf-8")))
    by_code = {p["code"]: p for p in provinces}
    data = json.loads(git_show(sys.argv[1], THANGLEQUOC_COMMIT, THANGLEQUOC_FILE))
    geo = list(csv.DictReader(io.StringIO(git_show(sys.argv[2], VNGEO_COMMIT, VNGEO_FILE))))
    geo_kind = {g["name"]: g["type"] for g in geo if g["fullName"].endswith("Tỉnh Đồng Nai")}
    rows = []
    for p in data:
        prov = by_code[p["Code"]]
        units = []
        for w in p["Wards"]:
            kind = kind_of(w["FullName"])
            note = ""
            # Đồng Nai: 10 communes became wards on 30/4/2026 (NQ 237/NQ-UBTVQH16); the
            # vn-geo list (13/6/2025) has the 1/7/2025 kinds.
            if prov["name_ascii"] == "Dong Nai" and kind == "ward" and \
                    geo_kind.get(w["Name"], "ward") == "commune":
                kind, note = "commune", "commune on 1/7/2025, ward from 30/4/2026 (NQ 237/NQ-UBTVQH16)"
            units.append((w, kind, note))
        pop = int(prov["population"])
        unit_rows = [{"province": prov["id"], "code": w["Code"], "kind": k, "name": w["FullName"]}
                     for w, k, _ in units]
        census = census_driver.census_populations(unit_rows, {prov["id"]: prov}, sys.argv[1], sys.argv[3])
        total = sum(census[w["Code"]][0] for w, _, _ in units)
        seen = {}
        for w, kind, note in units:
            c, matched, listed, _, area = census[w["Code"]]
            uid = slug(w["Name"])
            if uid in seen:
                uid = f"{uid}-{w['Code']}"
            seen[uid] = True
            source = f"census-2019: {matched} of {listed} old units"
            source += "" if matched == listed else "; the rest at their old province's median"
            rows.append({"id": uid, "code": w["Code"], "name": w["FullName"], "province": prov["id"],
                         "province_code": p["Code"], "kind": kind,
                         "population": max(1, round(pop * c / total)), "population_source": source,
                         "census_2019": c, "area_km2": f"{max(area, 0.01):.2f}", "old_units": listed,
                         "notes": note})
    rows.sort(key=lambda r: (r["province_code"], r["code"]))
    out = io.StringIO()
    wr = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    wr.writeheader()
    wr.writerows(rows)
    with open(f"{here}/scenarios/data/national/units-2025.csv", "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    kinds = {k: sum(r["kind"] == k for r in rows) for k in KINDS}
    print(f"{len(rows)} units: {kinds}")


if __name__ == "__main__":
    main()
