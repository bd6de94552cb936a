#!/usr/bin/env bash
# Compares congbo binaries on one corpus, cold, interleaved: A B A B ... so that a drift of
# the machine (on this VM, both tools' times move by 2x over a day) falls on every binary
# alike. Use it to judge an optimisation; use bench-build.sh for the comparison with Hugo.
#
#   scripts/bench-ab.sh PAGES RUNS BINARY...
#   cp target/release/congbo /tmp/before; (change, build); \
#     scripts/bench-ab.sh 10000 5 /tmp/before target/release/congbo
#
# The corpus is bench-build.sh's ($BENCH_DIR/congbo-PAGES; run that first). Every build
# writes into a new folder under $BENCH_DIR/ab-outputs, deleted at the end (on ext4, deleting
# many files slows the next builds' file creation for minutes). With OUTPUTS=/dev/shm
# (memory) each output is deleted as soon as its build is timed instead: at 100,000 pages
# an output is 3 GB, and the ones kept left later builds short of memory (27 s became
# 37 s). As root, each build starts from the same memory state (dirty data
# written, page cache dropped, corpus read back), as with DROP_CACHES=1 there. Builds use
# SOURCE_DATE_EPOCH, so outputs of binaries that should agree can be compared with
# diff -r before they are deleted (KEEP=1 keeps them). WARM=1 (root, on a VM) first takes
# the host's page faults out of the measurement, as in bench-build.sh. Prints each build's
# wall, user and system seconds and peak memory, then each binary's median.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { sed -n 2,9p "$0" >&2; exit 1; }
N=$1 RUNS=$2; shift 2
BENCH_DIR=${BENCH_DIR:-$(pwd)/../bench-sites}
CORPUS="$BENCH_DIR/congbo-$N"
[ -d "$CORPUS/content" ] || { echo "no corpus at $CORPUS: run scripts/bench-build.sh $N first" >&2; exit 1; }
BINS=()
for b in "$@"; do BINS+=("$(realpath "$b")"); done
# A binary as printed: its number and the end of its path.
name() { local p=${BINS[$1]}; [ ${#p} -le 37 ] || p="...${p: -34}"; echo "$1: $p"; }
OUT="${OUTPUTS:-$BENCH_DIR}/ab-outputs/$$"
mkdir -p "$OUT"
RES=$(mktemp)
# shellcheck source=scripts/bench-machine.sh
. "$(pwd)/scripts/bench-machine.sh"
[ "${WARM:-0}" != 1 ] || warm_up

settle() {
  [ -w /proc/sys/vm/drop_caches ] || return 0
  cold_start "$CORPUS"
}

printf '%-4s %-40s %8s %8s %8s %9s\n' run binary wall user system "peak MB"
for r in $(seq "$RUNS"); do
  for i in "${!BINS[@]}"; do
    settle
    t=$(mktemp)
    (cd "$CORPUS" && SOURCE_DATE_EPOCH=1700000000 /usr/bin/time -f "%e %U %S %M" -o "$t" \
      "${BINS[$i]}" build --output-dir "$OUT/$i-$r" >/dev/null 2>&1)
    read -r wall user sys kb < <(tail -n 1 "$t"); rm -f "$t"
    printf '%-4s %-40s %8s %8s %8s %9d\n' "$r" "$(name "$i")" "$wall" "$user" "$sys" $((kb / 1024))
    if [ -n "${OUTPUTS:-}" ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "${OUT:?}/$i-$r"; fi
    echo "$i $wall $((kb / 1024))" >>"$RES"
  done
done
echo
for i in "${!BINS[@]}"; do
  med() { awk -v i="$i" -v c="$1" '$1 == i {print $c}' "$RES" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf 'median %-40s %8s s %9s MB\n' "$(name "$i")" "$(med 2)" "$(med 3)"
done
rm -f "$RES"
if [ "${KEEP:-0}" = 1 ]; then echo "outputs kept in $OUT"; else rm -rf "$OUT"; rmdir "$(dirname "$OUT")" 2>/dev/null || true; fi
