# Sourced by bench-build.sh and bench-ab.sh: the machine's state before a timed run.
#
# `cold_start DIR` (root only): dirty data written, the page cache dropped, then the files
# under DIR (a corpus) read back into it, so that every cold run starts from the same state.
cold_start() {
  drop_page_cache
  find "$1" -type f -print0 | xargs -0 cat >/dev/null
}

drop_page_cache() {
  sync
  echo 3 >/proc/sys/vm/drop_caches
}

# `warm_up`, for WARM=1:
# On a VM with free page reporting (virtio-balloon, as the development machine), memory the
# guest has not used lately costs a fault in the host as well on its first touch, so a
# build's time depends on what the machine did before it, and a big build pays more per
# page than a small one. `warm_up` stops the reporting until the calling script exits
# (page_reporting_order above the largest order; the old value is put back by an EXIT
# trap) and touches all the available memory but 2 GiB once, so that every later run gets
# memory the host has already backed. Root only; exits the script with a message if the
# kernel has no such setting or refuses it.
warm_up() {
  local order=/sys/module/page_reporting/parameters/page_reporting_order
  [ -w "$order" ] || { echo "WARM=1 needs root and free page reporting ($order)" >&2; exit 1; }
  WARM_OLD_ORDER=$(cat "$order")
  trap 'echo "$WARM_OLD_ORDER" >/sys/module/page_reporting/parameters/page_reporting_order' EXIT
  # Free blocks are reported from this order up; 11 is above x86's largest (10).
  echo 11 >"$order" || { echo "WARM=1: the kernel refused page_reporting_order=11" >&2; exit 1; }
  drop_page_cache
  python3 - <<'PY'
# Touch all the available memory but 2 GiB once, a byte a page, then free it.
avail = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemAvailable:"))
n = max(0, avail * 1024 - (2 << 30))
b = bytearray(n)
b[::4096] = b"\x01" * len(range(0, n, 4096))
print(f"warm:   {n >> 20} MB touched, free page reporting off until the end")
PY
}
