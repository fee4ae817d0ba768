#!/usr/bin/env python3
"""Builds the starting corpora of the fuzz targets in a work directory.

    fuzz/make_corpus.py OUT

OUT/text/ gets the crafted seeds (fuzz/seeds/text), the example article and
every `text` of the regression corpora (corpora/fr/*/*.jsonl); OUT/rules/ gets
the crafted rule seeds and the project's rule files; OUT/jsonl/ gets the
crafted batch-reader seeds (fuzz/seeds/jsonl, plain, gzip and zstd) and
the regression corpora's JSONL files cut into chunks of a few lines;
OUT/db_lines/ gets the crafted `claimx load` line seeds (fuzz/seeds/db_lines)
and each line of the database fixture (tests/data/db/claims.jsonl). The
corpora stay where
they are in the repository: this only copies them into a scratch directory
that libFuzzer may grow.
"""
import hashlib
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def put(out_dir, data):
    name = hashlib.sha1(data).hexdigest()
    (out_dir / name).write_bytes(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    text, rules, jsonl_dir = out / "text", out / "rules", out / "jsonl"
    db_lines = out / "db_lines"
    for d in (text, rules, jsonl_dir, db_lines):
        d.mkdir(parents=True, exist_ok=True)
    for seed in (ROOT / "fuzz/seeds/text").iterdir():
        put(text, seed.read_bytes())
    for article in (ROOT / "corpora/fr/examples").glob("*.txt"):
        put(text, article.read_bytes())
    for jsonl in sorted((ROOT / "corpora/fr").glob("*/*.jsonl")):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            if isinstance(record.get("text"), str) and len(record["text"]) > 20:
                put(text, record["text"].encode("utf-8"))
    for seed in (ROOT / "fuzz/seeds/rules").iterdir():
        put(rules, seed.read_bytes())
    for rule_file in (ROOT / "rules/fr").glob("*.yaml"):
        put(rules, rule_file.read_bytes())
    for seed in (ROOT / "fuzz/seeds/jsonl").iterdir():
        put(jsonl_dir, seed.read_bytes())
    for jsonl in sorted((ROOT / "corpora/fr").glob("*/*.jsonl")):
        lines = jsonl.read_bytes().splitlines(keepends=True)
        for i in range(0, len(lines), 4):  # libFuzzer's default -max_len is 4096
            put(jsonl_dir, b"".join(lines[i:i + 4]))
    for seed in (ROOT / "fuzz/seeds/db_lines").iterdir():
        put(db_lines, seed.read_bytes())
    for line in (ROOT / "tests/data/db/claims.jsonl").read_bytes().splitlines():
        if line.strip():
            put(db_lines, line)
    print(f"{out}: {len(list(text.iterdir()))} text, "
          f"{len(list(rules.iterdir()))} rules, "
          f"{len(list(jsonl_dir.iterdir()))} jsonl inputs, "
          f"{len(list(db_lines.iterdir()))} db lines")


if __name__ == "__main__":
    main()
