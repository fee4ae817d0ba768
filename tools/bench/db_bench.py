#!/usr/bin/python3
"""Runs claimx-db-bench against SQLite and a throwaway PostgreSQL 15 server.

Usage: /usr/bin/python3 tools/bench/db_bench.py BUILD_DIR [claimx-db-bench options...]

Starts a PostgreSQL server from the Debian postgresql-15 binaries in a
temporary directory (as the postgres user when run as root, default durable
settings: fsync on), runs BUILD_DIR/claimx-db-bench with --postgresql
pointing at it, and stops the server. The server's CPU time is reported
too, since claimx-db-bench can only measure its own process.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests"))
import db_test  # noqa: E402  (PostgresServer)


def server_cpu_seconds(pid):
    """CPU seconds of the postmaster and its children that have exited, plus
    the live ones, from /proc."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ppid = int(fields[1])
        if int(entry) == pid or ppid == pid:
            total += sum(int(x) for x in fields[11:15]) / ticks
    return total


def main():
    build = sys.argv[1]
    bin_dir = db_test.find_pg_bin()
    if bin_dir is None:
        sys.exit("db_bench.py: PostgreSQL 15 binaries not found (Debian postgresql-15)")
    work = tempfile.mkdtemp(prefix="claimx-db-bench-")
    server = db_test.PostgresServer(bin_dir, work)
    try:
        server.init()
        server.start(durable=True)
        engine = db_test.PostgresEngine(server, "claimx_bench")
        before = server_cpu_seconds(server.process.pid)
        result = subprocess.run([os.path.join(build, "claimx-db-bench"), "--postgresql",
                                 engine.url, *sys.argv[2:]])
        print(f"postgresql server CPU during the run (all stages' rounds): "
              f"{server_cpu_seconds(server.process.pid) - before:.1f} s")
        return result.returncode
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
