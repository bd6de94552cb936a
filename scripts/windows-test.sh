#!/usr/bin/env bash
# Runs congbo.exe (made by scripts/windows-build.sh) under Wine on Debian 12, as root, and
# checks it against the Linux build of the same commit:
#   - the example site builds, with --root given as a Windows path (Z:\...), into the
#     same files with the same bytes as the Linux build, and again after an edit;
#   - a site saved with Windows line endings (CRLF) in site.toml and its Markdown, with a
#     Vietnamese folder (content/thủ-tục/) and file names (content/tin-tuc/Hội nghị tổng
#     kết.md), builds with --root and -o as backslashed paths, as on Linux;
#   - `serve` starts, a page is fetched over HTTP from Linux with the right text, an edit
#     is served after its rebuild, and the process is stopped.
# Usage: scripts/windows-test.sh [path/to/congbo.exe]   Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
EXE=$(realpath "${1:-target/x86_64-pc-windows-gnu/release/congbo.exe}")
[ -s "$EXE" ] || { echo "no $EXE: run scripts/windows-build.sh first"; exit 1; }

need=()
for p in wine64 gcc-mingw-w64-x86-64 curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== the Linux congbo, to compare with"
cargo build --locked --quiet
LINUX=$REPO/target/debug/congbo

WORK=$(mktemp -d /tmp/congbo-windows-test.XXXXXX)
export WINEPREFIX=$WORK/wine WINEDEBUG=-all WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY
WINE=/usr/lib/wine/wine64
SERVE_PID=
cleanup() {
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; fi
  /usr/lib/wine/wineserver64 -k 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
checks=0
ok() {
  checks=$((checks + 1))
  echo "ok $checks: $*"
}
fail() {
  echo "FAILED: $*"
  exit 1
}
# The Windows name of a Linux path in Wine's default drive mapping (Z: is /).
winpath() { printf 'Z:%s' "${1//\//\\}"; }
win() { (cd "$WORK" && "$WINE" "$EXE" "$@"); }

echo "== Wine prefix (wine $($WINE --version 2>/dev/null || echo '?'))"
"$WINE" wineboot --init >/dev/null 2>&1 || true
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c -ladvapi32

want=$("$LINUX" --version)
got=$(win --version 2>&1 | tr -d '\r') || fail "congbo.exe --version: $got"
[ "$got" = "$want" ] || fail "congbo.exe --version printed '$got', the Linux build '$want'"
ok "congbo.exe starts under Wine: $got"

# Same files, same bytes (diff -r lists any difference). Returns the file count.
same_output() {
  local a=$1 b=$2 what=$3
  if ! diff -r "$a" "$b" >"$WORK/diff.txt" 2>&1; then
    head -n 20 "$WORK/diff.txt"
    fail "$what: the Windows build differs from the Linux build (above)"
  fi
  find "$a" -type f | wc -l
}

# 0. init: the next step it prints is a Command Prompt line (cd /d, a quoted folder).
init_dir="$WORK/Trang mới"
got=$(win init "$(winpath "$init_dir")" 2>&1 | tr -d '\r') || fail "congbo.exe init: $got"
[ -f "$init_dir/site.toml" ] || fail "congbo.exe init made no site.toml in $init_dir"
want="cd /d \"$(winpath "$init_dir")\" && congbo build"
case $got in *"$want"*) ;; *) fail "congbo.exe init should say '$want'; it said: $got" ;; esac
ok "congbo.exe init $(winpath "$init_dir") made a site and says: $want"

# Messages: Windows has no LANG; a Windows set to Vietnamese gets Vietnamese. Wine takes its
# locale from the Unix one (which glibc must have), and cmd then removes the variables
# from congbo.exe's environment, as on a real Windows.
if ! locale -a 2>/dev/null | grep -qix 'vi_VN.utf8'; then
  echo "== locale-gen vi_VN.UTF-8 (Wine's Vietnamese locale)"
  dpkg -s locales >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >/dev/null
  grep -qx 'vi_VN.UTF-8 UTF-8' /etc/locale.gen || echo 'vi_VN.UTF-8 UTF-8' >>/etc/locale.gen
  locale-gen >/dev/null
