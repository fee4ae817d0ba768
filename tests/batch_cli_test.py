#!/usr/bin/env python3
"""End-to-end checks of `claimx batch`: every bad-input case of issue 9 lands
in quarantine with its place, the run goes on, exit codes, resume after
kill -9 and SIGTERM, ordered output with 2 threads equals 1 thread, and the
--mapper filter under GNU parallel --pipe equals the single-process run.

Usage: batch_cli_test.py CLAIMX_BINARY PROJECT_SOURCE_DIR [CASE...]
Inputs are generated in a temporary directory from the project's own corpora
(nothing large is committed)."""
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CLAIMX, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ONLY = set(sys.argv[3:])
TMP = tempfile.mkdtemp(prefix="claimx-batch-test-")
FAILURES = []


def check(name, condition, detail=""):
    if not condition:
        FAILURES.append(name)
        print(f"FAIL: {name} {detail}", flush=True)


def path(name):
    return os.path.join(TMP, name)


def run(args, stdin=None, **kwargs):
    # In TMP: a default quarantine file (claimx-quarantine.jsonl with stdout
    # output) must not land in the caller's directory.
    return subprocess.run([CLAIMX, "batch", "--quiet", *args], input=stdin,
                          capture_output=True, cwd=TMP, **kwargs)


def read_lines(name):
    with open(name, "rb") as f:
        return f.read().splitlines()


def quarantine(name):
    if not os.path.exists(name):
        return []
    return [json.loads(line) for line in read_lines(name)]


def corpus_texts():
    """Texts from the project's corpora: the seed article and the cases."""
    texts = []
    with open(os.path.join(SRC, "corpora/fr/examples/afp_frappes_civils.txt"),
              encoding="utf-8") as f:
        texts.append(f.read())
    for sub in ("quantity", "date", "place"):
        folder = os.path.join(SRC, "corpora/fr", sub)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".jsonl"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    for line in f:
                        if line.strip():
                            text = json.loads(line).get("text")
                            if isinstance(text, str) and text:
                                texts.append(text)
    return texts


TEXTS = corpus_texts()


def write_dump(name, count):
    """`count` records with unique ids and texts, cycling over TEXTS."""
    with open(path(name), "w", encoding="utf-8") as f:
        for i in range(count):
            text = TEXTS[i % len(TEXTS)] + f"\n\nDépêche n° {i}."
            f.write(json.dumps({"id": f"d{i}", "date": "2016-11-10",
                                "title": f"t{i}", "text": text},
                               ensure_ascii=False) + "\n")
    return path(name)


def case(name):
    return not ONLY or name in ONLY


# --- ordered output: 2 threads equal 1 thread; --unordered the same set --
if case("ordered"):
    dump = write_dump("small.jsonl", 400)
    one = run([dump, "--threads", "1"])
    two = run([dump, "--threads", "2"])
    unordered = run([dump, "--threads", "2", "--unordered"])
    check("ordered: exit 0", one.returncode == 0 and two.returncode == 0,
          one.stderr.decode() + two.stderr.decode())
    check("ordered: one line per record", len(one.stdout.splitlines()) == 400)
    check("ordered: 2 threads == 1 thread", one.stdout == two.stdout)
    check("unordered: same set", sorted(one.stdout.splitlines()) ==
          sorted(unordered.stdout.splitlines()))
    first = json.loads(one.stdout.splitlines()[0])
    check("doc fields added", first["doc"]["title"] == "t0" and
          len(first["doc"]["content_hash"]) == 64 and first["doc"]["id"] == "d0")

