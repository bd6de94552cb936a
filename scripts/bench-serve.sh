#!/usr/bin/env bash
# Measures `congbo serve` as an editor feels it: the time from saving a file to the new
# content being served over HTTP, on generated sites of 1,000 and 10,000 pages.
#
#   scripts/bench-serve.sh [PAGES...]        (default: 1000 10000)
#
# For each size it generates the benchmark site (../shared/bench/gen_corpus.py, through
# scripts/gen-corpus.py, which makes the generator's link step linear), starts
# the release binary on a free loopback port, then
#   - edits one news page's body 7 times (a different page each time),
#   - edits the title of one news page listed on /tin-tuc/ 5 times (a different page each
#     time; the section list, its neighbours, term pages… must show it) and
#   - edits the theme's news.html (used by every news page) 3 times,
# and after each write polls the page (for a title: the section list) over HTTP until the
# new text is there. It prints every time and the medians. Sites go to $BENCH_DIR (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN="$ROOT/../shared/bench/gen_corpus.py"
[ -f "$GEN" ] || { echo "needs ../shared/bench/gen_corpus.py beside the project" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
BENCH_DIR=${BENCH_DIR:-$(mktemp -d)}

cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/congbo"

for N in "${SIZES[@]}"; do
  SITE="$BENCH_DIR/site-$N"
  rm -rf "$SITE"
  python3 "$ROOT/scripts/gen-corpus.py" --pages "$N" --out "$SITE" --flavor congbo --theme-from "$ROOT" >/dev/null
  LOG="$BENCH_DIR/serve-$N.log"
  # English messages: the line waited for below is "Serving http://…".
  CONGBO_LANG=en "$BIN" serve --root "$SITE" --port 0 >"$LOG" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  python3 - "$SITE" "$LOG" "$N" <<'PY'
import http.client, os, re, statistics, sys, time
site, log, n = sys.argv[1], sys.argv[2], sys.argv[3]

def wait_port():
    end = time.time() + 600
    while time.time() < end:
        m = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", open(log, encoding="utf-8").read())
        if m:
            return int(m.group(1))
        time.sleep(0.2)
    sys.exit("the server did not start:\n" + open(log, encoding="utf-8").read())

def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    body = c.getresponse().read().decode("utf-8", "replace")
    c.close()
    return body

def timed(port, path, marker, write):
    """Seconds from the end of the write to the first response that shows the marker."""
    write()
    start = time.perf_counter()
    while marker not in get(port, path):
        if time.perf_counter() - start > 120:
            sys.exit(f"{path} never showed {marker}")
        time.sleep(0.002)
    return time.perf_counter() - start

t0 = time.time()
port = wait_port()
print(f"\n== {n} pages: first build and start {time.time() - t0:.1f} s")
news = sorted(os.listdir(os.path.join(site, "content", "tin-tuc")))
news = [f for f in news if f.endswith(".md") and f != "_index.md"]
body_times = []
for k in range(7):
    f = news[(k * 97) % len(news)]
    path = "/tin-tuc/" + f[:-3] + "/"
    get(port, path)
    marker = f"Đoạn đo {k} {time.time()}"
    p = os.path.join(site, "content", "tin-tuc", f)
    text = open(p, encoding="utf-8").read()
    def write():
        with open(p, "w", encoding="utf-8") as h:
            h.write(text + "\n" + marker + "\n")
    time.sleep(0.3)
    body_times.append(timed(port, path, marker, write))
    print(f"page body edit {k + 1}: {body_times[-1] * 1000:.0f} ms")
listed = []
for m in re.finditer(r'href="/tin-tuc/([^/"]+)/"', get(port, "/tin-tuc/")):
    if m.group(1) != "trang" and m.group(1) + ".md" in news and m.group(1) not in listed:
        listed.append(m.group(1))
if len(listed) < 5:
    sys.exit(f"/tin-tuc/ lists only {listed}")
title_times = []
for k in range(5):
    p = os.path.join(site, "content", "tin-tuc", listed[k] + ".md")
    text = open(p, encoding="utf-8").read()
    marker = f"Tiêu đề đo {k} {time.time()}"
    def write():
        with open(p, "w", encoding="utf-8") as h:
            h.write(text.replace('title = "', f'title = "{marker} ', 1))
    time.sleep(0.5)
    title_times.append(timed(port, "/tin-tuc/", marker, write))
    print(f"title edit {k + 1} (until /tin-tuc/ shows it): {title_times[-1] * 1000:.0f} ms")
tpl = os.path.join(site, "themes", "cong-thong-tin", "templates", "news.html")
original = open(tpl, encoding="utf-8").read()
tpl_times = []
path = "/tin-tuc/" + news[len(news) // 2][:-3] + "/"
for k in range(3):
    marker = f"<!-- mẫu {k} {time.time()} -->"
    def write():
        with open(tpl, "w", encoding="utf-8") as h:
            h.write(original.replace("{% endblock", marker + "{% endblock", 1))
    time.sleep(0.5)
    tpl_times.append(timed(port, path, marker, write))
    print(f"news.html edit {k + 1}: {tpl_times[-1] * 1000:.0f} ms")
print(f"{n} pages: page body edit median {statistics.median(body_times) * 1000:.0f} ms; "
      f"title edit median {statistics.median(title_times) * 1000:.0f} ms; "
      f"news.html edit median {statistics.median(tpl_times) * 1000:.0f} ms")
PY
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
  trap - EXIT
  echo "(server log: $LOG)"
done
