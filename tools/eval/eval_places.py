#!/usr/bin/env python3
"""Precision and recall of claimx's place mentions against hand-annotated gold.

    tools/eval/eval_places.py CLAIMX [GOLD] [ARTICLES_DIR]

GOLD defaults to corpora/fr/place/eval_wikinews.jsonl: one gold place per
line, {"doc", "split", "start", "end", "text", "country"}, byte offsets into
ARTICLES_DIR/<doc>.txt (default ../shared/corpora/fr/wikinews). What counts
as a place is in docs/eval/places.md. A found mention is correct when its
[start, end) equals a gold span; resolution is correct when its country
also equals the gold country. Prints the figures per split and every miss
and false alarm.
"""
import collections
import json
import os
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    claimx = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    gold_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        root, "corpora/fr/place/eval_wikinews.jsonl")
    articles = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        root, "../shared/corpora/fr/wikinews")

    gold = collections.defaultdict(list)
    split_of = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            gold[g["doc"]].append(g)
            split_of[g["doc"]] = g["split"]

    counts = collections.defaultdict(lambda: collections.Counter())
    for doc in sorted(gold):
        path = os.path.join(articles, doc + ".txt")
        out = subprocess.run([claimx, "annotate", path, "--format", "json"],
                             capture_output=True, check=False)
        if out.returncode == 2:
            print(out.stderr.decode(), file=sys.stderr)
            return 2
        found = [m for m in json.loads(out.stdout)["mentions"] if m["kind"] == "place"]
        by_span = {(m["start"], m["end"]): m for m in found}
        gold_spans = {(g["start"], g["end"]): g for g in gold[doc]}
        c = counts[split_of[doc]]
        c["gold"] += len(gold_spans)
        c["found"] += len(by_span)
        for span, g in gold_spans.items():
            m = by_span.get(span)
            if m is None:
                print(f"miss   {doc} {span} {g['text']!r}")
                continue
            c["correct"] += 1
            if m["country"] == g["country"]:
                c["resolved"] += 1
            else:
                print(f"wrong  {doc} {span} {g['text']!r}: {m['name']} "
                      f"{m['country']} (gold {g['country']})")
        for span, m in by_span.items():
            if span not in gold_spans:
                print(f"false  {doc} {span} {m['text']!r} -> {m['name']} "
                      f"{m['country']} {m['type']}")

    total = collections.Counter()
    for split in sorted(counts):
        total.update(counts[split])
    for name, c in sorted(counts.items()) + [("all", total)]:
        p = c["correct"] / c["found"] if c["found"] else 0.0
        r = c["correct"] / c["gold"] if c["gold"] else 0.0
        res = c["resolved"] / c["correct"] if c["correct"] else 0.0
        print(f"{name:8s} gold {c['gold']:3d} found {c['found']:3d} correct "
              f"{c['correct']:3d}  precision {p:.3f}  recall {r:.3f}  "
              f"country right {res:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
