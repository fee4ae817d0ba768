#!/usr/bin/env bash
# I/O faults around `claimx annotate`: a reader that goes away (SIGPIPE), a
# read interrupted by signals, unreadable inputs, a full output device. Each
# gives either the complete output or a clear error on stderr and exit 2;
# never a crash, never a partial output with a success status.
# Usage: io_faults_test.sh CLAIMX_BINARY PROJECT_SOURCE_DIR
set -u
claimx=$1
src=$2
seed="$src/corpora/fr/examples/afp_frappes_civils.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" = "$3" ]; then pass; else fail "$1: exit status $3, expected $2"; fi
}
expect_grep() {  # expect_grep NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then pass; else
    fail "$1: '$2' not in:"; head -5 "$3"
  fi
}
expect_empty() {  # expect_empty NAME FILE
  if [ ! -s "$2" ]; then pass; else fail "$1: expected nothing, got:"; head -5 "$2"; fi
}
not_crashed() {  # not_crashed NAME STATUS: no signal other than SIGPIPE
  if [ "$2" -lt 128 ]; then pass; else fail "$1: killed by signal $(($2 - 128))"; fi
}

# A large article: the seed 60 times (about 800 KB of JSON out, far more than
# a pipe buffer, so the writer is still writing when the reader leaves).
for _ in $(seq 60); do cat "$seed"; done >"$tmp/big.txt"

# --- The reader leaves early: `claimx ... | head` ends quietly -------------
for format in json text; do
  set -o pipefail
  "$claimx" annotate "$tmp/big.txt" --format "$format" 2>"$tmp/err" | head -c 100 >/dev/null
  statuses=("${PIPESTATUS[@]}")
  set +o pipefail
  # Killed by SIGPIPE (141) like cat and grep, or 0 if it finished first.
  case ${statuses[0]} in 0|141) pass ;; *) fail "head ($format): status ${statuses[0]}" ;; esac
  expect_empty "head ($format): quiet on stderr" "$tmp/err"
done
# The same when the parent left SIGPIPE ignored (as some supervisors do):
# the write fails with EPIPE and claimx still ends quietly, without success.
(trap '' PIPE; "$claimx" annotate "$tmp/big.txt" 2>"$tmp/err" | head -c 100 >/dev/null;
 echo "${PIPESTATUS[0]}" >"$tmp/status")
status=$(cat "$tmp/status")
case $status in 2|141) pass ;; *) fail "head with SIGPIPE ignored: status $status" ;; esac
expect_empty "head with SIGPIPE ignored: quiet on stderr" "$tmp/err"

# --- Output device full: ENOSPC is an error, not a success -----------------
if [ -w /dev/full ]; then
  "$claimx" annotate "$seed" >/dev/full 2>"$tmp/err"
  check "disk full (json)" 2 $?
  expect_grep "disk full names the cause" "No space left on device" "$tmp/err"
  "$claimx" annotate "$tmp/big.txt" --format text >/dev/full 2>"$tmp/err"
  check "disk full (text, large)" 2 $?
  expect_grep "disk full (text) names the cause" "No space left on device" "$tmp/err"
else
  echo "skipped: /dev/full not writable"
fi

# --- Unreadable inputs: the error names the file ----------------------------
"$claimx" annotate "$tmp/missing.txt" >"$tmp/out" 2>"$tmp/err"
check "missing file" 2 $?
expect_grep "missing file is named" "missing.txt" "$tmp/err"
expect_empty "missing file: no output" "$tmp/out"

"$claimx" annotate "$tmp" >"$tmp/out" 2>"$tmp/err"
check "directory" 2 $?
expect_grep "directory is named" "is a directory" "$tmp/err"

"$claimx" annotate - <"$tmp" >"$tmp/out" 2>"$tmp/err"
status=$?
check "directory on stdin" 2 $status
expect_grep "directory on stdin is reported" "<stdin>" "$tmp/err"
expect_empty "directory on stdin: no output" "$tmp/out"

# open() succeeds but read() fails (EIO): the failure surfaces mid-read.
"$claimx" annotate /proc/self/mem >"$tmp/out" 2>"$tmp/err"
status=$?
check "read error (EIO)" 2 $status
expect_grep "read error names the file" "/proc/self/mem" "$tmp/err"
expect_empty "read error: no output" "$tmp/out"

cp "$seed" "$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
if [ "$(id -u)" != 0 ]; then  # root reads it anyway
  "$claimx" annotate "$tmp/locked.txt" >"$tmp/out" 2>"$tmp/err"
  check "permission denied" 2 $?
  expect_grep "permission denied names the cause" "Permission denied" "$tmp/err"
fi

# --- Interrupted reads: stopped and continued while reading a slow stdin ----
# claimx installs no signal handler, so the kernel restarts reads across
# SIGSTOP/SIGCONT and ignored signals (and libstdc++ retries EINTR); the
# output must be exactly the uninterrupted one.
"$claimx" annotate - --id slow <"$seed" >"$tmp/expected.json"
{ head -c 2000 "$seed"; sleep 0.6; tail -c +2001 "$seed"; } \
  | "$claimx" annotate - --id slow >"$tmp/slow.json" 2>"$tmp/err" &
pid=$!
sleep 0.2
for signal in STOP CONT WINCH STOP CONT URG CHLD; do
  kill -s "$signal" "$pid" 2>/dev/null
  sleep 0.05
done
wait "$pid"
check "interrupted read" 0 $?
if cmp -s "$tmp/expected.json" "$tmp/slow.json"; then pass; else
  fail "interrupted read: output differs"; fi

echo "io faults: $passed passed, $failed failed"
[ "$failed" = 0 ]
