#!/usr/bin/env bash
# Times `congbo import --dry-run` on a 40-page Word plan (issue #27: "a 40-page Word plan
# imports in under a second"). The plan is made here, as a real .docx (Office Open XML
# written with Python's zipfile), from the shared corpus's plan texts repeated
# (../shared/corpus/txt/) with a 5-column activity table of 40 rows (lead merged
# vertically over each 4 rows, header row marked to repeat) after every 2,000 words, in the
# ND 30 header and ending. With LibreOffice installed (soffice), its page count is checked.
#
#   scripts/bench-import.sh            # release build, RUNS=5 timed runs, median printed
#   PAGES=80 scripts/bench-import.sh   # a longer plan (about 500 words a page)
#   BIN=target/debug/congbo scripts/bench-import.sh   # a binary already built, no build
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-40}
RUNS=${RUNS:-5}
TXT=../shared/corpus/txt
[ -d "$TXT" ] || { echo "no corpus at $TXT" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$TXT" "$WORK/ke-hoach-40-trang.docx" "$PAGES" <<'PY'
import glob, sys, zipfile
from xml.sax.saxutils import escape
txt, out, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
lines = []
for f in sorted(glob.glob(f"{txt}/*.txt")):
    lines += [l.strip().replace("\t", " ") for l in open(f, encoding="utf-8") if l.strip()]
def p(t, bold=False, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
def tc(t, merge=None):
    pr = f'<w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr>' if merge == "restart" else ("<w:tcPr><w:vMerge/></w:tcPr>" if merge else "")
    return f"<w:tc>{pr}{p(t) if t else '<w:p/>'}</w:tc>"
def table(n):
    head = "".join(tc(h) for h in ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"])
    rows = [f'<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>']
    for i in range(1, 41):
        lead = tc(f"Phòng Văn hóa - Xã hội {n}", "restart") if i % 4 == 1 else tc("", "continue")
        rows.append("<w:tr>" + tc(str(i)) + tc(f"Tuyên truyền cải cách hành chính, đợt {i} của bảng {n}") + lead
                    + tc("Văn phòng HĐND và UBND") + tc(f"Quý {1 + i % 4}/2026") + "</w:tr>")
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"
header = ('<w:tbl><w:tr><w:tc>' + p("ỦY BAN NHÂN DÂN") + p("XÃ THỬ NGHIỆM") + p("Số: 40/KH-UBND")
          + '</w:tc><w:tc>' + p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + p("Độc lập - Tự do - Hạnh phúc")
          + p("Thử Nghiệm, ngày 15 tháng 3 năm 2026") + "</w:tc></w:tr></w:tbl>")
body = [header, p("KẾ HOẠCH", True, True), p("Tuyên truyền cải cách hành chính năm 2026", True, True)]
words, since_table, n, i = 0, 0, 0, 0
while words < pages * 500:
    line = lines[i % len(lines)]
    i += 1
    if line.startswith(("KẾ HOẠCH", "Nơi nhận", "Số:")):
        continue
    body.append(p(line, bold=line[:3].rstrip(".").isupper() and len(line) < 90))
    k = len(line.split())
    words += k
    since_table += k
    if since_table >= 2000:
        n += 1
        body.append(table(n))
        since_table = 0
body += [p("Nơi nhận:"), p("- Sở Nội vụ;"), p("- Lưu: VT."), p("TM. ỦY BAN NHÂN DÂN"), p("CHỦ TỊCH"), p("Nguyễn Văn An")]
doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", doc)
print(f"plan: {words} words, {n} tables of 40 rows")
PY
ls -l "$WORK/ke-hoach-40-trang.docx" | awk '{print "file: " $5 " bytes"}'
if command -v soffice >/dev/null 2>&1; then
  soffice --headless "-env:UserInstallation=file://$WORK/profile" --convert-to pdf --outdir "$WORK" \
    "$WORK/ke-hoach-40-trang.docx" >/dev/null 2>&1 || true
  [ -f "$WORK/ke-hoach-40-trang.pdf" ] && \
    echo "pages (LibreOffice): $(grep -ac '/Type */Page[^s]' "$WORK/ke-hoach-40-trang.pdf")"
fi

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/congbo
fi
mkdir -p "$WORK/site"
printf 'title = "Bench"\nbase_url = "https://bench.example/"\nauthority = "UBND xã Thử Nghiệm"\n' > "$WORK/site/site.toml"
"$BIN" import --root "$WORK/site" --dry-run "$WORK/ke-hoach-40-trang.docx" | sed -n '2,99p'
TIMES=()
for _ in $(seq "$RUNS"); do
  s=$(date +%s.%N)
  "$BIN" import --root "$WORK/site" --dry-run "$WORK/ke-hoach-40-trang.docx" >/dev/null
  e=$(date +%s.%N)
  TIMES+=("$(echo "$e - $s" | bc)")
done
printf '%s\n' "${TIMES[@]}" | sort -n | awk '{t[NR]=$1} END {printf "runs: %d, median %.3f s, min %.3f s, max %.3f s\n", NR, t[int((NR+1)/2)], t[1], t[NR]}'
