#!/usr/bin/env python3
"""End-to-end checks of `claimx compare`: figures from claims in different
articles of a batch that measure the same thing are grouped, each item names
its document, disagreeing figures are flagged, figures of other measures or
of other places stay apart, and a bad line is reported by FILE:LINE while the
rest is still compared.

Usage: compare_cli_test.py CLAIMX_BINARY"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLAIMX = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="claimx-compare-test-")
FAILURES = []

ARTICLES = [
    # Two sources, two articles, one measure (civilian deaths in Syria).
    {"id": "airwars", "date": "2016-11-10",
     "text": "L'ONG Airwars estime que les frappes ont tué 1787 civils en Syrie."},
    {"id": "amnesty", "date": "2016-11-12",
     "text": "Amnesty International affirme que les frappes ont tué au moins "
             "300 civils en Syrie."},
    # Same measure, another country: not comparable with Syria.
    {"id": "peru", "date": "2016-11-12",
     "text": "Le ministre a déclaré que les inondations ont tué 40 civils au Pérou."},
    # Another measure altogether.
    {"id": "budget", "date": "2016-11-12",
     "text": "Le ministre a annoncé que le budget comptera 2000 enseignants de plus."},
]


def check(name, condition, detail=""):
    if not condition:
        FAILURES.append(name)
        print(f"FAIL: {name} {detail}", flush=True)


def claimx(*args, stdin=None):
    return subprocess.run([CLAIMX, *args], input=stdin, capture_output=True, cwd=TMP)


def main():
    dump = os.path.join(TMP, "dump.jsonl")
    with open(dump, "w", encoding="utf-8") as f:
        for article in ARTICLES:
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    out = os.path.join(TMP, "claims.jsonl")
    batch = claimx("batch", "--quiet", "--threads", "2", dump, "--out", out)
    check("batch runs", batch.returncode == 0, batch.stderr.decode())

    compare = claimx("compare", out)
    check("compare exit 0", compare.returncode == 0, compare.stderr.decode())
    groups = [json.loads(line) for line in compare.stdout.decode().splitlines()]
    civil = [g for g in groups if g["entity"] == "civil"]
    check("one civilian-deaths group", len(civil) == 1, groups)
    if civil:
        items = civil[0]["items"]
        docs = [item["doc"] for item in items]
        check("items name their documents, in input order",
              docs == ["airwars", "amnesty"], docs)
        check("values and bounds",
              [(i["value"], i["bound"]) for i in items] ==
              [(1787, "exact"), (300, "at_least")], items)
        check("sources", [i["source"] for i in items] ==
              ["Airwars", "Amnesty International"], items)
        check("1787 and at least 300 can both hold",
              civil[0]["disagreement"] is False, civil[0])
        check("Peru stays apart", "peru" not in docs, docs)
    check("no group of one", all(len(g["items"]) >= 2 for g in groups), groups)
    check("teachers are not compared with civilians",
          not any(i["doc"] == "budget" for g in civil for i in g["items"]), groups)

    # A disagreement across articles: 64 exact against 1787 exact.
    extra = json.dumps({"id": "centcom", "date": "2016-11-12",
                        "text": "Le Centcom a indiqué que les frappes ont tué "
                                "64 civils en Syrie."}, ensure_ascii=False)
    more = claimx("annotate", "-", "--format", "jsonl", "--id", "centcom",
                  "--date", "2016-11-12",
                  stdin=json.loads(extra)["text"].encode("utf-8"))
    check("annotate jsonl", more.returncode == 0, more.stderr.decode())
    second = os.path.join(TMP, "more.jsonl")
    with open(second, "wb") as f:
        f.write(more.stdout)
    both = claimx("compare", out, second)
    groups = [json.loads(line) for line in both.stdout.decode().splitlines()]
    civil = [g for g in groups if g["entity"] == "civil"]
    check("three figures, one group",
          len(civil) == 1 and len(civil[0]["items"]) == 3, groups)
    if civil:
        check("64 against 1787 disagree", civil[0]["disagreement"] is True, civil[0])

    # Bad lines: reported with file and line, the rest still compared.
    bad = os.path.join(TMP, "bad.jsonl")
    with open(out, "rb") as f:
        good = f.read().splitlines()
    with open(bad, "wb") as f:
        f.write(good[0] + b"\n{not json\n" + b'{"schema":"other/2"}\n' + good[1] + b"\n")
    broken = claimx("compare", bad)
    stderr = broken.stderr.decode()
    check("bad lines exit 2", broken.returncode == 2, broken.returncode)
    check("invalid JSON named by file:line", "bad.jsonl:2: invalid JSON" in stderr, stderr)
    check("foreign schema named by file:line", "bad.jsonl:3: not a claimx/1" in stderr, stderr)
    kept = [json.loads(line) for line in broken.stdout.decode().splitlines()]
    check("good lines still compared",
          any(g["entity"] == "civil" and len(g["items"]) == 2 for g in kept), kept)

    # Nothing to compare: exit 1, empty output.
    alone = claimx("compare", "-", stdin=good[0] + b"\n")
    check("nothing grouped exits 1", alone.returncode == 1 and alone.stdout == b"",
          (alone.returncode, alone.stdout))
    missing = claimx("compare", os.path.join(TMP, "absent.jsonl"))
    check("missing file exits 2 and names it",
          missing.returncode == 2 and b"absent.jsonl" in missing.stderr, missing.stderr)

    if FAILURES:
        print(f"{len(FAILURES)} failures; inputs kept in {TMP}")
        sys.exit(1)
    shutil.rmtree(TMP, ignore_errors=True)
    print("compare: all checks passed")


if __name__ == "__main__":
    main()
