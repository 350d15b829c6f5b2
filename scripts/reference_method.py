#!/usr/bin/env python3
"""Independent reference implementation of the allocation method of METHOD.md.

This is a deliberately plain, slow and readable translation of METHOD.md, written
without looking at the C++ implementation, so that its output can serve as an
independent check of `verdeel show --format json` (INTERFACE.md; the "record" field
is omitted because it depends on the ledger, not on the method).

Standard library only. All arithmetic is exact: int and fractions.Fraction, never float.

Usage:
    python3 scripts/reference_method.py [--cycle 2024] [--province NAME] CASE_DIR
    python3 scripts/reference_method.py --check

Output: one JSON object when the case holds one province or --province is given,
otherwise a JSON array of objects ordered by province name. Bad input: a message
`file:line: what is wrong` on stderr and exit status 2.

Where METHOD.md leaves room, this reference reads it as follows:
- "extra already given" in the head of a later category is the rounded (whole) extra
  of the earlier category;
- exchange_full counts the regulier places realised for the municipality by others;
- a member with ind[i][c] = 0 can never be lifted (e = 0 for every p), so its head does
  not count towards "everyone at its cap" when deciding whether there is a shortfall;
- in a shortfall every member would get its head, and the five-place minimum applies
  to those heads as well;
- in a decimal column (historie gemiddeld, oekraine) `1.250` is refused as ambiguous
  (1250 or 1,25?), as verdeel does; `1,25` or `1.25` is one and a quarter;
- the policy name is beleid.json's "name", else beleidsregel-2024 when nothing differs
  from the defaults, else "aangepast".
"""

import argparse
import csv
import io
import json
import os
import re
import sys
from fractions import Fraction

CATEGORIES = ("regulier", "amv")
CRITERIA = ("besluitvorming", "locatie_voor_raming", "verlenging", "toezegging")
# The order of the rule table of METHOD.md, step 4a (below_minimum comes from step 4b).
RULES = ("meets_indicative", "history", "ukraine", "exchange_full", "exchange_group", "below_minimum")

# METHOD.md, "Policy record": the defaults form the named policy beleidsregel-2024.
DEFAULT_POLICY = {
    "meets_indicative_basis": "total",
    "ukraine_factor": Fraction(2),
    "minimum_places": 5,
    "minimum_exclusion": "smallest_first",
    "category_order": ["regulier", "amv"],
    "rounding": "largest_remainder",
    "tie_break": ["indicative_desc", "code_asc"],
}
DEFAULT_POLICY_NAME = "beleidsregel-2024"


class InputError(Exception):
    """Bad input: reported as `file:line: message`, exit status 2."""

    def __init__(self, file, line, message):
        super().__init__(f"{file}:{line}: {message}")


# ---------------------------------------------------------------------------
# Reading a case directory (INTERFACE.md, "Input: a case directory")
# ---------------------------------------------------------------------------

WHOLE_PLAIN = re.compile(r"^[0-9]+$")
WHOLE_THOUSANDS = re.compile(r"^[1-9][0-9]{0,2}(\.[0-9]{3})+$")  # Dutch thousands separator: 1.250
DECIMAL = re.compile(r"^[0-9]+([.,][0-9]+)?$")


def parse_whole(text, file, line, column):
    """A whole, non-negative number; `1.250` is one thousand two hundred and fifty."""
    s = text.strip()
    if WHOLE_PLAIN.match(s):
        return int(s)
    if WHOLE_THOUSANDS.match(s):
        return int(s.replace(".", ""))
    raise InputError(file, line, f"column {column}: not a whole non-negative number: {text!r}")


