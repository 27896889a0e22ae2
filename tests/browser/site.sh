#!/usr/bin/env bash
# The published site: builds the book twice, as configured for its sub-path (book.toml's site-url) and for the root
# of a host (site-url "/", as `mdbook serve` does), serves each where it belongs on 127.0.0.1 (missing pages answered
# with the book's 404 page, like GitHub Pages) and checks it in Debian's Chromium with site.test.js.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

# build_book DIR [VAR=value...]: mdbook build into DIR with the given environment, then the post-build step every build
# of the book gets (theme/searchindex.js rebuilds mdBook's search index).
build_book() {
  local dir="$1"
  shift
  (cd "$root" && env "$@" mdbook build -d "$dir")
  node "$root/theme/searchindex.js" "$dir"
}

dirs="$(mktemp -d)"
trap 'rm -rf "$dirs"' EXIT
echo "==> mdbook build, for the sub-path in book.toml"
build_book "$dirs/sub"
echo "==> mdbook build, for the root of a host"
build_book "$dirs/root" MDBOOK_OUTPUT__HTML__SITE_URL=/

mkdir -p "$root/tests/artifacts"
echo "==> site tests"
cd "$here"
SUB_BOOK="$dirs/sub" ROOT_BOOK="$dirs/root" ARTIFACTS="$root/tests/artifacts" \
  node --test --test-concurrency=1 --test-reporter=spec site.test.js
