"""The 2019 census population of each 2025 commune-level unit, summed over the old units it was
formed from (docs/national.md, "Unit populations"). Used by build-units.py.

Two public sources, read with `git show` at pinned commits:
- the merger record of every 2025 unit, as shown by the official reference map
  sapnhap.bando.com.vn (field `truocsapnhap`, "before the merger": the old wards, townships and
  communes, whole or in part), crawled into thanglequoc/vietnamese-provinces-database
  (`sapnhapbando_geo_objects.sql`, keyed by the statistics-office code of the new unit);
- the population of every old unit at the Population and Housing Census of 1/4/2019 (statistics
  office, portal.thongke.gov.vn/khodulieudanso2019), as tabulated by hgscarlette/vn-demographic
  (`VN_Population_ward.csv`, 11,165 rows, 96.2 million people).

An old unit listed in part ("một phần diện tích ...", "phần còn lại ...") counts for half. An old
unit that is not in the 2019 table (renamed or formed from others between 2019 and 2024) counts
as the median old unit of its type in its old province (population and area); the row's source
says how many matched. Areas are those of the old units' boundaries in the same table (GADM).
"""
import csv
import functools
import io
import re
import statistics
import subprocess
import unicodedata

MERGER_COMMIT = "cd58063299585146ded3981f2272946ef19ced54"
MERGER_FILE = "dataset-generation-scripts/resources/gis/sapnhapbando_geo_objects.sql"
CENSUS_COMMIT = "bfc550816e562fb5e16ee7a4ac0ffcb71f5ad99e"
CENSUS_FILE = "VN_Population_ward.csv"
PARTIAL = 0.5
TYPES = {"phường": "phuong", "thị trấn": "thitran", "xã": "xa", "huyện": "huyen"}
CENSUS_TYPES = {"Phường": "phuong", "ThịTrấn": "thitran", "Xã": "xa", "Huyện": "huyen"}
# Old tone placement (Hoà, Thuý) and the census' spelling of old province names.
TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy",
         "uỹ": "ũy", "uỵ": "ụy"}
PROVINCE_ALIAS = {"huế": "thừathiênhuế"}
OWN_TYPE = {"ward": "phuong", "commune": "xa", "special-zone": None}


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def norm(text):
    t = unicodedata.normalize("NFC", text).lower().replace(" ", "").replace("-", "")
    for a, b in TONES.items():
        t = t.replace(a, b)
    t = t.lstrip("0") if t.isdigit() else t
    return PROVINCE_ALIAS.get(t, t)


@functools.lru_cache(maxsize=None)
def merger_records(repo):
    """Statistics-office code of a 2025 unit -> its `truocsapnhap` text."""
    sql = git_show(repo, MERGER_COMMIT, MERGER_FILE)
    out = {}
    field = r"'((?:[^']|'')*)'"
    for m in re.finditer(rf"\('(\d{{5}})', {field}, '\d+', {field}, {field}", sql):
        out[m.group(1)] = unicodedata.normalize("NFC", m.group(4).replace("''", "'"))
    return out


def old_units(text):
    """[(type, name, district hint, partial)] read from a merger record."""
    out, kind, partial = [], None, False
    for seg in re.split(r",|;|\bvà\b", text):
        hint = " ".join(re.findall(r"\(([^)]*)\)", seg))
        s = re.sub(r"\([^)]*\)", " ", seg)
        s = re.sub(r"sau khi s[áắ]p [xX]ếp|\(?phần còn lại.*|^\s*các\s", " ", s, flags=re.I).strip()
        lowered = seg.lower()
        marks_part = "một phần" in lowered or "phần còn lại" in lowered
        m = re.search(r"(?:^|.*\s)(phường|thị trấn|xã|huyện)\s+(.+)$", s, flags=re.I)
        if m:
            kind = TYPES[m.group(1).lower()]
            name = m.group(2).strip()
            starts = bool(re.match(r"^(phường|thị trấn|xã|huyện)\s", s, flags=re.I))
            partial = marks_part or "phần" in hint or (partial and not starts)
        elif s and len(s.split()) <= 4 and not re.search(r"diện tích|dân số|giữ nguyên", s, re.I):
            name = s
            partial = partial or marks_part
        else:
            partial = partial or marks_part
            continue
        out.append((kind, name, hint, partial or "phần" in hint))
    return out


@functools.lru_cache(maxsize=None)
def census_table(repo):
    rows = list(csv.DictReader(io.StringIO(git_show(repo, CENSUS_COMMIT, CENSUS_FILE))))
    table = {}
    for r in rows:
        if r["ward_title"] not in CENSUS_TYPES or not r["total"]:
            continue
        table.setdefault(norm(r["city"]), []).append(
            (CENSUS_TYPES[r["ward_title"]], norm(r["ward"]), norm(r["district"]), int(float(r["total"])),
             float(r["area_sqm"] or 0) / 1e6))
    return table


def census_populations(units, provinces, merger_repo, census_repo):
    """Unit code -> (census population, old units matched, old units listed, old urban units (wards and
    townships), area in km² of the matched old units)."""
    records = merger_records(merger_repo)
    census = census_table(census_repo)
    result = {}
    for u in units:
        prov = provinces[u["province"]]
        olds = [r for p in prov["merged_from"].split(";") for r in census.get(norm(p), [])]
        median = {t: statistics.median([r[3] for r in olds if r[0] == t] or [r[3] for r in olds]) for t in
                  CENSUS_TYPES.values()}
        median_area = {t: statistics.median([r[4] for r in olds if r[0] == t] or [r[4] for r in olds]) for t in
                       CENSUS_TYPES.values()}
        listed = old_units(records.get(u["code"], ""))
        if not listed:  # "giữ nguyên": kept as it was (or no record): the unit itself
            own = OWN_TYPE.get(u["kind"])
            listed = [(own, re.sub(r"^(Phường|Xã|Đặc khu)\s+", "", u["name"]), "", False)]
        picks = []
        for kind, name, hint, partial in listed:
            if kind == "huyen":  # an island district that became a special zone: all of it
                rows = [r for r in olds if r[2] == norm(name)] or [r for r in olds if r[1] == norm(name)]
                picks.append(("xa", partial, [("huyen", "", "", sum(r[3] for r in rows), sum(r[4] for r in rows))]
                                             if rows else []))
                continue
            cands = [r for r in olds if r[1] == norm(name)]
            same = [r for r in cands if r[0] == kind]
            cands = same or cands
            if len(cands) > 1 and hint:
                narrowed = [r for r in cands if r[2] and r[2] in norm(hint)]
                cands = narrowed or cands
            picks.append((kind, partial, cands))
        districts = [c[0][2] for _, _, c in picks if len(c) == 1 and c[0][2]]
        total, area, matched = 0.0, 0.0, 0
        for kind, partial, cands in picks:
            if len(cands) > 1 and districts:
                near = [r for r in cands if r[2] in districts]
                cands = near or cands
            share = PARTIAL if partial else 1.0
            if cands:
                matched += 1
                total += share * statistics.mean(r[3] for r in cands)
                known = [r[4] for r in cands if r[4] > 0]  # island districts without a boundary: the median
                area += share * (statistics.mean(known) if known else median_area.get(kind, median_area["xa"]))
            else:
                total += share * median.get(kind, median["xa"])
                area += share * median_area.get(kind, median_area["xa"])
        urban = sum(1 for kind, _, _ in picks if kind != "xa")
        result[u["code"]] = (round(total), matched, len(picks), urban, round(area, 2))
    return result