fi
got=$(cd "$WORK" && LC_ALL=vi_VN.UTF-8 LANG=vi_VN.UTF-8 "$WINE" cmd /c \
  "set LC_ALL=& set LC_MESSAGES=& set LANG=& set & $(winpath "$EXE") build --root $(winpath "$WORK/none")" 2>&1 | tr -d '\r' || true)
printf '%s\n' "$got" | grep -qE '^(LANG|LC_ALL|LC_MESSAGES)=' && fail "cmd left a locale variable: $got"
case $got in
  *"site.toml: lỗi: không đọc được site.toml"*) ;;
  *) fail "with Windows' locale Vietnamese and no LANG, congbo.exe should answer in Vietnamese; it said: $(printf '%s\n' "$got" | grep site.toml)" ;;
esac
ok "no LANG, Windows locale vi-VN: congbo.exe's error is in Vietnamese ($(printf '%s\n' "$got" | grep -m1 -o 'site.toml: lỗi: [^(]*'))"

# 1. The example site, --root as a Windows path.
copy_example() {
  mkdir -p "$1"
  cp -r content themes site.toml "$1/"
}
copy_example "$WORK/example-linux"
copy_example "$WORK/example-win"
"$LINUX" build --root "$WORK/example-linux" >/dev/null
win build --root "$(winpath "$WORK/example-win")" >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "congbo.exe build of the example site"; }
n=$(same_output "$WORK/example-linux/public" "$WORK/example-win/public" "example site")
ok "example site built with --root $(winpath "$WORK/example-win"): $n files, identical to the Linux build"

# An edit, rebuilt: the Windows build swaps the changed files into the existing public\.
for d in example-linux example-win; do
  printf '\nMột đoạn thêm sau khi sửa.\n' >>"$WORK/$d/content/gioi-thieu.md"
done
"$LINUX" build --root "$WORK/example-linux" >/dev/null
win build --root "$(winpath "$WORK/example-win")" >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "congbo.exe rebuild of the edited example site"; }
grep -q ' 0 written' "$WORK/out.txt" && fail "the rebuild after an edit wrote nothing: $(cat "$WORK/out.txt")"
grep -rq 'Một đoạn thêm sau khi sửa.' "$WORK/example-win/public/gioi-thieu/index.html" \
  || fail "the edited page is not in the rebuilt public\\gioi-thieu\\index.html"
n=$(same_output "$WORK/example-linux/public" "$WORK/example-win/public" "example site rebuilt")
ok "edited example site rebuilt into its existing public\\ ($(tr -d '\r' <"$WORK/out.txt" | grep -o '[0-9]* written, [0-9]* unchanged')): identical to Linux"

# 2. CRLF, Vietnamese names, -o with backslashes.
make_site() {
  local s=$1
  mkdir -p "$s/content/thủ-tục" "$s/content/tin-tuc"
  cp -r themes "$s/"
  printf '%s\n' 'title = "Xã Thử Nghiệm"' 'base_url = "https://thunghiem.example.gov.vn/"' \
    'language = "vi"' 'authority = "Ủy ban nhân dân xã Thử Nghiệm"' '' \
    '[[menu]]' 'name = "Tin tức"' 'url = "/tin-tuc/"' >"$s/site.toml"
  printf '%s\n' '+++' 'title = "Trang chủ"' '+++' '' 'Chào mừng.' >"$s/content/_index.md"
  printf '%s\n' '+++' 'title = "Tin tức"' '+++' >"$s/content/tin-tuc/_index.md"
  printf '%s\n' '+++' 'title = "Hội nghị tổng kết công tác cải cách hành chính"' \
    'date = 2026-11-20' 'description = "Tổng kết năm 2026."' '+++' '' \
    'Hội nghị **tổng kết** năm 2026 đã diễn ra.' '' '- Một' '- Hai' \
    >"$s/content/tin-tuc/Hội nghị tổng kết.md"
  printf '%s\n' '+++' 'title = "Thủ tục của xã"' '+++' '' 'Danh sách thủ tục.' \
    >"$s/content/thủ-tục/_index.md"
  printf '%s\n' '+++' 'title = "Đăng ký thường trú"' '+++' '' 'Nội dung thủ tục đăng ký.' \
    >"$s/content/thủ-tục/Đăng ký thường trú.md"
  # Windows line endings, as Notepad saves them.
  find "$s/site.toml" "$s/content" -type f -exec sed -i 's/$/\r/' {} +
}
make_site "$WORK/crlf-linux"
make_site "$WORK/crlf-win"
grep -q $'\r$' "$WORK/crlf-win/site.toml" || fail "the CRLF fixture has no CRLF"
"$LINUX" build --root "$WORK/crlf-linux" -o "$WORK/crlf-linux-out" >/dev/null
out_win="$WORK/Trang đã dựng/public"
mkdir -p "$(dirname "$out_win")"
win build --root "$(winpath "$WORK/crlf-win")" -o "$(winpath "$out_win")" >"$WORK/out.txt" 2>&1 \
  || { cat "$WORK/out.txt"; fail "congbo.exe build of the CRLF site"; }
