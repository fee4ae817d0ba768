#!/usr/bin/env bash
# End-to-end checks of the claimx CLI: exit codes (ripgrep's contract), error
# messages naming the file, stdin, formats, golden output.
# Usage: cli_test.sh CLAIMX_BINARY PROJECT_SOURCE_DIR
set -u
claimx=$1
src=$2
seed="$src/corpora/fr/examples/afp_frappes_civils.txt"
golden="$src/corpora/fr/examples/afp_frappes_civils.golden.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: exit status $3, expected $2"
  fi
}
expect_grep() {  # expect_grep NAME PATTERN FILE
  if grep -q -- "$2" "$3"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: '$2' not in output:"; head -5 "$3"
  fi
}

"$claimx" annotate "$seed" --date 2016-11-10 >"$tmp/seed.json" 2>"$tmp/err"
check "seed article" 0 $?
if cmp -s "$tmp/seed.json" "$golden"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: golden output differs:"; diff "$golden" "$tmp/seed.json" | head -20
fi

"$claimx" annotate - --date 2016-11-10 --id afp_frappes_civils <"$seed" >"$tmp/stdin.json"
check "stdin" 0 $?
if cmp -s "$tmp/stdin.json" "$golden"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: stdin output differs from file output"
fi

"$claimx" annotate "$seed" --format jsonl >"$tmp/seed.jsonl"
check "jsonl" 0 $?
lines=$(wc -l <"$tmp/seed.jsonl")
check "jsonl is one line" 1 "$lines"

"$claimx" annotate "$seed" --format text >"$tmp/seed.txt"
check "text" 0 $?
expect_grep "text marks mentions" "\[1787\]" "$tmp/seed.txt"
if grep -q $'\x1b' "$tmp/seed.txt"; then failed=$((failed + 1)); echo "FAIL: colour codes on a pipe"; else passed=$((passed + 1)); fi

: >"$tmp/empty.txt"
"$claimx" annotate "$tmp/empty.txt" >"$tmp/empty.json"
check "empty file finds nothing" 1 $?
expect_grep "empty file still emits a document" '"schema": "claimx/1"' "$tmp/empty.json"

printf 'Il pleut depuis ce matin.' >"$tmp/none.txt"
"$claimx" annotate "$tmp/none.txt" >/dev/null
check "no mention" 1 $?

"$claimx" annotate "$tmp/does-not-exist.txt" >"$tmp/out" 2>"$tmp/err"
check "missing file" 2 $?
expect_grep "missing file named" "does-not-exist.txt" "$tmp/err"
[ -s "$tmp/out" ] && { failed=$((failed + 1)); echo "FAIL: output on error"; } || passed=$((passed + 1))

"$claimx" annotate "$tmp" >/dev/null 2>"$tmp/err"
check "directory" 2 $?
expect_grep "directory named" "is a directory" "$tmp/err"

"$claimx" annotate "$seed" --date 2016-13-45 >/dev/null 2>"$tmp/err"
check "bad date" 2 $?
expect_grep "bad date named" "2016-13-45" "$tmp/err"

"$claimx" annotate "$seed" --format xml >/dev/null 2>&1
check "bad format" 2 $?

"$claimx" annotate "$seed" --rules "$tmp" >/dev/null 2>"$tmp/err"
check "rules dir without rules" 2 $?
expect_grep "rules dir named" "$tmp" "$tmp/err"

"$claimx" annotate "$seed" --max-bytes 100 >/dev/null 2>"$tmp/err"
check "over the byte limit" 2 $?
expect_grep "byte limit named" "over the limit" "$tmp/err"

printf '1787 civ\xffils' >"$tmp/invalid.txt"
"$claimx" annotate "$tmp/invalid.txt" >/dev/null 2>"$tmp/err"
check "invalid UTF-8 is repaired" 0 $?
expect_grep "invalid UTF-8 offset reported" "first at byte 8" "$tmp/err"

"$claimx" --version >"$tmp/out"
check "version" 0 $?
expect_grep "version printed" "claimx 0" "$tmp/out"
"$claimx" annotate --help >"$tmp/out"
check "help" 0 $?
expect_grep "help lists --date" "--date" "$tmp/out"
"$claimx" >/dev/null 2>&1
check "no subcommand" 2 $?

"$claimx" rules check --rules "$src/rules/fr" >"$tmp/out"
check "rules check" 0 $?
expect_grep "rules check summary" " 0 failed" "$tmp/out"