# --- bad records in a JSONL file ------------------------------------------
if case("bad_records"):
    good = TEXTS[0]
    lines = [
        json.dumps({"id": "a", "text": good}),                  # 1 ok
        '{"id": "b", "text": "unterminated',                    # 2 invalid json
        json.dumps({"id": "c"}),                                # 3 missing text
        json.dumps({"id": "d", "text": 42}),                    # 4 text not string
        json.dumps({"id": "a", "text": good + " autre"}),       # 5 duplicate id, other text
        json.dumps({"id": "a", "text": good}),                  # 6 duplicate, same text: skipped
        "",                                                     # 7 blank: not a record
        json.dumps({"id": "e", "date": "10/11/2016", "text": "x"}),  # 8 bad date
        json.dumps({"text": "sans id"}),                        # 9 missing id
        json.dumps({"id": 7, "date": "2016-11-10T08:00:00Z", "text": "Selon l'ONG, 12 morts."}),  # 10 ok
    ]
    dump = path("bad.jsonl")
    with open(dump, "w") as f:
        f.write("\n".join(lines) + "\n")
    out, qfile = path("bad.out.jsonl"), path("bad.out.quarantine.jsonl")
    result = run([dump, "--out", out])
    check("bad records: exit 1", result.returncode == 1, result.stderr.decode())
    docs = [json.loads(l) for l in read_lines(out)]
    check("bad records: good ones written", [d["doc"]["id"] for d in docs] == ["a", "7"])
    check("bad records: datetime keeps its date", docs[1]["doc"]["date"] == "2016-11-10")
    q = quarantine(qfile)
    by_line = {e["line"]: e for e in q}
    expected = {2: "invalid_json", 3: "missing_text", 4: "bad_field", 5: "duplicate_id",
                8: "bad_date", 9: "missing_id"}
    check("bad records: reasons by line", {k: v["reason"] for k, v in by_line.items()} == expected,
          str(q))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()) + 1)
    check("bad records: byte offsets", all(e["offset"] == offsets[e["line"] - 1] for e in q))
    check("bad records: input named", all(e["input"] == dump for e in q))
    # A re-run resumes: nothing new written, no quarantine line twice.
    again = run([dump, "--out", out])
    check("bad records: re-run exit 1", again.returncode == 1)
    check("bad records: re-run adds nothing", len(read_lines(out)) == 2 and
          len(quarantine(qfile)) == len(q))

