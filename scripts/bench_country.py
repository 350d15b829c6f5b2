#!/usr/bin/env python3
"""Writes a generated case directory for a whole country, for scripts/bench.

    scripts/bench_country.py DIR [--seed N]

12 provinces with about the real number of municipalities (342 in total) and
figures of the real order of magnitude (a national task of about 86,000 regular
places and 9,800 for unaccompanied minors, split by population weight). In five
provinces the report falls short of the task, so the remainder is distributed
(exclusions, water filling, minimum, rounding); in the other seven the report is
adopted. Names are synthetic; codes are GM0001..GM0342. Deterministic per seed.
"""
import argparse
import os
import random

# province: (municipalities, population weight, report falls short of the task)
PROVINCES = {
    "Groningen": (10, 0.034, True),
    "Fryslân": (18, 0.037, False),
    "Drenthe": (12, 0.028, False),
    "Overijssel": (25, 0.066, False),
    "Flevoland": (6, 0.024, True),
    "Gelderland": (51, 0.119, False),
    "Utrecht": (26, 0.078, True),
    "Noord-Holland": (44, 0.167, False),
    "Zuid-Holland": (50, 0.213, True),
    "Zeeland": (13, 0.022, False),
    "Noord-Brabant": (56, 0.148, False),
    "Limburg": (31, 0.064, True),
}
TASK = {"regulier": 86000, "amv": 9800}
SYLLABLES = ["aal", "beek", "bro", "dal", "dijk", "dorp", "el", "ham", "heu", "hol", "horst", "kerk", "lo", "maas",
             "meer", "mond", "oost", "peel", "ren", "rode", "sted", "ter", "veen", "ven", "vliet", "wa", "weer", "zand"]
CRITERIA = ["besluitvorming", "locatie_voor_raming", "verlenging", "toezegging"]


def split(total, weights):
    """Largest remainder: whole numbers proportional to weights, summing to total."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def dutch(n):
    """Dutch thousands separators, as spreadsheets export them: 12.345"""
    return f"{n:,}".replace(",", ".")


def decimal(rng, lo, hi):
    return f"{rng.randint(lo, hi)},{rng.randint(0, 9)}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)
    names, gemeenten, opgave, indicatief, verslag, kansrijk, historie, oekraine = set(), [], [], [], [], [], [], []
    code = 0
    for prov, (count, weight, short) in PROVINCES.items():
        task = {c: round(TASK[c] * weight) for c in TASK}
        opgave.append((prov, task["regulier"], task["amv"]))
        pops = [rng.lognormvariate(0, 0.9) for _ in range(count)]
        ind = {c: split(task[c], pops) for c in TASK}
        for k in range(count):
            code += 1
            gm = f"GM{code:04d}"
            while True:
                name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                if name not in names:
                    break
            names.add(name)
            gemeenten.append((gm, name, prov))
            indicatief.append((name, ind["regulier"][k], ind["amv"][k]))
            lo, hi = (0.45, 0.95) if short else (0.95, 1.45)
            if rng.random() < 0.08:
                continue  # no row in the report: 0 places
            verslag.append((gm, int(ind["regulier"][k] * rng.uniform(lo, hi)), int(ind["amv"][k] * rng.uniform(lo, hi))))
            if rng.random() < 0.3:
                historie.append((name, decimal(rng, 0, max(1, ind["regulier"][k] // 2))))
            if rng.random() < 0.3:
                oekraine.append((name, rng.randint(0, 300), decimal(rng, 20, 200)))
            if short and rng.random() < 0.15:
                crit = "|".join(sorted(rng.sample(CRITERIA, rng.randint(0, 2))))
                kansrijk.append((gm, rng.randint(5, 60), rng.randint(0, 6), crit))
        if not short:  # make sure the report covers the task in both categories
            rows = [r for r in verslag if any(g[0] == r[0] and g[2] == prov for g in gemeenten[-count:])]
            for ci, c in ((1, "regulier"), (2, "amv")):
                missing = task[c] - sum(r[ci] for r in rows)
                if missing > 0 and rows:
                    i = verslag.index(rows[0])
                    row = list(verslag[i])
                    row[ci] += missing
                    verslag[i] = tuple(row)
                    rows[0] = verslag[i]

    def write(name, header, rows, sep=","):
        with open(os.path.join(a.dir, name), "w", encoding="utf-8") as f:
            f.write(sep.join(header) + "\n")
            for r in rows:
                f.write(sep.join(f'"{v}"' if sep in str(v) else str(v) for v in r) + "\n")

    write("gemeenten.csv", ["code", "naam", "provincie"], gemeenten)
    write("opgave.csv", ["provincie", "regulier", "amv"], [(p, dutch(r), dutch(m)) for p, r, m in opgave], ";")
    write("indicatief.csv", ["gemeente", "regulier", "amv"], indicatief, ";")
    write("verslag.csv", ["gemeente", "regulier", "amv"], verslag)
    write("kansrijk.csv", ["gemeente", "regulier", "amv", "criteria"], kansrijk)
    write("historie.csv", ["gemeente", "gemiddeld"], historie, ";")
    write("oekraine.csv", ["gemeente", "plaatsen", "evenredig"], oekraine)
    print(f"{a.dir}: {len(PROVINCES)} provinces, {len(gemeenten)} municipalities, "
          f"{sum(1 for v in PROVINCES.values() if v[2])} with a remainder")


if __name__ == "__main__":
    main()
