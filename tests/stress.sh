#!/usr/bin/env bash
# Flake hunt: runs the README's test command several times in a row while both cores are saturated by stress-ng,
# and reports every failing run with its failing tests.
#
#   bash tests/stress.sh        # 10 runs
#   bash tests/stress.sh 3      # 3 runs
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
export CARGO_TERM_COLOR=never

if ! command -v stress-ng >/dev/null; then
  echo "installing stress-ng (Debian) ..."
  apt-get update -qq >/dev/null && apt-get install -y -qq stress-ng >/dev/null
fi

echo "warming up (one unloaded build, so the runs below measure tests, not compilation) ..."
cargo test --no-run -q >/dev/null 2>&1 || true

stress-ng --cpu "$(nproc)" --timeout 0 --quiet &
load=$!
trap 'kill $load 2>/dev/null || true' EXIT
sleep 1

passed=0
failed=0
logs=$(mktemp -d)
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if cargo test >"$logs/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i/$runs: ok ($(($(date +%s) - start)) s, under load)"
  else
    failed=$((failed + 1))
    echo "run $i/$runs: FAILED ($(($(date +%s) - start)) s); failing tests:"
    grep -E '^test .* FAILED$|^---- ' "$logs/run-$i.log" | sed 's/^/    /' || true
    echo "    full log: $logs/run-$i.log"
  fi
done
echo
echo "stress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