news="$out_win/tin-tuc/hoi-nghi-tong-ket/index.html"
[ -f "$news" ] || fail "no tin-tuc\\hoi-nghi-tong-ket\\index.html from 'Hội nghị tổng kết.md'"
[ -f "$out_win/thu-tuc/dang-ky-thuong-tru/index.html" ] \
  || fail "no thu-tuc\\dang-ky-thuong-tru\\index.html from the folder thủ-tục"
grep -q '<title>Hội nghị tổng kết công tác cải cách hành chính – Xã Thử Nghiệm</title>' "$news" \
  || fail "the news page's <title> is wrong: $(grep -o '<title>.*</title>' "$news")"
grep -q '<strong>tổng kết</strong>' "$news" || fail "the news page's Markdown was not rendered"
grep -q $'\r' "$news" && fail "a carriage return from the CRLF file reached the page"
n=$(same_output "$WORK/crlf-linux-out" "$out_win" "CRLF site")
ok "CRLF site with content\\thủ-tục\\ and 'Hội nghị tổng kết.md', --root and -o $(winpath "$out_win"): $n files, identical to Linux"

# 3. serve: a page over HTTP, an edit served after its rebuild, then stopped.
(cd "$WORK" && exec "$WINE" "$EXE" serve --root "$(winpath "$WORK/crlf-win")" --port 0 \
  >"$WORK/serve.txt" 2>&1) &
SERVE_PID=$!
url=
for _ in $(seq 1 60); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.txt" | head -n 1 || true)
  [ -n "$url" ] && break
  kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.txt"; fail "congbo.exe serve exited"; }
  sleep 1
done
[ -n "$url" ] || { cat "$WORK/serve.txt"; fail "congbo.exe serve did not say where it listens within 60 s"; }
page="${url}tin-tuc/hoi-nghi-tong-ket/"
curl -sf --max-time 10 "$page" -o "$WORK/page.html" || fail "curl $page failed"
grep -q '<strong>tổng kết</strong>' "$WORK/page.html" || fail "$page has not the page's text"
ok "congbo.exe serve --port 0 listens at $url; curl got $page with its text"
sed -i 's/đã diễn ra\./đã diễn ra thành công./' "$WORK/crlf-win/content/tin-tuc/Hội nghị tổng kết.md"
served=
for _ in $(seq 1 30); do
  if curl -sf --max-time 10 "$page" | grep -q 'đã diễn ra thành công'; then served=1; break; fi
  sleep 1
done
[ -n "$served" ] || { cat "$WORK/serve.txt"; fail "an edit was not served within 30 s"; }
ok "serve saw an edit of 'Hội nghị tổng kết.md' and served the rebuilt page"
kill "$SERVE_PID"
for _ in $(seq 1 10); do kill -0 "$SERVE_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$SERVE_PID" 2>/dev/null && fail "congbo.exe serve did not stop"
SERVE_PID=
curl -s --max-time 5 "$page" >/dev/null && fail "$page still answers after serve was stopped"
ok "serve stopped; $url no longer answers"

echo "Windows (Wine) checks: all $checks passed"
