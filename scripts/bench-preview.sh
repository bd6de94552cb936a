#!/usr/bin/env bash
# Measures the browser editor's live preview as an editor feels it: the time of one
# preview request (what the page's script posts after a pause in typing) on generated
# sites of 1,000 and 10,000 pages. Issue #28 asks for a preview within 150 ms of a pause.
#
#   scripts/bench-preview.sh [PAGES...]        (default: 10000)
#
# For each size it generates the benchmark site (../shared/bench/gen_corpus.py, through
# scripts/gen-corpus.py), starts the release binary with `serve --edit` on a free loopback
# port, opens the edit form of one news page and of one plan (for the token, the cookie
# and the form's fields), then posts each form to `/_soan-thao/xem-truoc/…?chi-trang=1`
# 9 times with a changed body, timing each request. It prints every time and the
# medians, and the time of each edit form (which parses the whole content once for the
# page's address on the site, as the preview did before it stopped asking for it). Sites go to $BENCH_DIR (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN="$ROOT/../shared/bench/gen_corpus.py"
[ -f "$GEN" ] || { echo "needs ../shared/bench/gen_corpus.py beside the project" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000)
BENCH_DIR=${BENCH_DIR:-$(mktemp -d)}

cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/congbo"

for N in "${SIZES[@]}"; do
  SITE="$BENCH_DIR/site-$N"
  rm -rf "$SITE"
  python3 "$ROOT/scripts/gen-corpus.py" --pages "$N" --out "$SITE" --flavor congbo --theme-from "$ROOT" >/dev/null
  LOG="$BENCH_DIR/serve-preview-$N.log"
  CONGBO_LANG=en "$BIN" serve --edit --root "$SITE" --port 0 >"$LOG" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  python3 - "$SITE" "$LOG" "$N" <<'PY'
import html, http.client, os, re, statistics, sys, time, urllib.parse
site, log, n = sys.argv[1], sys.argv[2], sys.argv[3]

def wait_port():
    end = time.time() + 900
    while time.time() < end:
        m = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", open(log, encoding="utf-8").read())
        if m:
            return int(m.group(1))
        time.sleep(0.2)
    sys.exit("the server did not start:\n" + open(log, encoding="utf-8").read())

def request(port, method, path, body=None, cookie=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    out = (r.status, r.getheader("Set-Cookie") or "", r.read().decode("utf-8", "replace"))
    c.close()
    return out

def fields(page):
    """The edit form's fields as posted: inputs (checkboxes when checked) and textareas."""
    form = page[page.index('<form id="bieu-mau"'):]
    form = form[:form.index("</form>")]
    out = []
    for m in re.finditer(r"<input ([^>]*)>|<textarea ([^>]*)>(.*?)</textarea>", form, re.S):
        attrs = m.group(1) or m.group(2)
        name = re.search(r'name="([^"]*)"', attrs)
        if not name:
            continue
        if m.group(1) is not None:
            if 'type="checkbox"' in attrs and " checked" not in attrs:
                continue
            value = re.search(r'value="([^"]*)"', attrs)
            out.append((name.group(1), html.unescape(value.group(1)) if value else ""))
        else:
            out.append((name.group(1), html.unescape(m.group(3))))
    return out

def timed_previews(port, rel, label):
    start = time.perf_counter()
    status, cookie, page = request(port, "GET", "/_soan-thao/sua/" + rel)
    print(f"{label} edit form: {(time.perf_counter() - start) * 1000:.0f} ms")
    if status != 200:
        sys.exit(f"the edit form of {rel} answered {status}")
    cookie = cookie.split(";")[0]
    form = fields(page)
    times = []
    for k in range(9):
        typed = [(name, value + f"\n\nĐoạn đang gõ {k}." if name == "body" else value) for name, value in form]
        body = urllib.parse.urlencode(typed)
        start = time.perf_counter()
        status, _, shown = request(port, "POST", "/_soan-thao/xem-truoc/sua/" + rel + "?chi-trang=1", body, cookie)
        took = time.perf_counter() - start
        if status != 200 or f"Đoạn đang gõ {k}." not in shown:
            sys.exit(f"the preview of {rel} answered {status}: {shown[:500]}")
        times.append(took)
        print(f"{label} preview {k + 1}: {took * 1000:.0f} ms")
    return times

t0 = time.time()
port = wait_port()
print(f"\n== {n} pages: first build and start {time.time() - t0:.1f} s")
news = sorted(f for f in os.listdir(os.path.join(site, "content", "tin-tuc")) if f.endswith(".md") and f != "_index.md")
plans = sorted(f for f in os.listdir(os.path.join(site, "content", "ke-hoach")) if f.endswith(".md") and f != "_index.md")
a = timed_previews(port, "tin-tuc/" + news[len(news) // 2], "news item")
b = timed_previews(port, "ke-hoach/" + plans[len(plans) // 2], "plan")
print(f"{n} pages: one preview request, median: news item {statistics.median(a) * 1000:.0f} ms, "
      f"plan {statistics.median(b) * 1000:.0f} ms")
PY
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
  trap - EXIT
  echo "(server log: $LOG)"
done