def parse_rational(text, file, line, column):
    """A non-negative number that may be a decimal (`123,4` or `123.4`), parsed exactly.

    `1.250` could be 1250 or 1,25 and is refused; `12.345.678` is a whole number.
    """
    s = text.strip()
    if WHOLE_THOUSANDS.match(s) and s.count(".") == 1:
        raise InputError(file, line, f"column {column}: {text!r} is ambiguous (1250 or 1,25?)")
    if WHOLE_PLAIN.match(s) or WHOLE_THOUSANDS.match(s):
        return Fraction(parse_whole(s, file, line, column))
    if DECIMAL.match(s):
        return Fraction(s.replace(",", "."))  # Fraction("123.4") is exactly 617/5
    raise InputError(file, line, f"column {column}: not a non-negative number: {text!r}")


def read_table(case_dir, fname, columns, required):
    """Rows of one CSV file as (line number, {column: text}).

    Separator `,` or `;`, detected from the header; a UTF-8 BOM is accepted; column
    names are case-insensitive. Returns None for a missing optional file.
    """
    path = os.path.join(case_dir, fname)
    if not os.path.exists(path):
        if required:
            raise InputError(fname, 1, "required file is missing")
        return None
    with open(path, encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    header_line = text.split("\n", 1)[0]
    sep = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(fname, 1, "empty file, a header row is required")
    header = [h.strip().lower() for h in header]
    for h in header:
        if h not in columns:
            raise InputError(fname, 1, f"unknown column {h!r}")
    for col in columns:
        if col not in header:
            raise InputError(fname, 1, f"missing column {col!r}")
    rows = []
    for fields in reader:
        line = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue  # blank line
        if len(fields) != len(header):
            raise InputError(fname, line, f"expected {len(header)} fields, found {len(fields)}")
        rows.append((line, {h: f.strip() for h, f in zip(header, fields)}))
    return rows


def read_policy(case_dir):
    """beleid.json: policy values overriding the defaults (METHOD.md, "Policy record")."""
    policy = dict(DEFAULT_POLICY)
    name = DEFAULT_POLICY_NAME
    path = os.path.join(case_dir, "beleid.json")
    if not os.path.exists(path):
        return name, policy
    with open(path, encoding="utf-8-sig") as fh:
        try:
            given = json.load(fh)
        except json.JSONDecodeError as err:
            raise InputError("beleid.json", err.lineno, f"not valid JSON: {err.msg}")
    if not isinstance(given, dict):
        raise InputError("beleid.json", 1, "expected a JSON object")
    for key, value in given.items():
        if key == "name":
            continue
        if key not in policy:
            raise InputError("beleid.json", 1, f"unknown policy key {key!r}")
        if key == "ukraine_factor":
            if isinstance(value, dict):
                value = Fraction(value["num"], value["den"])
            elif isinstance(value, (int, str)) and not isinstance(value, bool):
                value = Fraction(str(value).replace(",", "."))
            else:
                raise InputError("beleid.json", 1, "ukraine_factor must be an integer, string or {num, den}")
        policy[key] = value
    allowed = {
        "meets_indicative_basis": ("total", "per_category"),
        "minimum_exclusion": ("smallest_first", "all_at_once"),
        "rounding": ("largest_remainder",),
    }
    for key, values in allowed.items():
        if policy[key] not in values:
            raise InputError("beleid.json", 1, f"{key} must be one of {', '.join(values)}")
    if sorted(policy["category_order"]) != sorted(CATEGORIES):
        raise InputError("beleid.json", 1, "category_order must name regulier and amv once each")
    if not isinstance(policy["minimum_places"], int) or policy["minimum_places"] < 0:
        raise InputError("beleid.json", 1, "minimum_places must be a whole non-negative number")
    if policy["tie_break"] != DEFAULT_POLICY["tie_break"]:
        raise InputError("beleid.json", 1, "only tie_break [indicative_desc, code_asc] is supported")
    if "name" in given:
        name = str(given["name"])
    elif policy != DEFAULT_POLICY:
        name = "aangepast"  # overrides without a name of their own
    return name, policy


def read_case(case_dir):
    """Everything of one case directory, validated; municipalities by CBS code."""
    case = {}

    # gemeenten.csv: code, naam, provincie
    gemeenten = {}  # code -> {"naam", "provincie"}
    by_name = {}
    for line, row in read_table(case_dir, "gemeenten.csv", ("code", "naam", "provincie"), True):
        code = row["code"].upper()
        if not re.match(r"^GM[0-9]{4}$", code):
            raise InputError("gemeenten.csv", line, f"not a CBS code: {row['code']!r}")
        if code in gemeenten:
            raise InputError("gemeenten.csv", line, f"{code} appears twice")
        if row["naam"] in by_name:
            raise InputError("gemeenten.csv", line, f"name {row['naam']!r} appears twice")
        gemeenten[code] = {"naam": row["naam"], "provincie": row["provincie"]}
        by_name[row["naam"]] = code
    case["gemeenten"] = gemeenten

    def muni(text, file, line):
        """A municipality by CBS code or by its exact name."""
        if text.upper() in gemeenten:
            return text.upper()
        if text in by_name:
            return by_name[text]
        raise InputError(file, line, f"unknown municipality {text!r}")

    def once_per_municipality(file, rows):
        seen = set()
        for line, row in rows:
            code = muni(row["gemeente"], file, line)
            if code in seen:
                raise InputError(file, line, f"{code} {gemeenten[code]['naam']} appears twice")
            seen.add(code)
            yield line, code, row

    # opgave.csv: provincie, regulier, amv
    task = {}
    for line, row in read_table(case_dir, "opgave.csv", ("provincie", "regulier", "amv"), True):
        if row["provincie"] in task:
            raise InputError("opgave.csv", line, f"province {row['provincie']!r} appears twice")
        task[row["provincie"]] = {c: parse_whole(row[c], "opgave.csv", line, c) for c in CATEGORIES}
    for code, g in gemeenten.items():
        if g["provincie"] not in task:
            raise InputError("opgave.csv", 1, f"province {g['provincie']!r} has no task")
    case["task"] = task

    # indicatief.csv and verslag.csv: gemeente, regulier, amv
    for key, fname in (("ind", "indicatief.csv"), ("rep", "verslag.csv")):
        table = {}
        rows = read_table(case_dir, fname, ("gemeente", "regulier", "amv"), True)
        for line, code, row in once_per_municipality(fname, rows):
            table[code] = {c: parse_whole(row[c], fname, line, c) for c in CATEGORIES}
        case[key] = table
    for code in gemeenten:
        if code not in case["ind"]:
            raise InputError("indicatief.csv", 1, f"{code} {gemeenten[code]['naam']} is missing")
        case["rep"].setdefault(code, {"regulier": 0, "amv": 0})  # absent row = 0

    # kansrijk.csv: gemeente, regulier, amv, criteria (several rows per municipality allowed)
    initiatives = []
    for line, row in read_table(case_dir, "kansrijk.csv", ("gemeente", "regulier", "amv", "criteria"), False) or []:
        code = muni(row["gemeente"], "kansrijk.csv", line)
        criteria = [c.strip() for c in row["criteria"].split("|") if c.strip()]
        for c in criteria:
            if c not in CRITERIA:
                raise InputError("kansrijk.csv", line, f"unknown criterion {c!r}")
        places = {c: parse_whole(row[c], "kansrijk.csv", line, c) for c in CATEGORIES}
        initiatives.append({"gemeente": code, "places": places, "criteria": criteria})
    case["initiatives"] = initiatives

    # historie.csv: gemeente, gemiddeld (a rational)
    hist = {}
    for line, code, row in once_per_municipality(
            "historie.csv", read_table(case_dir, "historie.csv", ("gemeente", "gemiddeld"), False) or []):
        hist[code] = parse_rational(row["gemiddeld"], "historie.csv", line, "gemiddeld")
    case["hist"] = hist

    # oekraine.csv: gemeente, plaatsen, evenredig
    ukr = {}
    for line, code, row in once_per_municipality(
            "oekraine.csv", read_table(case_dir, "oekraine.csv", ("gemeente", "plaatsen", "evenredig"), False) or []):
        ukr[code] = {k: parse_rational(row[k], "oekraine.csv", line, k) for k in ("plaatsen", "evenredig")}
    case["ukr"] = ukr

    # uitruil.csv: van, voor, categorie, plaatsen (several rows allowed)
    exchanges = []
    for line, row in read_table(case_dir, "uitruil.csv", ("van", "voor", "categorie", "plaatsen"), False) or []:
        van = muni(row["van"], "uitruil.csv", line)
        voor = muni(row["voor"], "uitruil.csv", line)
        if van == voor:
            raise InputError("uitruil.csv", line, f"{van} exchanges with itself")
        if gemeenten[van]["provincie"] != gemeenten[voor]["provincie"]:
            raise InputError("uitruil.csv", line, f"exchange across provinces: {van} and {voor}")
        cat = row["categorie"].lower()
        if cat not in CATEGORIES:
            raise InputError("uitruil.csv", line, f"unknown category {row['categorie']!r}")
        exchanges.append({"line": line, "van": van, "voor": voor, "categorie": cat,
                          "plaatsen": parse_whole(row["plaatsen"], "uitruil.csv", line, "plaatsen")})
    case["exchanges"] = exchanges

    # An exchange by one municipality may not exceed its report plus promising initiatives.
    for van in sorted({x["van"] for x in exchanges}):
        for cat in CATEGORIES:
            given = sum(x["plaatsen"] for x in exchanges if x["van"] == van and x["categorie"] == cat)
            held = case["rep"][van][cat] + sum(
                ini["places"][cat] for ini in initiatives if ini["gemeente"] == van and ini["criteria"])
            if given > held:
                last = max(x["line"] for x in exchanges if x["van"] == van and x["categorie"] == cat)
                raise InputError("uitruil.csv", last,
                                 f"{van} exchanges {given} {cat} places but holds only {held}")

    # uitruilgroepen.csv: groep, gemeente (one row per member)
    groups = {}
    for line, row in read_table(case_dir, "uitruilgroepen.csv", ("groep", "gemeente"), False) or []:
        code = muni(row["gemeente"], "uitruilgroepen.csv", line)
        members = groups.setdefault(row["groep"], [])
        if code in members:
            raise InputError("uitruilgroepen.csv", line, f"{code} is twice in group {row['groep']!r}")
        if members and gemeenten[members[0]]["provincie"] != gemeenten[code]["provincie"]:
            raise InputError("uitruilgroepen.csv", line, f"group {row['groep']!r} spans provinces")
        members.append(code)
    case["groups"] = groups

    case["policy_name"], case["policy"] = read_policy(case_dir)
    return case


# ---------------------------------------------------------------------------
# Step 4b helpers: water filling, found by walking breakpoints
# ---------------------------------------------------------------------------

def share(p, ind, attr, head):
    """METHOD.md step 4b: e[i](p) = min(head, max(0, p * ind - attr))."""
    return min(Fraction(head), max(Fraction(0), p * ind - attr))


def water_fill(members, rest, ind, attr, head):
    """The smallest p with sum of e[i](p) over members = rest, and the shares e[i](p).

    Returns (p, e). In a shortfall (sum of heads < rest, or no members) there is no p:
    returns (None, head) -- every member gets its head.

    Method of this reference (independent of the C++ one): e(p) summed over members is
    continuous, piecewise linear and non-decreasing, with kinks only at the points
    attr/ind (a member starts receiving) and (attr+head)/ind (a member reaches its cap).
    Evaluate the sum at every kink, take the first kink where it reaches `rest`, and
    interpolate linearly between that kink and the one before it.
    """
    # Everyone at its cap: e[i](p) for very large p is head[i], or 0 when ind[i][c] = 0
    # (such a member can never be lifted, METHOD.md's formula gives it 0 for every p).
    reachable = {i: Fraction(head[i]) if ind[i] > 0 else Fraction(0) for i in members}
    if sum(reachable.values()) < rest:
        return None, reachable

    def total(p):
        return sum(share(p, ind[i], attr[i], head[i]) for i in members)

    points = {Fraction(0)}
    for i in members:
        if ind[i] > 0:
            points.add(Fraction(attr[i], ind[i]))
            points.add(Fraction(attr[i] + head[i], ind[i]))
    points = sorted(points)
    previous_p, previous_total = points[0], total(points[0])  # total(0) == 0 < rest
    for p in points[1:]:
        t = total(p)
        if t >= rest:
            # On [previous_p, p] the sum is linear from previous_total (< rest) to t (>= rest).
            found = previous_p + (rest - previous_total) * (p - previous_p) / (t - previous_total)
            assert total(found) == rest
            return found, {i: share(found, ind[i], attr[i], head[i]) for i in members}
        previous_p, previous_total = p, t
    raise AssertionError("sum of heads >= rest, so the last kink must reach rest")


def largest_remainder(exact, ind, target):
    """METHOD.md "Rounding to whole places": floor each, then the missing units one each
    to the largest fractional parts; ties by larger ind[i][c], then smaller CBS code."""
    rounded = {i: e.numerator // e.denominator for i, e in exact.items()}
    missing = target - sum(rounded.values())
    order = sorted(exact, key=lambda i: (-(exact[i] - rounded[i]), -ind[i], i))
    for i in order[:missing]:
        rounded[i] += 1
    return rounded


def percent_text(p):
    """100 * p rounded half-up to two decimals, as text: "63.27"."""
    hundredths = p * 10000 + Fraction(1, 2)
    q = hundredths.numerator // hundredths.denominator
    return f"{q // 100}.{q % 100:02d}"


# ---------------------------------------------------------------------------
# The method for one province
# ---------------------------------------------------------------------------

def decide(case, province, policy=None):
    """Run METHOD.md for one province. Returns a dict with every intermediate step."""
    policy = policy or case["policy"]
    munis = sorted(code for code, g in case["gemeenten"].items() if g["provincie"] == province)
    ind = {i: case["ind"][i] for i in munis}
    ind_tot = {i: ind[i]["regulier"] + ind[i]["amv"] for i in munis}
    task = case["task"][province]

    # Step 1 -- adopt the report: base[i][c] = rep[i][c].
    base = {i: dict(case["rep"][i]) for i in munis}
    report = {c: sum(base[i][c] for i in munis) for c in CATEGORIES}

    # Step 2 -- add promising initiatives (at least one criterion); others add nothing.
    initiatives = []
    for ini in case["initiatives"]:
        if ini["gemeente"] not in base:
            continue
        promising = len(ini["criteria"]) > 0
        if promising:
            for c in CATEGORIES:
                base[ini["gemeente"]][c] += ini["places"][c]
        initiatives.append(dict(ini, promising=promising))

    # Step 3 -- remainder per category.
    rest = {c: max(0, task[c] - sum(base[i][c] for i in munis)) for c in CATEGORIES}

    # Step 4a -- attributed places: exchanges count at the municipality they are realised for.
    exchanges = [x for x in case["exchanges"] if x["van"] in base]
    attr = {i: dict(base[i]) for i in munis}
    for x in exchanges:
        attr[x["van"]][x["categorie"]] -= x["plaatsen"]
        attr[x["voor"]][x["categorie"]] += x["plaatsen"]
    attr_tot = {i: attr[i]["regulier"] + attr[i]["amv"] for i in munis}
    realised_for = {i: sum(x["plaatsen"] for x in exchanges
                           if x["voor"] == i and x["categorie"] == "regulier") for i in munis}
    groups = {g: m for g, m in case["groups"].items() if m and m[0] in base}

    # Step 4a -- exclusion rules, only for a category with a remainder; record every rule.
    excluded = {i: {c: [] for c in CATEGORIES} for i in munis}
    for c in CATEGORIES:
        if rest[c] == 0:
            continue
        for i in munis:
            rules = []
            if policy["meets_indicative_basis"] == "total":
                meets = attr_tot[i] >= ind_tot[i]
            else:
                meets = attr[i][c] >= ind[i][c]
            if meets:
                rules.append("meets_indicative")
            if i in case["hist"] and case["hist"][i] > ind_tot[i]:
                rules.append("history")
            if i in case["ukr"] and case["ukr"][i]["plaatsen"] > policy["ukraine_factor"] * case["ukr"][i]["evenredig"]:
                rules.append("ukraine")
            if c == "regulier" and realised_for[i] >= 1 and realised_for[i] >= ind[i]["regulier"]:
                rules.append("exchange_full")
            if c == "regulier":
                for members in groups.values():
                    if i in members and sum(attr[g]["regulier"] for g in members) >= sum(
                            ind[g]["regulier"] for g in members):
                        rules.append("exchange_group")
                        break
            excluded[i][c] = rules

    # Step 4b -- equal percentage of the indicative distribution, category by category.
    extra = {i: {c: 0 for c in CATEGORIES} for i in munis}
    percentage = {c: None for c in CATEGORIES}
    shortfall = {c: 0 for c in CATEGORIES}
    detail = {}
    for c in policy["category_order"]:
        if rest[c] == 0:
            continue
        eligible = [i for i in munis if not excluded[i][c]]
        # Headroom under the TOTAL cap, after the extra given in an earlier category.
        head = {i: max(0, ind_tot[i] - attr_tot[i] - sum(extra[i].values())) for i in munis}
        ind_c = {i: ind[i][c] for i in munis}
        attr_c = {i: attr[i][c] for i in munis}
        members = list(eligible)
        rounds = []
        while True:
            p, e = water_fill(members, rest[c], ind_c, attr_c, head)
            rounds.append({"members": list(members), "p": p, "e": e})
            below = {i: e[i] for i in members if 0 < e[i] < policy["minimum_places"]}
            if not below:
                break
            # Minimum: remove all tied at the smallest value (smallest_first), or all below it.
            if policy["minimum_exclusion"] == "smallest_first":
                smallest = min(below.values())
                drop = [i for i in below if below[i] == smallest]
            else:
                drop = list(below)
            for i in drop:
                members.remove(i)
                excluded[i][c].append("below_minimum")
        target = sum(e.values())  # rest[c], or the sum of the heads in a shortfall
        assert target.denominator == 1
        target = target.numerator
        rounded = largest_remainder(e, ind_c, target)
        for i in members:
            extra[i][c] = rounded[i]
        percentage[c] = p
        shortfall[c] = rest[c] - sum(rounded.values())
        detail[c] = {"eligible": eligible, "head": head, "rounds": rounds, "exact": e, "members": members}

    # The decision: final = base + extra, at the municipality that realises the places.
    final = {i: {c: base[i][c] + extra[i][c] for c in CATEGORIES} for i in munis}
    return {
        "province": province, "munis": munis, "task": task, "report": report, "base": base,
        "initiatives": initiatives, "rest": rest, "attr": attr, "attr_tot": attr_tot,
        "ind": ind, "ind_tot": ind_tot, "realised_for": realised_for, "excluded": excluded,
        "extra": extra, "final": final, "percentage": percentage, "shortfall": shortfall,
        "detail": detail, "policy": policy,
    }


def to_json(case, result, cycle):
    """The JSON of `verdeel show --format json` (INTERFACE.md), without "record"."""
    names = case["gemeenten"]

    def pct(p):
        if p is None:
            return None
        return {"num": p.numerator, "den": p.denominator, "percent": percent_text(p)}

    rows = []
    for i in sorted(result["munis"], key=lambda code: (names[code]["naam"], code)):
        f = result["final"][i]
        rows.append({
            "code": i,
            "name": names[i]["naam"],
            "regulier": f["regulier"],
            "amv": f["amv"],
            "totaal": f["regulier"] + f["amv"],
            "extra": dict(result["extra"][i]),
            "excluded": {c: list(result["excluded"][i][c]) for c in CATEGORIES},
        })
    return {
        "cycle": str(cycle),
        "province": result["province"],
        "policy": case["policy_name"],
        "task": dict(result["task"]),
        "report": dict(result["report"]),
        "remainder": dict(result["rest"]),
        "percentage": {c: pct(result["percentage"][c]) for c in CATEGORIES},
        "shortfall": dict(result["shortfall"]),
        "municipalities": rows,
    }


def provinces_of(case):
    return sorted({g["provincie"] for g in case["gemeenten"].values()})


# ---------------------------------------------------------------------------
# --check: METHOD.md invariants over the shipped examples
# ---------------------------------------------------------------------------

def check_invariants(case, r, failures, label):
    def fail(msg):
        failures.append(f"{label}: {msg}")

    m = r["policy"]["minimum_places"]
    for c in CATEGORIES:
        placed = sum(r["extra"][i][c] for i in r["munis"])
        if placed != r["rest"][c] - r["shortfall"][c]:
            fail(f"{c}: extras {placed} != remainder {r['rest'][c]} - shortfall {r['shortfall'][c]}")
        if r["shortfall"][c] < 0:
            fail(f"{c}: negative shortfall")
        if r["percentage"][c] is not None and r["shortfall"][c] != 0:
            fail(f"{c}: a percentage and a shortfall at once")
        if r["rest"][c] == 0 and any(r["excluded"][i][c] for i in r["munis"]):
            fail(f"{c}: exclusions without a remainder")
        for i in r["munis"]:
            x = r["extra"][i][c]
            if x and r["excluded"][i][c]:
                fail(f"{c}: {i} is excluded but receives {x}")
            if 0 < x < m:
                fail(f"{c}: {i} receives {x}, below the minimum {m}")
            if r["final"][i][c] != r["base"][i][c] + x:
                fail(f"{c}: {i} final != base + extra")
        if c in r["detail"]:
            d = r["detail"][c]
            for i in d["members"]:
                if abs(r["extra"][i][c] - d["exact"][i]) >= 1:
                    fail(f"{c}: {i} rounded {r['extra'][i][c]} is 1 or more from exact {d['exact'][i]}")
            p = r["percentage"][c]
            if p is not None:
                # p is exact and the smallest: the sum at p is the remainder, just below it is less.
                ind_c = {i: r["ind"][i][c] for i in d["members"]}
                attr_c = {i: r["attr"][i][c] for i in d["members"]}
                tot = lambda q: sum(share(q, ind_c[i], attr_c[i], d["head"][i]) for i in d["members"])
                if tot(p) != r["rest"][c]:
                    fail(f"{c}: sum of e(p) != remainder")
                if tot(p * (1 - Fraction(1, 10**9))) >= r["rest"][c]:
                    fail(f"{c}: p is not the smallest")
    # The cap is on the total: nobody who received extra passes its indicative total.
    for i in r["munis"]:
        got = sum(r["extra"][i].values())
        if got and r["attr_tot"][i] + got > r["ind_tot"][i]:
            fail(f"{i} passes its indicative total: {r['attr_tot'][i]} + {got} > {r['ind_tot'][i]}")


def run_check():
    here = os.path.dirname(os.path.abspath(__file__))
    examples = os.path.join(os.path.dirname(here), "examples")
    failures = []
    for name in ("zuid-synthetisch-2024", "drenthe-2024"):
        case_dir = os.path.join(examples, name)
        case = read_case(case_dir)
        for prov in provinces_of(case):
            r = decide(case, prov)
            check_invariants(case, r, failures, f"{name}/{prov}")
            expected_path = os.path.join(case_dir, "expected.json")
            if os.path.exists(expected_path):
                with open(expected_path, encoding="utf-8") as fh:
                    if json.load(fh) != to_json(case, r, 2024):
                        failures.append(f"{name}: output differs from expected.json")

    # Drenthe 2024: the report covers the task, adopted one to one (3,814 + 341).
    case = read_case(os.path.join(examples, "drenthe-2024"))
    r = decide(case, "Drenthe")
    if r["rest"] != {"regulier": 0, "amv": 0}:
        failures.append("drenthe: remainder is not 0")
    if {c: sum(r["final"][i][c] for i in r["munis"]) for c in CATEGORIES} != {"regulier": 3814, "amv": 341}:
        failures.append("drenthe: totals are not 3,814 + 341")

    # Zuiderland: the synthetic example must exercise every rule of METHOD.md.
    case = read_case(os.path.join(examples, "zuid-synthetisch-2024"))
    r = decide(case, "Zuiderland")
    seen = {rule for i in r["munis"] for c in CATEGORIES for rule in r["excluded"][i][c]}
    for rule in RULES:
        if rule not in seen:
            failures.append(f"zuiderland: rule {rule} never fires")
    if not all(r["rest"][c] > 0 for c in CATEGORIES):
        failures.append("zuiderland: no remainder in both categories")
    if all(ini["promising"] for ini in r["initiatives"]) or not any(ini["promising"] for ini in r["initiatives"]):
        failures.append("zuiderland: needs promising and not promising initiatives")
    capped = [i for i in r["munis"] if sum(r["extra"][i].values()) and
              r["attr_tot"][i] + sum(r["extra"][i].values()) == r["ind_tot"][i]]
    if not capped:
        failures.append("zuiderland: nobody is capped at its indicative total")
    # smallest_first matters: all_at_once removes strictly more municipalities.
    alt = decide(case, "Zuiderland", dict(case["policy"], minimum_exclusion="all_at_once"))
    n_first = sum("below_minimum" in r["excluded"][i][c] for i in r["munis"] for c in CATEGORIES)
    n_all = sum("below_minimum" in alt["excluded"][i][c] for i in alt["munis"] for c in CATEGORIES)
    if not n_all > n_first:
        failures.append("zuiderland: smallest_first does not matter")
    check_invariants(case, alt, failures, "zuiderland/all_at_once")

    # Rounding ties: equal fractions go to the larger indicative, then the smaller code.
    got = largest_remainder({"GM0002": Fraction(11, 2), "GM0001": Fraction(11, 2), "GM0003": Fraction(11, 2)},
                            {"GM0001": 10, "GM0002": 10, "GM0003": 20}, 17)
    if got != {"GM0003": 6, "GM0001": 6, "GM0002": 5}:
        failures.append(f"rounding tie-break wrong: {got}")
    if percent_text(Fraction(6327, 10000)) != "63.27" or percent_text(Fraction(12345, 1000000)) != "1.23" \
            or percent_text(Fraction(5, 1000000) + Fraction(1, 100)) != "1.00" or percent_text(Fraction(1, 8000)) != "0.01":
        failures.append("percent rounding wrong")

    for f in failures:
        print("FAIL", f, file=sys.stderr)
    if failures:
        return 1
    print("reference_method --check: all assertions hold")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="Reference implementation of METHOD.md (show --format json).")
    ap.add_argument("--cycle", default="2024")
    ap.add_argument("--province")
    ap.add_argument("--check", action="store_true", help="assert METHOD.md invariants over the examples")
    ap.add_argument("case_dir", nargs="?")
    args = ap.parse_args(argv)
    try:
        if args.check:
            return run_check()
        if not args.case_dir:
            ap.error("a case directory is required")
        case = read_case(args.case_dir)
        provinces = provinces_of(case)
        if args.province:
            if args.province not in provinces:
                print(f"unknown province {args.province!r}", file=sys.stderr)
                return 2
            provinces = [args.province]
        out = [to_json(case, decide(case, p), args.cycle) for p in provinces]
    except InputError as err:
        print(err, file=sys.stderr)
        return 2
    json.dump(out[0] if len(out) == 1 else out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
