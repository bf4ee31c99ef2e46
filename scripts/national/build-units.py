#!/usr/bin/env python3
"""Builds scenarios/data/national/units-2025.csv (the 3,321 commune-level units of 1/7/2025)
from the public unit list of thanglequoc/vietnamese-provinces-database (MIT licence), with
the unit kinds of 1/7/2025 checked against khanhk8a/vn-geo, and the province table
scenarios/data/national/provinces-2025.csv (checked in, sourced row by row).

Usage: scripts/national/build-units.py THANGLEQUOC_GIT_DIR VNGEO_GIT_DIR

Each argument is a clone (or bare mirror) of the repository; the files are read with
`git show` at the commits pinned below, so the output does not depend on later changes.
Commune-level populations are not public in any of the datasets (the 34 commune
resolutions hold them, uncollected): they are imputed, see docs/national.md.
"""
import csv, io, json, math, subprocess, sys, unicodedata

THANGLEQUOC_COMMIT = "cd58063299585146ded3981f2272946ef19ced54"
THANGLEQUOC_FILE = "json/simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json"
VNGEO_COMMIT = "88ff9ab"
VNGEO_FILE = "csv/wards.csv"
# Imputation of unit populations (docs/national.md): a unit's share of its province's
# population is proportional to KIND_FACTOR[kind] * exp(SIGMA * z), z a standard normal
# drawn from the FNV-1a hash of the unit's statistics-office code (deterministic).
KIND_FACTOR = {"ward": 1.8, "commune": 1.0, "special-zone": 0.5}
SIGMA = 0.4
PREFIX = {"Phường": "ward", "Xã": "commune", "xã": "commune", "Đặc khu": "special-zone"}


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def mix(x):
    """SplitMix64's finaliser: FNV-1a alone barely moves the high bits on the last byte."""
    x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


def normal(code):
    u1 = ((mix(fnv1a("unit-pop/a/" + code)) >> 11) + 0.5) / 2**53
    u2 = ((mix(fnv1a("unit-pop/b/" + code)) >> 11) + 0.5) / 2**53
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


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
    if len(sys.argv) != 3:
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
        weights = [KIND_FACTOR[k] * math.exp(SIGMA * normal(w["Code"])) for w, k, _ in units]
        total = sum(weights)
        pop = int(prov["population"])
        seen = {}
        for (w, kind, note), wt in zip(units, weights):
            uid = slug(w["Name"])
            if uid in seen:
                uid = f"{uid}-{w['Code']}"
            seen[uid] = True
            rows.append({"id": uid, "code": w["Code"], "name": w["FullName"], "province": prov["id"],
                         "province_code": p["Code"], "kind": kind,
                         "population": max(1, round(pop * wt / total)), "population_source": "imputed",
                         "notes": note})
    rows.sort(key=lambda r: (r["province_code"], r["code"]))
    out = io.StringIO()
    wr = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    wr.writeheader()
    wr.writerows(rows)
    with open(f"{here}/scenarios/data/national/units-2025.csv", "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    kinds = {k: sum(r["kind"] == k for r in rows) for k in KIND_FACTOR}
    print(f"{len(rows)} units: {kinds}")


if __name__ == "__main__":
    main()