mkdir -p "$tmp/badrules"
printf 'dimension: quantity\nrules:\n  - id: fr.quantity.bad\n    pattern: "(?P<number>"\n    examples: ["1"]\n' >"$tmp/badrules/quantity.yaml"
"$claimx" rules check --rules "$tmp/badrules" >/dev/null 2>"$tmp/err"
check "rules check on a broken rule" 2 $?
expect_grep "broken rule located" "quantity.yaml:3: fr.quantity.bad" "$tmp/err"

# Colours: on a terminal only, never with NO_COLOR, forced by --color. `script`
# (util-linux) gives the command a pseudo-terminal.
has_escape() { grep -q $'\x1b\[' "$1"; }
expect_escape() {  # expect_escape NAME yes|no FILE
  if { [ "$2" = yes ] && has_escape "$3"; } || { [ "$2" = no ] && ! has_escape "$3"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $1: colour codes present: expected $2"
  fi
}
if command -v script >/dev/null; then
  env -u NO_COLOR script -qec "'$claimx' annotate '$seed' --format text" /dev/null >"$tmp/tty.txt"
  check "text on a terminal" 0 $?
  expect_escape "text on a terminal is coloured" yes "$tmp/tty.txt"
  NO_COLOR=1 script -qec "'$claimx' annotate '$seed' --format text" /dev/null >"$tmp/nocolor.txt"
  expect_escape "NO_COLOR on a terminal" no "$tmp/nocolor.txt"
  env -u NO_COLOR script -qec "'$claimx' annotate '$seed' --format text --color never" /dev/null >"$tmp/never.txt"
  expect_escape "--color never on a terminal" no "$tmp/never.txt"
else
  echo "note: no 'script' command, terminal checks skipped"
fi
env -u NO_COLOR "$claimx" annotate "$seed" --format text >"$tmp/pipe.txt"
expect_escape "text on a pipe" no "$tmp/pipe.txt"
NO_COLOR=1 "$claimx" annotate "$seed" --format text --color always >"$tmp/always.txt"
expect_escape "--color always wins over NO_COLOR" yes "$tmp/always.txt"

# Width: lines follow COLUMNS (a mention is never broken, so allow its slack).
COLUMNS=50 "$claimx" annotate "$seed" --format text >"$tmp/narrow.txt"
COLUMNS=160 "$claimx" annotate "$seed" --format text >"$tmp/wide.txt"
narrow_max=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/narrow.txt")
wide_max=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/wide.txt")
if [ "$narrow_max" -le 80 ] && [ "$wide_max" -gt 100 ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: width: longest line $narrow_max at COLUMNS=50, $wide_max at 160"
fi

"$claimx" annotate "$seed" --date 2016-11-10 --format html >"$tmp/seed.html"
check "html" 0 $?
expect_grep "html is a page" "<!DOCTYPE html>" "$tmp/seed.html"
"$claimx" annotate "$seed" --date 2016-11-10 --format jsonld >"$tmp/seed.jsonld"
check "jsonld" 0 $?
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["@context"]=="https://schema.org" and d["@graph"][0]["@type"]=="NewsArticle"' "$tmp/seed.jsonld"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: jsonld is not the expected JSON"; fi

# explain: rule file and line, groups and steps of what covers one offset.
offset=$(grep -bo 1787 "$seed" | head -1 | cut -d: -f1)
"$claimx" explain "$seed" --date 2016-11-10 --at "$offset" >"$tmp/explain.txt"
check "explain --at" 0 $?
expect_grep "explain names the rule file and line" "quantity.yaml:[0-9]" "$tmp/explain.txt"
expect_grep "explain shows the groups" "groups   number = \"1787\"" "$tmp/explain.txt"
expect_grep "explain shows the parse" "number: \"1787\" -> 1787" "$tmp/explain.txt"
"$claimx" explain "$seed" --date 2016-11-10 --rule fr.place.gazetteer >"$tmp/explain_places.txt"
check "explain --rule" 0 $?
expect_grep "explain places name the gazetteer row" "gazetteers/countries.tsv:[0-9]" "$tmp/explain_places.txt"
"$claimx" explain "$seed" --rule fr.nothing.such >/dev/null
check "explain a rule that found nothing" 1 $?
"$claimx" explain "$seed" --at 999999 >/dev/null 2>"$tmp/err"
check "explain past the end" 2 $?
expect_grep "explain past the end named" "past the end" "$tmp/err"
"$claimx" explain "$seed" --at 3 --rule fr.place.gazetteer >/dev/null 2>&1
check "explain --at with --rule" 2 $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
