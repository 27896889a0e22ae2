#!/usr/bin/env bash
# Fault injection for the faults that need a real build: copies the book to a temporary directory, injects one
# contributor mistake at a time, and checks that the book's tests fail with a message that names the culprit. Each
# fault runs the part of `cargo test` that owns the check (`--test listings <name>` for a listing's behaviour,
# `--test snippets j05` for the chapters' Rust blocks, `--test book` for the wiring of the integrity checks).
# The integrity checks themselves are tested on small fixture books by `cargo test -p mdbook-listings`
# (tools/mdbook-listings/tests/fixture_books.rs).
#
#   bash tests/faults.sh            # all faults
#   bash tests/faults.sh anchor     # only the faults whose name contains "anchor" (none: an error)
#
# The copy builds in target/faults (a separate target dir: the copy's listings live at other paths, and sharing
# the main target dir would overwrite the main listings' binaries).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
only=${1:-}
if [ -n "$only" ] && ! grep -oE '^check "[^"]*"' "$0" | grep -qF -- "$only"; then
  echo "no fault matches \"$only\"; the faults are:" >&2
  grep -oE '^check "[^"]*"' "$0" | sed 's/^check "\(.*\)"$/  \1/' >&2
  exit 2
fi
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

snippets="cargo test -p book-tests --test snippets j05"
chapter=src/junior/j05-buffering.md
line=$(($(wc -l <"$chapter") + 2))

# 1. The integrity checks run in `cargo test` (each check has fixture tests; this is the wiring).
sed -i '0,/rendezvous-handoff\/src\/main.rs:body}}/s//rendezvous-handoff\/src\/main.rs:bdoy}}/' "$chapter"
check "misspelled-anchor" "$book" "$chapter" "anchor \`bdoy\` is not defined"

# 2. A deadlock listing "fixed" so that it finishes.
sed -i 's/sync_channel::<i32>(2)/sync_channel::<i32>(3)/' listings/j05/full-buffer-deadlock/src/main.rs
check "deadlock-finishes" "$(listing j05_full_buffer_deadlock)" "j05-full-buffer-deadlock" "expected to keep running"

# 3. An output listing whose output changes.
sed -i 's/println!("{}", rx.recv().unwrap());/println!("got {}", rx.recv().unwrap());/' listings/j06/cap1-puzzle/src/main.rs
check "output-changes" "$(listing j06_cap1_puzzle)" "j06-cap1-puzzle" "differs from the declared \`stdout\`"

# 4. A compile-fail listing that now compiles.
sed -i '0,/^    drop(tx);/{/^    drop(tx);/d}' listings/j08/double-close/src/main.rs
check "compile-fail-compiles" "$(listing j08_double_close)" "j08-double-close" "it compiles, but it is declared compile-fail"

# 5. A compile-fail listing that fails with another error code.
sed -i '0,/^    drop(tx);/s//    let _: u32 = "not a number";\n    drop(tx);/' listings/j08/double-close/src/main.rs
sed -i '0,/^    drop(tx);/{/^    drop(tx);/d}' listings/j08/double-close/src/main.rs
check "compile-fail-other-error" "$(listing j08_double_close)" "j08-double-close" "is not a declared error" "E0308"

# 6. An inline snippet that blocks, inside a list item: stopped by the time limit, named by its chapter line.
printf '\n- a step\n\n    ```rust\n    fn main() {\n        let (_tx, rx) = std::sync::mpsc::channel::<()>();\n        rx.recv().unwrap();\n    }\n    ```\n' >>"$chapter"
check "snippet-blocks" "BOOK_SNIPPET_TIME_LIMIT_S=2 $snippets" "still running at its time limit" "$chapter:$((line + 2)): the block's program failed"

# 7. An inline ```rs snippet (in a block quote) that does not compile: compiled as Rust, named by its chapter line.
printf '\n> ```rs\n> fn main() { let _: u32 = "no"; }\n> ```\n' >>"$chapter"
check "snippet-rs-does-not-compile" "$snippets" "E0308" "$chapter:$line: the block does not compile"

# 8. An inline snippet skeptic would skip: the build of the snippet tests fails.
printf '\n```rust,ignore\nfn main() {}\n```\n' >>"$chapter"
check "snippet-ignored" "$snippets" "$chapter:$line: skeptic would skip this block"

echo
echo "fault injection: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
