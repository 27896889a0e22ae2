#!/usr/bin/env bash
# The PDF edition: builds the book into book/ (mdbook build) and prints its print page with Debian's Chromium
# (playwright-core, installed by npm in tests/browser) into book/book.pdf. With --check it then checks the PDF
# (tests/pdf/check.js) and renders a few pages to tests/artifacts/pdf/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  echo "==> npm ci (tests/browser)"
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "==> mdbook build (book/)"
(cd "$root" && mdbook build)
# The post-build step every build of the book gets: rebuilds mdBook's search index (see the script). .ci/run leaves
# this book/ for the Pages workflow to publish.
node "$root/theme/searchindex.js" "$root/book"
echo "==> print book/print.html to book/book.pdf"
export NODE_PATH="$root/tests/browser/node_modules"
node "$here/pdf.js" "$root/book" "$root/book/book.pdf"

if [ "${1:-}" = "--check" ]; then
  echo "==> check book/book.pdf"
  mkdir -p "$root/tests/artifacts/pdf"
  node --test --test-reporter=spec "$here/check.test.js"
fi
