#!/usr/bin/env bash
# Browser checks of the built book: builds it with mdBook into a temporary directory, serves it on 127.0.0.1 and
# drives Debian's Chromium through playwright-core with node's own test runner. Screenshots go to tests/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium"
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

echo "==> npm ci"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

echo "==> theme/build.js --check (the minified theme files match their sources)"
node "$root/theme/build.js" --check

book_dir="$(mktemp -d)"
trap 'rm -rf "$book_dir"' EXIT
echo "==> mdbook build"
# Served at the root of 127.0.0.1: the 404 page is made for "/" (tests/browser/site.sh checks the sub-path).
(cd "$root" && MDBOOK_OUTPUT__HTML__SITE_URL=/ mdbook build -d "$book_dir")
# The post-build step every build of the book gets: rebuilds mdBook's search index (see the script).
node "$root/theme/searchindex.js" "$book_dir"

mkdir -p "$root/tests/artifacts"
echo "==> browser tests"
cd "$here"
BOOK_DIR="$book_dir" ARTIFACTS="$root/tests/artifacts" node --test --test-concurrency=1 --test-reporter=spec book.test.js \
  puzzles.test.js
