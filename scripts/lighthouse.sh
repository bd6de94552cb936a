#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the example site's
# home page, a news page and a procedure page, in Debian's headless Chromium, as the mobile
# profile Lighthouse uses by default (a slow 4G phone).
#
#   scripts/lighthouse.sh            # prints a Markdown table of the scores
#
# Needs Node.js, npm and Debian's chromium (CHROME_PATH to use another Chromium). Lighthouse
# itself is installed once with npm into LIGHTHOUSE_DIR (default ~/.cache/congbo-lighthouse).
# Not part of `cargo test`: it takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

LH_DIR=${LIGHTHOUSE_DIR:-$HOME/.cache/congbo-lighthouse}
LH_VERSION=${LIGHTHOUSE_VERSION:-12}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" --no-audit --no-fund "lighthouse@$LH_VERSION" >&2
fi
LH="$LH_DIR/node_modules/.bin/lighthouse"

WORK=$(mktemp -d)
cleanup() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# Build the example site (with CONGBO=path/to/congbo, that binary; else a release build),
# and serve it with gzip, as a host would.
if [ -n "${CONGBO:-}" ]; then
  "$CONGBO" build --output-dir "$WORK/public" >&2
else
  cargo run --quiet --release -- build --output-dir "$WORK/public" >&2
fi
node tests/browser/serve-gzip.mjs "$WORK/public" > "$WORK/url" &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/url" ] && break; sleep 0.1; done
BASE=$(cat "$WORK/url")

PAGES=(
  "home|/"
  "news|/tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia/"
  "procedure|/thu-tuc/dang-ky-khai-tu/"
)
echo "| page | performance | accessibility | best practices | SEO |"
echo "| --- | --- | --- | --- | --- |"
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  "$LH" "$BASE$path" --quiet --output=json --output-path="$WORK/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking" >&2
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const failed = Object.values(r.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => a.id);
    console.log(`| ${process.argv[2]} (${process.argv[3]}) | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
    if (failed.length) console.error(`${process.argv[2]}: below full marks: ${failed.join(", ")}`);
  ' "$WORK/$name.json" "$name" "$path"
done