# --- truncated gzip and zstd ----------------------------------------------
if case("truncated"):
    # zstd emits whole blocks (up to 128 KiB of text): the dump spans
    # several, and the cut leaves the first ones whole. The dump cycles over
    # the corpus texts, so the first block, all new text, is most of the
    # compressed bytes: a cut at half the file may fall inside it (it did
    # once the corpora held 500 texts), one a tenth from the end does not.
    dump = write_dump("trunc.jsonl", 4000)
    raw = open(dump, "rb").read()
    gz = gzip.compress(raw)
    with open(path("trunc.jsonl.gz"), "wb") as f:
        f.write(gz[: len(gz) // 2])
    subprocess.run(["zstd", "-q", "-f", dump, "-o", path("full.zst")], check=True)
    zst = open(path("full.zst"), "rb").read()
    with open(path("trunc.zst"), "wb") as f:  # no extension hint: magic bytes decide
        f.write(zst[: len(zst) - len(zst) // 10])
    complete = run([path("full.zst")])
    check("zstd: whole file read", complete.returncode == 0 and
          len(complete.stdout.splitlines()) == 4000, complete.stderr.decode())
    for name in ("trunc.jsonl.gz", "trunc.zst"):
        out = path(name + ".out")
        result = run([path(name), "--out", out, "--quarantine", out + ".q"])
        q = quarantine(out + ".q")
        written = len(read_lines(out))
        check(f"{name}: exit 1", result.returncode == 1, result.stderr.decode())
        check(f"{name}: one truncated_input entry",
              [e["reason"] for e in q] == ["truncated_input"], str(q))
        check(f"{name}: lines before the cut written", 0 < written < 4000 and
              q[0]["line"] == written + 1, f"written {written}, {q}")
        lines = raw.splitlines(keepends=True)
        check(f"{name}: offset of the cut line",
              q[0]["offset"] == sum(len(l) for l in lines[:written]))

# --- a 200 MB line with --max-doc-bytes smaller, in bounded memory ----------
if case("huge_line"):
    dump = path("huge.jsonl")
    with open(dump, "wb") as f:
        f.write(json.dumps({"id": "before", "text": TEXTS[0]}).encode() + b"\n")
        f.write(b'{"id": "huge", "text": "')
        block = b"Les frappes ont fait 12 morts. " * 32768  # 1 MiB
        for _ in range(200):
            f.write(block)
        f.write(b'"}\n')
        f.write(json.dumps({"id": "after", "text": TEXTS[1]}).encode() + b"\n")
    out = path("huge.out.jsonl")

    def run_measured(dump_path, out_path):
        proc = subprocess.Popen([CLAIMX, "batch", "--quiet", dump_path, "--out", out_path,
                                 "--max-doc-bytes", "1000000", "--threads", "2"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        return status, usage

    # The same run on the two good records alone is the baseline: what the
    # rules, the threads and (in the sanitizer build) ASan's shadow memory
    # and quarantine cost, which the 200 MB line must not add to.
    small = path("small.jsonl")
    with open(small, "wb") as f:
        for number, text in enumerate(TEXTS[:2]):
            f.write(json.dumps({"id": f"small{number}", "text": text}).encode() + b"\n")
    _, baseline = run_measured(small, path("small.out.jsonl"))
    status, usage = run_measured(dump, out)
    check("huge line: exit 1", os.waitstatus_to_exitcode(status) == 1)
    q = quarantine(path("huge.out.quarantine.jsonl"))
    check("huge line: good neighbours written",
          [json.loads(l)["doc"]["id"] for l in read_lines(out)] == ["before", "after"])
    check("huge line: quarantined as too_large with its place",
          len(q) == 1 and q[0]["reason"] == "too_large" and q[0]["line"] == 2 and
          q[0]["offset"] == len(json.dumps({"id": "before", "text": TEXTS[0]}).encode()) + 1,
          str(q))
    check("huge line: peak RSS within 100 MB of the run without it (the line is never held)",
          usage.ru_maxrss < baseline.ru_maxrss + 100 * 1024,
          f"{usage.ru_maxrss} KB, baseline {baseline.ru_maxrss} KB")
    os.remove(dump)

# --- a directory: .txt, .html, binary file, sidecar -------------------------
if case("directory"):
    folder = path("articles")
    os.makedirs(os.path.join(folder, "sub"))
    with open(os.path.join(folder, "seed.txt"), "w") as f:
        f.write(TEXTS[0])
    with open(os.path.join(folder, "sub", "page.html"), "w") as f:
        f.write("<html><head><title>Titre</title><script>var x = '99 morts';</script></head>"
                "<body><nav>Menu 12</nav><p>Selon l'ONG, <b>1787</b>&nbsp;civils"
                " ont été tués.</p><p>Deuxième paragraphe</body></html>")
    with open(os.path.join(folder, "blob.txt"), "wb") as f:
        f.write(b"GIF89a\x00\x01\x02binary")
    with open(os.path.join(folder, "notes.csv"), "w") as f:
        f.write("not an article\n")
    with open(os.path.join(folder, "seed2.txt.gz"), "wb") as f:
        f.write(gzip.compress(TEXTS[2].encode()))
    with open(os.path.join(folder, "index.jsonl"), "w") as f:
        f.write(json.dumps({"file": "seed.txt", "date": "2016-11-10", "url": "http://x/1"}) + "\n")
    out = path("dir.out")
    result = run([folder, "--out", out])
    docs = {json.loads(l)["doc"]["id"]: json.loads(l) for l in read_lines(out)}
    q = quarantine(path("dir.out.quarantine.jsonl"))
    check("directory: exit 1 (binary file)", result.returncode == 1, result.stderr.decode())
    check("directory: ids from paths", sorted(docs) == ["seed", "seed2", "sub/page"], str(sorted(docs)))
    check("directory: binary quarantined", len(q) == 1 and q[0]["reason"] == "binary_file" and
          q[0]["input"].endswith("blob.txt") and q[0]["offset"] == 6, str(q))
    check("directory: sidecar date and url", docs["seed"]["doc"]["date"] == "2016-11-10" and
          docs["seed"]["doc"]["url"] == "http://x/1")
    page = docs["sub/page"]
    check("html: title from <title>", page["doc"]["title"] == "Titre")
    texts = [m["text"] for m in page["mentions"]]
    check("html: script and nav dropped, text found", "1787\u00a0civils" in " ".join(texts) or
          any(t.startswith("1787") for t in texts), str(texts))
    check("html: no mention from script or nav", not any("99" in t or t == "12" for t in texts))

# --- time budget ------------------------------------------------------------
if case("timeout"):
    dump = path("slow.jsonl")
    with open(dump, "w") as f:
        f.write(json.dumps({"id": "slow", "text": "Selon l'ONG, 12 civils ont été tués. " * 20000}) + "\n")
    out = path("slow.jsonl.out.jsonl")
    result = run([dump, "--out", out, "--doc-timeout-ms", "1"])
    q = quarantine(path("slow.jsonl.out.quarantine.jsonl"))
    check("timeout: exit 1", result.returncode == 1)
    check("timeout: quarantined", [e["reason"] for e in q] == ["timeout"], str(q))

# --- errors -------------------------------------------------------------------
if case("errors"):
    result = run([path("does-not-exist.jsonl")])
    check("missing input: exit 2", result.returncode == 2)
    check("missing input: named", b"does-not-exist.jsonl" in result.stderr)
    with open(path("foreign.jsonl"), "w") as f:
        f.write('{"not": "claimx"}\n')
    result = run([write_dump("tiny.jsonl", 3), "--out", path("foreign.jsonl")])
    check("foreign output file: refused, exit 2", result.returncode == 2 and
          b"refusing" in result.stderr, result.stderr.decode())
    # Disk full: /dev/full fails every write with ENOSPC.
    result = run([path("tiny.jsonl"), "--out", "/dev/full", "--quarantine", path("full.q")])
    check("disk full: exit 2 naming the output", result.returncode == 2 and
          b"/dev/full" in result.stderr and b"No space left" in result.stderr,
          result.stderr.decode())

# --- resume after kill -9, and after SIGTERM -----------------------------------
def wait_for_lines(name, count, proc, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if os.path.exists(name) and os.path.getsize(name) > 0:
            with open(name, "rb") as f:
                if f.read().count(b"\n") >= count:
                    return True
        time.sleep(0.005)
    return False


if case("resume"):
    dump = write_dump("resume.jsonl", 3000)
    reference = run([dump, "--threads", "2"]).stdout
    for sig, code in ((signal.SIGKILL, -9), (signal.SIGTERM, 143)):
        out = path(f"resume-{sig}.jsonl")
        proc = subprocess.Popen([CLAIMX, "batch", "--quiet", dump, "--out", out,
                                 "--threads", "2"], stderr=subprocess.PIPE)
        interrupted = wait_for_lines(out, 100, proc)
        proc.send_signal(sig)
        proc.wait()
        check(f"resume {sig.name}: interrupted mid-run", interrupted and proc.returncode == code,
              f"returncode {proc.returncode}")
        partial = open(out, "rb").read()
        if sig == signal.SIGTERM:
            check("SIGTERM: output ends on a whole line", partial.endswith(b"\n"))
        else:
            # Make sure the torn-line path is exercised whatever the timing.
            with open(out, "ab") as f:
                f.write(b'{"schema":"claimx/1","doc":{"id":"torn')
        again = run([dump, "--out", out, "--threads", "2"])
        check(f"resume {sig.name}: exit 0", again.returncode == 0, again.stderr.decode())
        final = open(out, "rb").read()
        ids = [json.loads(l)["doc"]["id"] for l in final.splitlines()]
        check(f"resume {sig.name}: no duplicates", len(ids) == len(set(ids)))
        check(f"resume {sig.name}: equals an uninterrupted run", final == reference,
              f"{len(final.splitlines())} lines vs {len(reference.splitlines())}")

# --- the mapper under GNU parallel --pipe -----------------------------------------
if case("mapper"):
    dump = write_dump("mapper.jsonl", 600)
    with open(dump, "a") as f:
        f.write('{"id": "broken"\n')
    single = run([dump, "--quarantine", path("mapper.q")])
    with open(dump, "rb") as f:
        piped = subprocess.run(["parallel", "--will-cite", "--pipe", "--block", "100k", "-j2",
                                CLAIMX, "batch", "--mapper", "--threads", "1"],
                               stdin=f, capture_output=True)
    check("mapper: parallel exit 0", piped.returncode == 0, piped.stderr.decode()[:500])
    docs = [l for l in piped.stdout.splitlines() if not l.startswith(b'{"error"')]
    errors = [json.loads(l) for l in piped.stdout.splitlines() if l.startswith(b'{"error"')]
    check("mapper: one line per record", len(piped.stdout.splitlines()) == 601)
    check("mapper: documents equal the single-process run (as sets)",
          sorted(docs) == sorted(single.stdout.splitlines()))
    check("mapper: the bad record is an error line",
          len(errors) == 1 and errors[0]["reason"] == "invalid_json")
    with open(dump, "rb") as f:
        direct = subprocess.run([CLAIMX, "batch", "--mapper"], stdin=f, capture_output=True)
    check("mapper: exit 0 with an error line", direct.returncode == 0)
    check("mapper: order kept", direct.stdout.splitlines()[:600] == single.stdout.splitlines())

shutil.rmtree(TMP)
if FAILURES:
    print(f"{len(FAILURES)} check(s) failed")
    sys.exit(1)
print("all batch checks passed")
