#!/usr/bin/python3
"""End-to-end tests of `claimx load` into SQLite and PostgreSQL (docs/db.md).

Usage: /usr/bin/python3 tests/db_test.py <claimx-binary> <project-source-dir> [sqlite|postgresql]

Loads tests/data/db/claims.jsonl (hand-written claimx/1 documents with
claims, sources and comparisons) and the real `claimx annotate --format
jsonl` output of the seed article, runs the example queries of docs/db.md
and checks their answers, then pins: re-load is idempotent, an id stored
with another hash is a clear error, kill -9 during a load then a re-run
leaves no duplicate and no missing row, a full disk (SQLite) and a stopped
server (PostgreSQL) give a clear error, a consistent database and a
resumable load.

PostgreSQL: a throwaway PostgreSQL server is started from the Debian
postgresql-15 binaries (initdb in a temporary directory, as the postgres
user when run as root, on a free port on 127.0.0.1) and killed at the end.
When the server binaries are absent the PostgreSQL part is skipped with a
message (ctest marks it skipped: exit 77); CI installs them.
"""

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77
PG_BIN_DIRS = ["/usr/lib/postgresql/15/bin"]
BIG_REPLICAS = 3000          # copies of the fixture's 4 documents: 12 000 documents
BIG_BATCH = 200              # documents per transaction in the kill tests


