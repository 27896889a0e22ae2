#!/usr/bin/env bash
# Fault injection: copies the book to a temporary directory, injects one contributor mistake at a time, and checks
# that the book's tests fail with a message that names the culprit. Each fault runs the part of `cargo test` that
# owns the check (`--test book` for the book's integrity, `--test listings <name>` for a listing's behaviour).
#
#   bash tests/faults.sh            # all faults
#   bash tests/faults.sh anchor     # only the faults whose name contains "anchor"
#
# The copy builds in target/faults (a separate target dir: the copy's listings live at other paths, and sharing
# the main target dir would overwrite the main listings' binaries).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
only=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${FAULTS_TARGET_DIR:-$repo/target/faults}"
export CARGO_TERM_COLOR=never

# The tracked files as they are in the working tree, as a git repository we can reset between faults.
(cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work"
cd "$work"
git init -q && git add -A && git -c user.name=faults -c user.email=faults@localhost commit -qm pristine

passed=0
failed=0
check() { # name, command, expected text...
  local name=$1 cmd=$2
  shift 2
  if [ -n "$only" ] && [[ $name != *"$only"* ]]; then
    git reset -q --hard && git clean -qfd
    return
  fi
  local log
  log=$(mktemp)
  if bash -c "$cmd" >"$log" 2>&1; then
    echo "FAIL  $name: the tests passed, but the fault should have been caught"
    failed=$((failed + 1))
  else
    local missing=""
    for want in "$@"; do
      grep -qF -- "$want" "$log" || missing="$missing [$want]"
    done
    if [ -z "$missing" ]; then
      echo "ok    $name: caught -> $(grep -F -- "${@: -1}" "$log" | head -1 | sed 's/^ *//' | cut -c1-150)"
      passed=$((passed + 1))
    else
      echo "FAIL  $name: the tests failed, but the output does not name$missing; its tail:"
      tail -n 25 "$log" | sed 's/^/      /'
      failed=$((failed + 1))
    fi
  fi
  rm -f "$log"
  git reset -q --hard && git clean -qfd
}

book="cargo test -p book-tests --test book"
listing() { echo "cargo test -p book-tests --test listings $1"; }

# Build everything once, so each fault below only pays for what it changes.
echo "building the copy in $CARGO_TARGET_DIR ..."
cargo test -p book-tests --no-run -q 2>/dev/null || cargo test -p book-tests --no-run

# 1. A listing deleted while a chapter still includes it.
rm -r listings/j05/rendezvous-handoff
check "deleted-listing" "$book" "src/junior/j05-buffering.md" "listings/j05/rendezvous-handoff/src/main.rs does not exist"

# 2. An include whose anchor is misspelled.
sed -i '0,/rendezvous-handoff\/src\/main.rs:body}}/s//rendezvous-handoff\/src\/main.rs:bdoy}}/' src/junior/j05-buffering.md
check "misspelled-anchor" "$book" "src/junior/j05-buffering.md" "anchor \`bdoy\` is not defined"

# 3. A listing that no chapter shows.
cp -r listings/j05/rendezvous-handoff listings/j05/orphan
sed -i 's/^name = "j05-rendezvous-handoff"/name = "j05-orphan"/' listings/j05/orphan/Cargo.toml
check "unshown-listing" "$book" "listings/j05/orphan/Cargo.toml" "is not shown by any chapter"

# 4. A listing without a declared behaviour.
python3 - listings/j06/cap1-puzzle/Cargo.toml <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r"\[package\.metadata\.listing\].*?(?=^\[|\Z)", "", s, flags=re.S | re.M)
open(p, "w").write(s)
PY
check "undeclared-listing" "$book" "listings/j06/cap1-puzzle/Cargo.toml" "no declared behaviour"

# 5. A deadlock listing "fixed" so that it finishes.
sed -i 's/sync_channel::<i32>(2)/sync_channel::<i32>(3)/' listings/j05/full-buffer-deadlock/src/main.rs
check "deadlock-finishes" "$(listing j05_full_buffer_deadlock)" "j05-full-buffer-deadlock" "expected to keep running"

# 6. An output listing whose output changes.
sed -i 's/println!("{}", rx.recv().unwrap());/println!("got {}", rx.recv().unwrap());/' listings/j06/cap1-puzzle/src/main.rs
check "output-changes" "$(listing j06_cap1_puzzle)" "j06-cap1-puzzle" "differs from the declared \`stdout\`"

# 7. A compile-fail listing that now compiles.
sed -i '0,/^    drop(tx);/{/^    drop(tx);/d}' listings/j08/double-close/src/main.rs
check "compile-fail-compiles" "$(listing j08_double_close)" "j08-double-close" "it compiles, but it is declared compile-fail"

# 8. A compile-fail listing that fails with another error code.
sed -i '0,/^    drop(tx);/s//    let _: u32 = "not a number";\n    drop(tx);/' listings/j08/double-close/src/main.rs
sed -i '0,/^    drop(tx);/{/^    drop(tx);/d}' listings/j08/double-close/src/main.rs
check "compile-fail-other-error" "$(listing j08_double_close)" "j08-double-close" "is not a declared error" "E0308"

# 9. A SUMMARY link to a page that does not exist.
sed -i 's|junior/j17-negative-counter.md|junior/j17-negative-countr.md|' src/SUMMARY.md
check "summary-missing-page" "$book" "src/SUMMARY.md" "src/junior/j17-negative-countr.md, which does not exist"

# 10. A broken link between pages.
printf '\nSee also [the puzzle](j06-puzzle-capl.md).\n' >>src/junior/j05-buffering.md
check "broken-page-link" "$book" "src/junior/j05-buffering.md" "link to \`j06-puzzle-capl.md\`"

# 11. A chapter title without its entry id.
sed -i '1s/^# J07 · /# /' src/junior/j07-range.md
check "title-without-id" "$book" "src/junior/j07-range.md:1" "must start with its entry id"

echo
echo "fault injection: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
