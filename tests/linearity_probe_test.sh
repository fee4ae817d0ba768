#!/bin/sh
# claimx-linearity (tools/bench/linearity_probe.cc): exit codes, the error
# naming a bad line of the constructions file, and a flag when the ratio
# passes the threshold.
# Usage: linearity_probe_test.sh CLAIMX_LINEARITY SOURCE_DIR
set -u
probe=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, expected $2"; fail=1; else echo "ok: $1"; fi
}

printf '# two constructions\n|Le texte passe. \nLe texte passe|, selon Paul Roux\n' > "$dir/good.txt"
printf '|Le texte passe. \nno bar on this line\n' > "$dir/bad.txt"

"$probe" "$dir/good.txt" --bytes 8192 > "$dir/out.txt" 2>&1
check "linear constructions pass" 0 $?
grep -q "^2 constructions, 0 flagged" "$dir/out.txt" || { echo "FAIL: summary line"; cat "$dir/out.txt"; fail=1; }

"$probe" "$dir/bad.txt" --bytes 8192 > "$dir/out.txt" 2>&1
check "a line without a piece is an error" 2 $?
grep -q "bad.txt:2:" "$dir/out.txt" || { echo "FAIL: the error names file and line"; cat "$dir/out.txt"; fail=1; }

# Linear growth is a ratio of about 4: under a threshold of 1.5, with no
# floor, every line is flagged.
"$probe" "$dir/good.txt" --bytes 65536 --threshold 1.5 --floor 0 > "$dir/out.txt" 2>&1
check "a ratio over the threshold is flagged" 1 $?
grep -q "SUPERLINEAR" "$dir/out.txt" || { echo "FAIL: no line marked"; cat "$dir/out.txt"; fail=1; }

"$probe" "$dir/missing.txt" > "$dir/out.txt" 2>&1
check "a missing file is an error" 2 $?

# The shipped constructions file parses (one line probed, small).
"$probe" "$src/tests/data/linearity_constructions.txt" --bytes 4096 --only "hier" > "$dir/out.txt" 2>&1
check "the constructions file parses" 0 $?
exit $fail