class Failures:
    def __init__(self):
        self.count = 0
        self.passed = 0

    def check(self, label, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.count += 1
            print(f"FAIL {label}" + (f": {detail}" if detail else ""), flush=True)


def example_queries(source_dir):
    text = open(os.path.join(source_dir, "docs", "db.md"), encoding="utf-8").read()
    return dict(re.findall(r"<!-- query: (\w+) -->\n```sql\n(.*?)```", text, re.S))


def fixture_documents(source_dir):
    path = os.path.join(source_dir, "tests", "data", "db", "claims.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_fixture_is_schema_v1(t, source_dir):
    """The fixture validates against docs/schema/claimx-v1.schema.json and the
    offsets contract; `comparisons`, added to v1 by issue 8, is checked here
    for the shape the loader reads until the schema file has it."""
    sys.path.insert(0, os.path.join(source_dir, "tests"))
    import jsonschema
    import validate_schema
    schema = json.load(open(os.path.join(source_dir, "docs", "schema",
                                         "claimx-v1.schema.json")))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    for document in fixture_documents(source_dir):
        document = dict(document)
        comparisons = document.pop("comparisons", [])
        errors = validate_schema.all_errors(validator, document, None)
        t.check(f"fixture {document['doc']['id']} is schema v1", not errors, errors[:3])
        claim_ids = {c["id"] for c in document["claims"]}
        for group in comparisons:
            t.check("fixture comparison group shape",
                    set(group) == {"entity", "unit", "items"} and all(
                        set(item) == {"claim", "source", "value", "bound", "places", "dates"}
                        and item["claim"] in claim_ids for item in group["items"]))


def normalize_row(row):
    """Engine-independent values: numbers as floats, dates as text."""
    out = []
    for value in row:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(float(value))
        else:
            out.append(value)
    return tuple(out)


EXPECTED_VICTIMS = [
    ("(no source)", 30.0, "exact", "30 victimes civiles", "fixture-2017", "2017-01-15"),
    ("Airwars", 1787.0, "exact", "1787 victimes civiles", "fixture-syrie-1", "2016-11-10"),
    ("Amnesty International", 300.0, "at_least", "au moins 300 victimes civiles",
     "fixture-syrie-1", "2016-11-10"),
    ("Amnesty International", 50.0, "exact", "50 victimes civiles", "fixture-2015",
     "2015-06-01"),
    ("Observatoire syrien des droits de l'homme", 119.0, "exact", "119 victimes civiles",
     "fixture-syrie-2", "2016-03-02"),
]
EXPECTED_AMNESTY_2016 = [
    ("fixture-syrie-2", "2016-03-02", 1.0, "indirect",
     "4 000 réfugiés ont quitté Alep, en Syrie"),
    ("fixture-syrie-1", "2016-11-10", 1.0, "according_to",
     "au moins 300 victimes civiles ont été tuées en Syrie depuis 2014"),
]
COUNT_TABLES = ["articles", "sources", "mentions", "claims", "claim_mentions",
                "comparisons", "comparison_items"]


# ---------------------------------------------------------------------------
# Engines: each runs SQL and names its --db URL.

class SqliteEngine:
    name = "sqlite"

    def __init__(self, path):
        self.path = path
        self.url = "sqlite:" + path

    def query(self, sql):
        db = sqlite3.connect(self.path)
        try:
            return [normalize_row(r) for r in db.execute(sql).fetchall()]
        finally:
            db.close()


class PostgresServer:
    """A throwaway PostgreSQL server in a temporary directory."""

    def __init__(self, bin_dir, work_dir):
        self.bin_dir = bin_dir
        self.data = os.path.join(work_dir, "pgdata")
        self.log = os.path.join(work_dir, "pg.log")
        self.process = None
        self.port = free_port()
        self.as_user = {}
        if os.geteuid() == 0:
            # The server refuses to run as root.
            import pwd
            entry = pwd.getpwnam("postgres")
            os.chown(work_dir, entry.pw_uid, entry.pw_gid)
            self.as_user = {"user": entry.pw_uid, "group": entry.pw_gid,
                            "extra_groups": []}

    def run(self, tool, *args):
        return subprocess.run([os.path.join(self.bin_dir, tool), *args], capture_output=True,
                              text=True, timeout=120, **self.as_user)

    def init(self):
        result = self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync")
        if result.returncode != 0:
            raise RuntimeError("initdb failed: " + result.stderr)

    def start(self, durable=False):
        """durable=False turns fsync off: the tests kill processes, not the
        machine, and need no disk flushes."""
        log = open(self.log, "a")
        settings = [] if durable else ["-c", "fsync=off", "-c", "full_page_writes=off"]
        self.process = subprocess.Popen(
            [os.path.join(self.bin_dir, "postgres"), "-D", self.data, "-p", str(self.port),
             "-h", "127.0.0.1", "-k", os.path.dirname(self.data), *settings],
            stdout=log, stderr=log, **self.as_user)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("postgres exited: " + open(self.log).read()[-2000:])
            ready = subprocess.run([os.path.join(self.bin_dir, "pg_isready"), "-h", "127.0.0.1",
                                    "-p", str(self.port)], capture_output=True)
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("postgres did not start: " + open(self.log).read()[-2000:])

    def stop(self, sig=signal.SIGINT):
        """SIGINT is PostgreSQL's fast shutdown: sessions are cut, open
        transactions rolled back."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def psql(self, database, sql):
        return subprocess.run([os.path.join(self.bin_dir, "psql"), "-X", "-q", "-v",
                               "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.port),
                               "-U", "postgres", "-d", database, "-c", sql],
                              capture_output=True, text=True, timeout=60)


class PostgresEngine:
    name = "postgresql"

    def __init__(self, server, database):
        self.server = server
        self.database = database
        result = server.psql("postgres", f"CREATE DATABASE {database}")
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        self.url = f"postgresql://postgres@127.0.0.1:{server.port}/{database}"

    def query(self, sql):
        # JSON rows out of psql keep types and need no escaping rules.
        wrapped = f"SELECT coalesce(json_agg(to_json(q) ORDER BY n), '[]') FROM " \
                  f"(SELECT row_number() OVER () AS n, * FROM ({sql.rstrip().rstrip(';')}) inner_q) q"
        result = subprocess.run([os.path.join(self.server.bin_dir, "psql"), "-X", "-A", "-t",
                                 "-h", "127.0.0.1", "-p", str(self.server.port), "-U", "postgres",
                                 "-d", self.database, "-c", wrapped],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"psql: {result.stderr}")
        rows = []
        for row in json.loads(result.stdout):
            row.pop("n")
            rows.append(normalize_row(tuple(row.values())))
        return rows


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# Helpers

def load(claimx, url, *inputs, batch=None, stdin=None, preexec=None):
    args = [claimx, "load", *inputs, "--db", url]
    if batch:
        args += ["--batch", str(batch)]
    return subprocess.run(args, input=stdin, capture_output=True, timeout=600,
                          preexec_fn=preexec)


def counts(engine):
    return {table: int(engine.query(f"SELECT count(*) FROM {table}")[0][0])
            for table in COUNT_TABLES}


def write_big_fixture(source_dir, path):
    """BIG_REPLICAS copies of the fixture under new ids (and hashes), one per
    line; the ids and hashes are replaced in the serialized lines, which is
    much faster than building each copy."""
    documents = fixture_documents(source_dir)
    templates = []
    for document in documents:
        line = json.dumps(document, ensure_ascii=False)
        doc = document["doc"]
        keys = [f'"{doc["id"]}"'] + ([f'"{doc["content_hash"]}"'] if "content_hash" in doc else [])
        templates.append((line, keys))
    with open(path, "w", encoding="utf-8") as out:
        for replica in range(BIG_REPLICAS):
            for line, keys in templates:
                for key in keys:
                    line = line.replace(key, f'{key[:-1]}-{replica}"')
                out.write(line + "\n")
    return len(documents) * BIG_REPLICAS


def seed_jsonl(claimx, source_dir, work):
    path = os.path.join(work, "seed.jsonl")
    seed = os.path.join(source_dir, "corpora", "fr", "examples", "afp_frappes_civils.txt")
    with open(path, "wb") as out:
        result = subprocess.run([claimx, "annotate", seed, "--format", "jsonl", "--date",
                                 "2016-11-10"], stdout=out, timeout=120)
    return path, result.returncode


def check_consistent(t, label, engine, per_document):
    """Every stored article has all its rows: the counts are whole multiples
    of the per-document counts of the fixture, and no id is stored twice."""
    c = counts(engine)
    articles = c["articles"]
    for table in ("mentions", "claims", "claim_mentions"):
        t.check(f"{label}: {table} complete for {articles} articles",
                c[table] * 4 == per_document[table] * articles, f"{c}")
    distinct = int(engine.query("SELECT count(DISTINCT id) FROM articles")[0][0])
    t.check(f"{label}: no duplicate article", distinct == articles)
    return c


def wait_for_articles(engine, process, minimum):
    """Polls until `minimum` articles are committed or the process ended."""
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        try:
            if int(engine.query("SELECT count(*) FROM articles")[0][0]) >= minimum:
                return True
        except (sqlite3.Error, RuntimeError):
            pass
        time.sleep(0.02)
    return False


# ---------------------------------------------------------------------------
# The checks, for either engine

def check_load_and_queries(t, claimx, source_dir, engine, work):
    name = engine.name
    fixture = os.path.join(source_dir, "tests", "data", "db", "claims.jsonl")
    result = load(claimx, engine.url, fixture)
    t.check(f"{name}: load fixture exits 0", result.returncode == 0, result.stderr.decode())
    queries = example_queries(source_dir)
    t.check("docs/db.md has both example queries",
            set(queries) == {"civilian_victims_in_syria", "amnesty_2016"}, sorted(queries))
    got = engine.query(queries["civilian_victims_in_syria"])
    t.check(f"{name}: victimes civiles in Syria by source", got == EXPECTED_VICTIMS,
            f"got {got}")
    got = engine.query(queries["amnesty_2016"])
    t.check(f"{name}: claims by Amnesty International in 2016", got == EXPECTED_AMNESTY_2016,
            f"got {got}")
    before = counts(engine)
    t.check(f"{name}: fixture rows", before == {
        "articles": 4, "sources": 4, "mentions": 30, "claims": 9, "claim_mentions": 22,
        "comparisons": 1, "comparison_items": 3}, f"{before}")
    items = engine.query("SELECT i.claim, i.source_name, i.value, c.statement FROM "
                         "comparison_items i JOIN claims c ON c.article_id = i.article_id "
                         "AND c.claim = i.claim ORDER BY i.item")
    t.check(f"{name}: comparison items join their claims",
            [(r[1], r[2]) for r in items] == [("Amnesty International", 300.0),
                                               ("Airwars", 1787.0), ("Centcom", 64.0)]
            and items[1][3].startswith("1787"), f"{items}")

    # Re-load: idempotent.
    result = load(claimx, engine.url, fixture)
    t.check(f"{name}: re-load exits 0", result.returncode == 0, result.stderr.decode())
    t.check(f"{name}: re-load reports the documents as already stored",
            b"0 documents stored, 4 already stored" in result.stderr, result.stderr.decode())
    t.check(f"{name}: re-load leaves row counts unchanged", counts(engine) == before)

    # Same id, different content: a clear error naming the id and the line.
    documents = fixture_documents(source_dir)
    changed = json.loads(json.dumps(documents[1]))
    changed["doc"]["content_hash"] = "0" * 64
    changed["claims"][0]["confidence"] = 0.1
    fresh = json.loads(json.dumps(documents[0]))
    fresh["doc"]["id"] = "fixture-new"
    conflict = os.path.join(work, f"conflict-{name}.jsonl")
    with open(conflict, "w", encoding="utf-8") as f:
        f.write(json.dumps(changed, ensure_ascii=False) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"schema": "claimx/1", "doc": {"id": "x"}}) + "\n")
        f.write(json.dumps(fresh, ensure_ascii=False) + "\n")
    result = load(claimx, engine.url, conflict)
    err = result.stderr.decode()
    t.check(f"{name}: conflicting hash exits 2", result.returncode == 2, err)
    t.check(f"{name}: conflict names the line and the id",
            f"{conflict}:1: document 'fixture-syrie-2' is already stored with content hash"
            in err, err)
    t.check(f"{name}: invalid JSON names its line", f"{conflict}:2: invalid JSON" in err, err)
    t.check(f"{name}: a non-v1 object names its line and field",
            f"{conflict}:3: document 'x': " in err, err)
    t.check(f"{name}: bad lines counted", "3 bad lines" in err, err)
    after = counts(engine)
    t.check(f"{name}: the good line after bad ones is stored",
            after["articles"] == 5 and after["claims"] == 12, f"{after}")
    stored = engine.query("SELECT content_hash FROM articles WHERE id = 'fixture-syrie-2'")
    t.check(f"{name}: the stored article is not overwritten",
            stored == [(documents[1]["doc"]["content_hash"],)], f"{stored}")

    # Real claimx output: annotate --format jsonl of the seed (no content_hash).
    seed, status = seed_jsonl(claimx, source_dir, work)
    t.check("annotate seed for the loader", status == 0)
    seed_doc = json.loads(open(seed, encoding="utf-8").readline())
    result = load(claimx, engine.url, "-", stdin=open(seed, "rb").read())
    t.check(f"{name}: load annotate output from stdin", result.returncode == 0,
            result.stderr.decode())
    rows = engine.query("SELECT a.content_hash, count(m.mention) FROM articles a JOIN mentions m "
                        "ON m.article_id = a.article_id WHERE a.id = "
                        f"'{seed_doc['doc']['id']}' GROUP BY a.content_hash")
    t.check(f"{name}: seed mentions all stored, hash derived from the JSON",
            len(rows) == 1 and rows[0][1] == float(len(seed_doc["mentions"]))
            and rows[0][0].startswith("json-fnv1a64:"), f"{rows}")
    places = engine.query(f"SELECT count(*) FROM mentions WHERE kind = 'place' AND "
                          f"country IS NOT NULL")
    t.check(f"{name}: seed place countries stored", places[0][0] > 0.0)
    result = load(claimx, engine.url, seed)
    t.check(f"{name}: re-loading annotate output skips it",
            result.returncode == 0 and b"1 already stored" in result.stderr,
            result.stderr.decode())

    # A file that cannot be opened after a good one: the good one is stored,
    # the run fails naming the missing file.
    renamed = os.path.join(work, f"renamed-{name}.jsonl")
    with open(renamed, "w", encoding="utf-8") as f:
        f.write(json.dumps(dict(seed_doc, doc=dict(seed_doc["doc"], id="renamed-seed")),
                           ensure_ascii=False) + "\n")
    absent = os.path.join(work, "absent.jsonl")
    result = load(claimx, engine.url, renamed, absent)
    err = result.stderr.decode()
    t.check(f"{name}: a missing input exits 2 and names it",
            result.returncode == 2 and f"{absent}: cannot open" in err, err)
    stored = engine.query("SELECT count(*) FROM articles WHERE id = 'renamed-seed'")
    t.check(f"{name}: the input before the missing one is stored",
            float(stored[0][0]) == 1.0, f"{stored}")


def check_kill_and_resume(t, claimx, engine, big, total):
    """kill -9 during a load, then the same command again."""
    name = engine.name
    process = subprocess.Popen([claimx, "load", big, "--db", engine.url, "--batch",
                                str(BIG_BATCH), "--quiet"], stderr=subprocess.PIPE)
    started = wait_for_articles(engine, process, 4 * BIG_BATCH)
    killed_mid_run = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    t.check(f"{name}: the load was killed mid-run", started and killed_mid_run)
    per_document = {"mentions": 30, "claims": 9, "claim_mentions": 22}
    c = check_consistent(t, f"{name} after kill -9", engine, per_document)
    t.check(f"{name}: after kill -9, whole batches only",
            c["articles"] % BIG_BATCH == 0 and 0 < c["articles"] < total, f"{c}")
    stored_before = c["articles"]
    result = subprocess.run([claimx, "load", big, "--db", engine.url, "--batch",
                             str(BIG_BATCH)], capture_output=True, timeout=600)
    t.check(f"{name}: re-run after kill exits 0", result.returncode == 0, result.stderr.decode())
    c = check_consistent(t, f"{name} after resume", engine, per_document)
    t.check(f"{name}: after resume, every document stored once", c["articles"] == total,
            f"{c}")
    t.check(f"{name}: resume skipped what was stored",
            f"{total - stored_before} documents stored, {stored_before} already stored"
            .encode() in result.stderr, result.stderr.decode())


# ---------------------------------------------------------------------------
# SQLite

def mount_small_tmpfs(directory, size):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", directory],
                          capture_output=True).returncode == 0


def check_sqlite_disk_full(t, claimx, work, big, total):
    """A full disk: a clear error, a consistent database, and the load
    resumes once there is room."""
    full_dir = os.path.join(work, "full")
    os.mkdir(full_dir)
    mounted = mount_small_tmpfs(full_dir, "3m")
    preexec = None
    if not mounted:
        # No tmpfs (not root, or in a container that forbids mount): a file
        # size limit makes writes fail the same way past 3 MB.
        import resource
        print("note: mount unavailable, using RLIMIT_FSIZE to fill the disk", flush=True)

        def preexec():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (3 << 20, 3 << 20))
    try:
        path = os.path.join(full_dir, "claims.db")
        result = load(claimx, "sqlite:" + path, big, batch=BIG_BATCH, preexec=preexec)
        err = result.stderr.decode()
        t.check("sqlite disk full: exits 2", result.returncode == 2, err)
        t.check("sqlite disk full: the error says so and that the batch was rolled back",
                ("full" in err or "I/O error" in err) and "rolled back" in err, err)
        saved = os.path.join(work, "after-full.db")
        db = sqlite3.connect(path)
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.execute(f"VACUUM INTO '{saved}'")
        db.close()
        t.check("sqlite disk full: integrity_check ok", integrity == "ok", integrity)
    finally:
        if mounted:
            subprocess.run(["umount", full_dir])
    engine = SqliteEngine(saved)
    c = check_consistent(t, "sqlite after disk full", engine,
                         {"mentions": 30, "claims": 9, "claim_mentions": 22})
    t.check("sqlite disk full: some whole batches stored",
            0 < c["articles"] < total and c["articles"] % BIG_BATCH == 0, f"{c}")
    result = load(claimx, engine.url, big, batch=BIG_BATCH)
    t.check("sqlite after disk full: resume exits 0", result.returncode == 0,
            result.stderr.decode())
    t.check("sqlite after disk full: resumed to every document",
            counts(engine)["articles"] == total)


def run_sqlite(t, claimx, source_dir, work, big, total):
    engine = SqliteEngine(os.path.join(work, "claims.db"))
    check_load_and_queries(t, claimx, source_dir, engine, work)
    check_kill_and_resume(t, claimx, SqliteEngine(os.path.join(work, "big.db")), big, total)
    check_sqlite_disk_full(t, claimx, work, big, total)
    db = sqlite3.connect(engine.path)
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    db.close()
    t.check("sqlite: WAL mode", mode == "wal", mode)


# ---------------------------------------------------------------------------
# PostgreSQL

def find_pg_bin():
    for directory in PG_BIN_DIRS:
        if os.path.exists(os.path.join(directory, "postgres")):
            return directory
    return None


def check_server_stopped(t, claimx, server, big, total):
    """The server goes away mid-load: a clear error; once it is back, the
    same command resumes."""
    engine = PostgresEngine(server, "claimx_stop")
    process = subprocess.Popen([claimx, "load", big, "--db", engine.url, "--batch",
                                str(BIG_BATCH)], stderr=subprocess.PIPE)
    started = wait_for_articles(engine, process, 4 * BIG_BATCH)
    server.stop()
    _, err = process.communicate(timeout=120)
    err = err.decode()
    t.check("postgresql stopped: the load was mid-run", started, err)
    t.check("postgresql stopped: exits 2", process.returncode == 2, err)
    t.check("postgresql stopped: the error names the lost server",
            "postgresql" in err and ("connection" in err or "terminating" in err)
            and "re-run resumes" in err, err)
    server.start()
    c = check_consistent(t, "postgresql after server stop", engine,
                         {"mentions": 30, "claims": 9, "claim_mentions": 22})
    t.check("postgresql stopped: whole batches only",
            c["articles"] % BIG_BATCH == 0 and c["articles"] < total, f"{c}")
    result = subprocess.run([claimx, "load", big, "--db", engine.url, "--batch",
                             str(BIG_BATCH)], capture_output=True, timeout=600)
    t.check("postgresql stopped: re-run exits 0", result.returncode == 0,
            result.stderr.decode())
    t.check("postgresql stopped: resumed to every document",
            counts(engine)["articles"] == total)


def run_postgresql(t, claimx, source_dir, work, big, total):
    bin_dir = find_pg_bin()
    if bin_dir is None:
        print("SKIP postgresql: no PostgreSQL 15 server binaries in "
              f"{PG_BIN_DIRS} (Debian package postgresql-15)", flush=True)
        return SKIP
    pg_dir = tempfile.mkdtemp(prefix="claimx-pg-")
    server = PostgresServer(bin_dir, pg_dir)
    try:
        server.init()
        server.start()
        result = load(claimx, f"postgresql://postgres@127.0.0.1:{free_port()}/none",
                      os.path.join(source_dir, "tests", "data", "db", "claims.jsonl"))
        t.check("postgresql: no server is a clear error",
                result.returncode == 2 and b"cannot connect" in result.stderr,
                result.stderr.decode())
        engine = PostgresEngine(server, "claimx")
        check_load_and_queries(t, claimx, source_dir, engine, work)
        check_kill_and_resume(t, claimx, PostgresEngine(server, "claimx_big"), big, total)
        check_server_stopped(t, claimx, server, big, total)
    finally:
        server.stop()
        shutil.rmtree(pg_dir, ignore_errors=True)
    return 0


def main():
    claimx, source_dir = sys.argv[1], sys.argv[2]
    which = sys.argv[3] if len(sys.argv) > 3 else "sqlite"
    t = Failures()
    work = tempfile.mkdtemp(prefix="claimx-db-")
    status = 0
    try:
        check_fixture_is_schema_v1(t, source_dir)
        big = os.path.join(work, "big.jsonl")
        total = write_big_fixture(source_dir, big)
        if which == "sqlite":
            run_sqlite(t, claimx, source_dir, work, big, total)
        else:
            status = run_postgresql(t, claimx, source_dir, work, big, total)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{t.passed} passed, {t.count} failed")
    if t.count:
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
